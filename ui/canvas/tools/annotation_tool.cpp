#include "canvas/tools/annotation_tool.h"

#include "canvas/mask_document.h"

namespace kensa::ui {

void AnnotationTool::setDocument(MaskDocument* doc) {
    if (doc == m_doc)
        return;
    cancel();
    m_doc = doc;
}

}  // namespace kensa::ui
