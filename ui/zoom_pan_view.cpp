#include "zoom_pan_view.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace kensa::ui {

namespace {
constexpr qreal k_minZoom = 0.02;
constexpr qreal k_maxZoom = 64.0;
constexpr qreal k_zoomStep = 1.25;
constexpr qreal k_fitMargin = 16;
}  // namespace

ZoomPanView::ZoomPanView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
}

void ZoomPanView::setImageSize(QSize size, bool keepPlace) {
    const bool same = size == m_imageSize;
    m_imageSize = size;
    m_message.clear();
    if (same && keepPlace) {
        update();
        return;
    }
    zoomToFit();
}

void ZoomPanView::setMessageText(const QString& message) {
    m_imageSize = {};
    m_message = message;
    update();
}

void ZoomPanView::setPlace(const Place& place) {
    if (place.fit) {
        zoomToFit();
        return;
    }
    m_fit = false;
    m_scale = std::clamp(place.scale, k_minZoom, k_maxZoom);
    m_offset = place.offset;
    scaleChanged();
    Q_EMIT zoomChanged(m_scale);
    update();
}

void ZoomPanView::setRegion(const QPolygonF& corners, QSize reference) {
    m_region = corners;
    m_regionReference = reference;
    update();
}

void ZoomPanView::setRegion(const model::RegionOfInterest& region) {
    QPolygonF corners;
    for (const auto& p : region.polygon)
        corners << QPointF(p.x, p.y);
    setRegion(corners, QSize(region.reference_width, region.reference_height));
}

QPolygonF ZoomPanView::regionInImage() const {
    if (m_region.isEmpty() || !hasImage() || m_regionReference.isEmpty())
        return {};
    return QTransform::fromScale(qreal(m_imageSize.width()) / m_regionReference.width(),
                                 qreal(m_imageSize.height()) / m_regionReference.height())
        .map(m_region);
}

void ZoomPanView::paintRegion(QPainter& p, const QRectF& target) const {
    const QPolygonF region = imageToWidget().map(regionInImage());
    if (region.isEmpty())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath outside;
    outside.addRect(target);
    QPainterPath inside;
    inside.addPolygon(region);
    inside.closeSubpath();
    p.fillPath(outside.subtracted(inside), QColor(0, 0, 0, 110));  // what the model never looks at
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0, 0, 0, 160), 3));
    p.drawPath(inside);
    p.setPen(QPen(QColor(0, 220, 255), 1.5, Qt::DashLine));
    p.drawPath(inside);
    p.restore();
}

QTransform ZoomPanView::imageToWidget() const {
    return QTransform(m_scale, 0, 0, m_scale, m_offset.x(), m_offset.y());
}

QPointF ZoomPanView::widgetToImage(QPointF p) const {
    return (p - m_offset) / m_scale;
}

void ZoomPanView::zoomIn() {
    m_fit = false;
    setZoom(m_scale * k_zoomStep, rect().center());
}

void ZoomPanView::zoomOut() {
    m_fit = false;
    setZoom(m_scale / k_zoomStep, rect().center());
}

void ZoomPanView::zoomToFit() {
    m_fit = true;
    if (!hasImage()) {
        update();
        return;
    }
    const qreal s = std::min((width() - 2 * k_fitMargin) / m_imageSize.width(),
                             (height() - 2 * k_fitMargin) / m_imageSize.height());
    m_scale = std::clamp(s, k_minZoom, k_maxZoom);
    m_offset = QPointF((width() - m_imageSize.width() * m_scale) / 2, (height() - m_imageSize.height() * m_scale) / 2);
    scaleChanged();
    Q_EMIT zoomChanged(m_scale);
    update();
}

void ZoomPanView::zoomToActualSize() {
    m_fit = false;
    setZoom(1.0, rect().center());
}

void ZoomPanView::setZoom(qreal scale, QPointF anchor) {
    scale = std::clamp(scale, k_minZoom, k_maxZoom);
    const QPointF imagePoint = widgetToImage(anchor);
    m_scale = scale;
    m_offset = anchor - imagePoint * m_scale;  // keep the point under the anchor in place
    scaleChanged();
    Q_EMIT zoomChanged(m_scale);
    update();
}

QCursor ZoomPanView::restingCursor() const {
    return m_leftPans && hasImage() ? QCursor(Qt::OpenHandCursor) : QCursor(Qt::ArrowCursor);
}

void ZoomPanView::updateCursor() {
    setCursor(m_panning ? QCursor(Qt::ClosedHandCursor) : m_spaceHeld ? QCursor(Qt::OpenHandCursor) : restingCursor());
}

void ZoomPanView::reportCursor(QPointF widgetPosition) {
    const QPointF pos = widgetToImage(widgetPosition);
    const QPoint pixel(int(std::floor(pos.x())), int(std::floor(pos.y())));
    Q_EMIT cursorMoved(pixel, hasImage() && QRect(QPoint(), m_imageSize).contains(pixel));
}

bool ZoomPanView::panPress(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    const bool left = event->button() == Qt::LeftButton;
    if (event->button() != Qt::MiddleButton && !(left && (m_spaceHeld || m_leftPans)))
        return false;
    m_panning = true;
    m_panStart = event->position().toPoint();
    m_panOffsetStart = m_offset;
    updateCursor();
    return true;
}

bool ZoomPanView::panMove(QMouseEvent* event) {
    if (!m_panning)
        return false;
    m_fit = false;
    m_offset = m_panOffsetStart + (event->position() - m_panStart);
    update();
    return true;
}

bool ZoomPanView::panRelease(QMouseEvent* event) {
    if (!m_panning || (event->button() != Qt::MiddleButton && event->button() != Qt::LeftButton))
        return false;
    m_panning = false;
    updateCursor();
    return true;
}

bool ZoomPanView::panKey(QKeyEvent* event, bool pressed) {
    if (event->key() != Qt::Key_Space || event->isAutoRepeat())
        return false;
    m_spaceHeld = pressed;
    updateCursor();
    return true;
}

void ZoomPanView::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    p.fillRect(event->rect(), palette().color(QPalette::Dark).darker(160));
    if (!hasImage()) {
        p.setPen(palette().color(QPalette::BrightText));
        p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QRectF target(m_offset, QSizeF(m_imageSize) * m_scale);
    paintImage(p, target);
    paintRegion(p, target);
    paintAbove(p);
}

void ZoomPanView::resizeEvent(QResizeEvent*) {
    if (m_fit)
        zoomToFit();
}

void ZoomPanView::wheelEvent(QWheelEvent* event) {
    if (!hasImage())
        return;
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    m_fit = false;
    setZoom(m_scale * std::pow(k_zoomStep, steps), event->position());
    event->accept();
}

void ZoomPanView::mousePressEvent(QMouseEvent* event) {
    if (!panPress(event))
        QWidget::mousePressEvent(event);
}

void ZoomPanView::mouseMoveEvent(QMouseEvent* event) {
    if (!panMove(event))
        reportCursor(event->position());
}

void ZoomPanView::mouseReleaseEvent(QMouseEvent* event) {
    if (!panRelease(event))
        QWidget::mouseReleaseEvent(event);
}

void ZoomPanView::keyPressEvent(QKeyEvent* event) {
    if (!panKey(event, true))
        QWidget::keyPressEvent(event);
}

void ZoomPanView::keyReleaseEvent(QKeyEvent* event) {
    if (!panKey(event, false))
        QWidget::keyReleaseEvent(event);
}

}  // namespace kensa::ui
