#include "canvas/tools/fill_tool.h"

#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"

#include <cmath>

namespace kensa::ui {

void FillTool::press(QPointF pos, Qt::MouseButton button) {
    if (!m_doc || (button != Qt::LeftButton && button != Qt::RightButton))
        return;
    const QPoint seed(int(std::floor(pos.x())), int(std::floor(pos.y())));
    const uchar value = button == Qt::LeftButton ? 255 : 0;
    m_doc->beginEdit();
    m_doc->touched(mask_ops::floodFill(m_doc->editableMask(), seed, value));
    m_doc->endEdit(value ? tr("Fill") : tr("Clear area"));
}

}  // namespace kensa::ui
