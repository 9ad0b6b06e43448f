#include "canvas/tools/brush_tool.h"

#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"

#include <QPainter>

namespace kensa::ui {

void BrushTool::press(QPointF pos, Qt::MouseButton button) {
    if (!m_doc || m_stroking || (button != Qt::LeftButton && button != Qt::RightButton))
        return;
    m_stroking = true;
    m_value = paintValue(button);
    m_last = pos;
    m_doc->beginEdit();
    m_doc->touched(
        mask_ops::paintSegment(m_doc->editableMask(), pos, pos, m_settings->brushSize / 2.0, m_value));
}

void BrushTool::move(QPointF pos, bool pressed) {
    m_hover = pos;
    Q_EMIT overlayChanged();
    if (!m_stroking || !m_doc)
        return;
    m_doc->touched(
        mask_ops::paintSegment(m_doc->editableMask(), m_last, pos, m_settings->brushSize / 2.0, m_value));
    m_last = pos;
}

void BrushTool::release(QPointF pos, Qt::MouseButton) {
    if (!m_stroking)
        return;
    move(pos, true);
    m_stroking = false;
    if (m_doc)
        m_doc->endEdit(strokeText(m_value));
}

void BrushTool::cancel() {
    if (m_stroking && m_doc)
        m_doc->endEdit(strokeText(m_value));  // what was drawn stays, as one undoable command
    m_stroking = false;
}

void BrushTool::paintOverlay(QPainter& painter, const QTransform& imageToWidget) const {
    if (!m_doc || !QRectF(QPointF(0, 0), m_doc->size()).contains(m_hover))
        return;
    const qreal r = m_settings->brushSize / 2.0 * imageToWidget.m11();
    const QPointF c = imageToWidget.map(m_hover);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor(0, 0, 0, 160), 3));
    painter.drawEllipse(c, r, r);
    painter.setPen(QPen(Qt::white, 1));
    painter.drawEllipse(c, r, r);
}

}  // namespace kensa::ui
