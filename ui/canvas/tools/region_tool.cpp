#include "canvas/tools/region_tool.h"

#include <QLineF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace kensa::ui {

namespace {
constexpr qreal k_dragScreenPixels = 4;  // a press that moves farther draws a rectangle, not a corner
}  // namespace

QPointF RegionTool::clamped(QPointF pos) const {
    const QSizeF size = m_doc ? QSizeF(m_doc->size()) : QSizeF();
    return {std::clamp(pos.x(), 0.0, size.width()), std::clamp(pos.y(), 0.0, size.height())};
}

void RegionTool::press(QPointF pos, Qt::MouseButton button) {
    if (!m_doc)
        return;
    if (button == Qt::RightButton) {
        cancel();
        return;
    }
    if (button != Qt::LeftButton)
        return;
    m_pressed = true;
    m_dragging = false;
    m_pressAt = clamped(pos);
}

void RegionTool::move(QPointF pos, bool pressed) {
    m_hover = clamped(pos);
    if (pressed && m_pressed && m_points.isEmpty() &&
        QLineF(pos, m_pressAt).length() > k_dragScreenPixels * m_pixelSize)
        m_dragging = true;
    if (m_dragging || !m_points.isEmpty())
        Q_EMIT overlayChanged();
}

void RegionTool::release(QPointF pos, Qt::MouseButton button) {
    if (button != Qt::LeftButton || !m_pressed)
        return;
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        const QRectF r = QRectF(m_pressAt, clamped(pos)).normalized();
        finish(QPolygonF({r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()}));
        return;
    }
    if (m_points.size() >= 3 && nearFirst(m_pressAt)) {
        closePolygon();
        return;
    }
    m_points << m_pressAt;  // a click: the polygon's next corner
    Q_EMIT overlayChanged();
}

void RegionTool::doubleClick(QPointF, Qt::MouseButton button) {
    if (button != Qt::LeftButton)
        return;
    m_pressed = false;  // its release adds no corner
    closePolygon();     // the double-click's first click already added this corner
}

bool RegionTool::key(int key) {
    if (m_points.isEmpty())
        return false;
    if (key == Qt::Key_Return || key == Qt::Key_Enter)
        closePolygon();
    else if (key == Qt::Key_Escape)
        cancel();
    else if (key == Qt::Key_Backspace) {
        m_points.removeLast();
        Q_EMIT overlayChanged();
    } else
        return false;
    return true;
}

void RegionTool::cancel() {
    m_pressed = m_dragging = false;
    if (m_points.isEmpty())
        return;
    m_points.clear();
    Q_EMIT overlayChanged();
}

bool RegionTool::nearFirst(QPointF pos) const {
    return QLineF(pos, m_points.first()).length() <= 6.0 * m_pixelSize;
}

void RegionTool::closePolygon() {
    if (m_points.size() >= 3)
        finish(m_points);
    m_points.clear();
    Q_EMIT overlayChanged();
}

void RegionTool::finish(const QPolygonF& corners) {
    if (!m_doc)
        return;
    QPolygon rounded;
    for (const QPointF& p : corners) {
        const QPoint q(int(std::lround(p.x())), int(std::lround(p.y())));
        if (rounded.isEmpty() || rounded.last() != q)
            rounded << q;
    }
    if (rounded.size() > 1 && rounded.first() == rounded.last())
        rounded.removeLast();
    Q_EMIT overlayChanged();
    Q_EMIT regionDrawn(rounded, m_doc->size());
}

void RegionTool::paintOverlay(QPainter& painter, const QTransform& imageToWidget) const {
    QPolygonF shown;
    if (m_dragging) {
        const QRectF r = QRectF(m_pressAt, m_hover).normalized();
        shown = imageToWidget.map(QPolygonF({r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft(), r.topLeft()}));
    } else if (!m_points.isEmpty()) {
        shown = imageToWidget.map(m_points);
        shown << imageToWidget.map(m_hover);
    } else {
        return;
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 0, 0, 160), 3));
    painter.drawPolyline(shown);
    painter.setPen(QPen(QColor(0, 220, 255), 1.5, Qt::DashLine));
    painter.drawPolyline(shown);
    painter.setPen(QPen(Qt::black, 1));
    painter.setBrush(QColor(0, 220, 255));
    for (const QPointF& p : imageToWidget.map(m_points))
        painter.drawRect(QRectF(p - QPointF(3, 3), QSizeF(6, 6)));
    painter.restore();
}

}  // namespace kensa::ui
