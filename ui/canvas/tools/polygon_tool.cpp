#include "canvas/tools/polygon_tool.h"

#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"

#include <QLineF>
#include <QPainter>

namespace kensa::ui {

void PolygonTool::press(QPointF pos, Qt::MouseButton button) {
    if (!startsCorner(button))
        return;
    if (m_points.size() >= 3 && nearFirst(pos)) {
        close();
        return;
    }
    addCorner(pos);
}

bool PolygonTool::startsCorner(Qt::MouseButton button) {
    if (!m_doc)
        return false;
    if (button == Qt::RightButton)
        cancel();  // the right button drops the polygon
    return button == Qt::LeftButton;
}

void PolygonTool::addCorner(QPointF pos) {
    m_points << pos;
    Q_EMIT overlayChanged();
}

void PolygonTool::move(QPointF pos, bool) {
    if (m_doc && !QRectF(QPointF(-1, -1), QSizeF(m_doc->size()) + QSizeF(2, 2)).contains(pos) &&
        !m_points.isEmpty())
        return;  // the cursor left the image: keep the rubber band where it was
    m_hover = pos;
    if (!m_points.isEmpty())
        Q_EMIT overlayChanged();
}

void PolygonTool::doubleClick(QPointF pos, Qt::MouseButton button) {
    // The double-click's first press already added this corner.
    if (button == Qt::LeftButton)
        close();
}

bool PolygonTool::key(int key) {
    if (m_points.isEmpty())
        return false;
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        close();
    } else if (key == Qt::Key_Escape) {
        cancel();
    } else if (key == Qt::Key_Backspace) {
        m_points.removeLast();
        Q_EMIT overlayChanged();
    } else {
        return false;
    }
    return true;
}

void PolygonTool::cancel() {
    if (m_points.isEmpty())
        return;
    m_points.clear();
    Q_EMIT overlayChanged();
}

bool PolygonTool::nearFirst(QPointF pos) const {
    return QLineF(pos, m_points.first()).length() <= 6.0 * m_pixelSize;
}

void PolygonTool::close() {
    const QPolygonF corners = m_points;
    m_points.clear();
    if (corners.size() >= 3 && m_doc)
        closed(corners);
    Q_EMIT overlayChanged();
}

void PolygonTool::closed(const QPolygonF& corners) {
    m_doc->beginEdit();
    m_doc->touched(mask_ops::fillPolygon(m_doc->editableMask(), corners, 255));
    m_doc->endEdit(tr("Polygon"));
}

void PolygonTool::paintOverlay(QPainter& painter, const QTransform& imageToWidget) const {
    if (m_points.isEmpty())
        return;
    QPolygonF line = imageToWidget.map(m_points);
    line << imageToWidget.map(m_hover);
    paintOutline(painter, line, imageToWidget.map(m_points));
}

void PolygonTool::paintOutline(QPainter& painter, const QPolygonF& line, const QPolygonF& corners) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 0, 0, 160), 3));
    painter.drawPolyline(line);
    painter.setPen(QPen(lineColour(), 1.5, Qt::DashLine));
    painter.drawPolyline(line);
    painter.setPen(QPen(Qt::black, 1));
    painter.setBrush(lineColour());
    for (const QPointF& p : corners)
        painter.drawRect(QRectF(p - QPointF(3, 3), QSizeF(6, 6)));
    painter.restore();
}

}  // namespace kensa::ui
