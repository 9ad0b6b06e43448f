#include "canvas/tools/region_tool.h"

#include <QLineF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace kensa::ui {

namespace {
constexpr qreal k_dragScreenPixels = 4;  // a press that moves farther draws a rectangle, not a corner

QPolygonF rectangleCorners(QPointF a, QPointF b) {
    const QRectF r = QRectF(a, b).normalized();
    return QPolygonF({r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()});
}
}  // namespace

QPointF RegionTool::clamped(QPointF pos) const {
    const QSizeF size = m_doc ? QSizeF(m_doc->size()) : QSizeF();
    return {std::clamp(pos.x(), 0.0, size.width()), std::clamp(pos.y(), 0.0, size.height())};
}

void RegionTool::press(QPointF pos, Qt::MouseButton button) {
    if (!startsCorner(button))
        return;
    // Corners come on release: only then is it clear whether this press is a click or a drag.
    m_pressed = true;
    m_dragging = false;
    m_pressAt = clamped(pos);
}

void RegionTool::move(QPointF pos, bool pressed) {
    m_hover = clamped(pos);
    if (pressed && m_pressed && m_points.isEmpty() &&
        QLineF(m_hover, m_pressAt).length() > k_dragScreenPixels * m_pixelSize)
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
        closed(rectangleCorners(m_pressAt, clamped(pos)));
        Q_EMIT overlayChanged();
    } else if (m_points.size() >= 3 && nearFirst(m_pressAt)) {
        close();
    } else {
        addCorner(m_pressAt);
    }
}

void RegionTool::doubleClick(QPointF pos, Qt::MouseButton button) {
    m_pressed = false;  // its release adds no corner
    PolygonTool::doubleClick(pos, button);
}

bool RegionTool::key(int key) {
    if (m_dragging && key == Qt::Key_Escape) {
        cancel();
        Q_EMIT overlayChanged();
        return true;
    }
    return PolygonTool::key(key);
}

void RegionTool::cancel() {
    m_pressed = m_dragging = false;
    PolygonTool::cancel();
}

void RegionTool::closed(const QPolygonF& corners) {
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
    Q_EMIT regionDrawn(rounded, m_doc->size());
}

void RegionTool::paintOverlay(QPainter& painter, const QTransform& imageToWidget) const {
    if (!m_dragging) {
        PolygonTool::paintOverlay(painter, imageToWidget);
        return;
    }
    QPolygonF corners = imageToWidget.map(rectangleCorners(m_pressAt, m_hover));
    QPolygonF line = corners;
    line << corners.first();
    paintOutline(painter, line, corners);
}

}  // namespace kensa::ui
