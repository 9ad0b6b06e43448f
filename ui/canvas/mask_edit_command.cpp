#include "canvas/mask_edit_command.h"

#include "canvas/mask_document.h"

namespace kensa::ui {

MaskEditCommand::MaskEditCommand(MaskDocument* doc, const QRect& rect, QImage before, QImage after,
                                 const QString& text)
    : QUndoCommand(text), m_doc(doc), m_rect(rect), m_before(std::move(before)), m_after(std::move(after)) {}

void MaskEditCommand::undo() {
    m_doc->replaceRegion(m_rect, m_before);
    m_applied = false;
}

void MaskEditCommand::redo() {
    if (m_applied)
        return;  // drawn already by the tool
    m_doc->replaceRegion(m_rect, m_after);
    m_applied = true;
}

}  // namespace kensa::ui
