#include "canvas/annotation_canvas.h"

#include "canvas/mask_document.h"
#include "canvas/tools/annotation_tool.h"

#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace kensa::ui {

namespace {
constexpr qreal k_minZoom = 0.02;
constexpr qreal k_maxZoom = 64.0;
constexpr qreal k_zoomStep = 1.25;
}  // namespace

AnnotationCanvas::AnnotationCanvas(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    m_message = tr("Select an image to annotate.");
}

void AnnotationCanvas::setImage(const QImage& image, MaskDocument* doc) {
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_image = image;
    m_doc = doc;
    m_message.clear();
    if (m_doc)
        connect(m_doc, &MaskDocument::regionChanged, this, &AnnotationCanvas::onRegionChanged);
    if (m_tool)
        m_tool->setDocument(m_doc);
    m_overlay = QImage(m_image.size(), QImage::Format_ARGB32_Premultiplied);
    updateOverlay(m_overlay.rect());
    zoomToFit();
}

void AnnotationCanvas::showMessage(const QString& message) {
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = nullptr;
    if (m_tool)
        m_tool->setDocument(nullptr);
    m_image = {};
    m_overlay = {};
    m_message = message;
    update();
}

void AnnotationCanvas::setTool(AnnotationTool* tool) {
    if (m_tool) {
        m_tool->cancel();
        m_tool->setDocument(nullptr);
        disconnect(m_tool, nullptr, this, nullptr);
    }
    m_tool = tool;
    if (m_tool) {
        m_tool->setDocument(m_doc);
        m_tool->setPixelSize(1.0 / m_scale);
        connect(m_tool, &AnnotationTool::overlayChanged, this, qOverload<>(&QWidget::update));
    }
    updateCursor();
    update();
}

void AnnotationCanvas::setMaskColor(const QColor& color) {
    if (color == m_color)
        return;
    m_color = color;
    updateOverlay(m_overlay.rect());
    update();
}

void AnnotationCanvas::setMaskOpacity(qreal opacity) {
    m_opacity = std::clamp(opacity, 0.0, 1.0);
    update();
}

QTransform AnnotationCanvas::imageToWidget() const {
    return QTransform(m_scale, 0, 0, m_scale, m_offset.x(), m_offset.y());
}

QPointF AnnotationCanvas::widgetToImage(QPointF p) const {
    return (p - m_offset) / m_scale;
}

void AnnotationCanvas::zoomIn() {
    m_fit = false;
    setZoom(m_scale * k_zoomStep, rect().center());
}

void AnnotationCanvas::zoomOut() {
    m_fit = false;
    setZoom(m_scale / k_zoomStep, rect().center());
}

void AnnotationCanvas::zoomToFit() {
    m_fit = true;
    if (m_image.isNull()) {
        update();
        return;
    }
    const qreal margin = 16;
    const qreal s =
        std::min((width() - 2 * margin) / m_image.width(), (height() - 2 * margin) / m_image.height());
    m_scale = std::clamp(s, k_minZoom, k_maxZoom);
    m_offset =
        QPointF((width() - m_image.width() * m_scale) / 2, (height() - m_image.height() * m_scale) / 2);
    if (m_tool)
        m_tool->setPixelSize(1.0 / m_scale);
    Q_EMIT zoomChanged(m_scale);
    update();
}

void AnnotationCanvas::zoomToActualSize() {
    m_fit = false;
    setZoom(1.0, rect().center());
}

void AnnotationCanvas::setZoom(qreal scale, QPointF anchor) {
    scale = std::clamp(scale, k_minZoom, k_maxZoom);
    const QPointF imagePoint = widgetToImage(anchor);
    m_scale = scale;
    m_offset = anchor - imagePoint * m_scale;  // keep the point under the anchor in place
    if (m_tool)
        m_tool->setPixelSize(1.0 / m_scale);
    Q_EMIT zoomChanged(m_scale);
    update();
}

void AnnotationCanvas::updateOverlay(const QRect& imageRect) {
    if (!m_doc || m_overlay.isNull())
        return;
    const QImage& mask = m_doc->mask();
    const QRect r = imageRect.intersected(m_overlay.rect()).intersected(mask.rect());
    const QRgb on = qPremultiply(qRgba(m_color.red(), m_color.green(), m_color.blue(), 255));
    for (int y = r.top(); y <= r.bottom(); ++y) {
        const uchar* m = mask.constScanLine(y);
        auto* out = reinterpret_cast<QRgb*>(m_overlay.scanLine(y));
        for (int x = r.left(); x <= r.right(); ++x)
            out[x] = m[x] ? on : 0;
    }
}

void AnnotationCanvas::onRegionChanged(const QRect& imageRect) {
    updateOverlay(imageRect);
    update(imageToWidget().mapRect(QRectF(imageRect)).toAlignedRect().adjusted(-2, -2, 2, 2));
}

void AnnotationCanvas::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    p.fillRect(event->rect(), palette().color(QPalette::Dark).darker(160));
    if (m_image.isNull()) {
        p.setPen(palette().color(QPalette::BrightText));
        p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QRectF target(m_offset, QSizeF(m_image.size()) * m_scale);
    // Smooth up to moderate zoom; crisp pixels beyond, where annotators need to see single pixels.
    p.setRenderHint(QPainter::SmoothPixmapTransform, m_scale < 4.0);
    p.drawImage(target, m_image);
    if (!m_overlay.isNull() && m_opacity > 0) {
        p.setOpacity(m_opacity);
        p.drawImage(target, m_overlay);
        p.setOpacity(1.0);
    }
    p.setPen(QPen(QColor(255, 255, 255, 40), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
    if (m_tool)
        m_tool->paintOverlay(p, imageToWidget());
}

void AnnotationCanvas::resizeEvent(QResizeEvent*) {
    if (m_fit)
        zoomToFit();
}

void AnnotationCanvas::wheelEvent(QWheelEvent* event) {
    if (m_image.isNull())
        return;
    const qreal steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    m_fit = false;
    setZoom(m_scale * std::pow(k_zoomStep, steps), event->position());
    event->accept();
}

void AnnotationCanvas::mousePressEvent(QMouseEvent* event) {
    setFocus(Qt::MouseFocusReason);
    if (event->button() == Qt::MiddleButton || (m_spaceHeld && event->button() == Qt::LeftButton)) {
        m_panning = true;
        m_panStart = event->position().toPoint();
        m_panOffsetStart = m_offset;
        setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (m_tool && m_doc && m_toolButton == Qt::NoButton) {
        m_toolButton = event->button();
        m_tool->press(widgetToImage(event->position()), event->button());
    }
}

void AnnotationCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (m_panning) {
        m_fit = false;
        m_offset = m_panOffsetStart + (event->position() - m_panStart);
        update();
        return;
    }
    const QPointF pos = widgetToImage(event->position());
    if (m_tool)
        m_tool->move(pos, m_toolButton != Qt::NoButton);
    const QPoint pixel(int(std::floor(pos.x())), int(std::floor(pos.y())));
    Q_EMIT cursorMoved(pixel, !m_image.isNull() && m_image.rect().contains(pixel));
}

void AnnotationCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        updateCursor();
        return;
    }
    if (m_tool && event->button() == m_toolButton)
        m_tool->release(widgetToImage(event->position()), event->button());
    if (event->button() == m_toolButton)
        m_toolButton = Qt::NoButton;
}

void AnnotationCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    if (m_tool && m_doc)
        m_tool->doubleClick(widgetToImage(event->position()), event->button());
}

void AnnotationCanvas::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        setCursor(Qt::OpenHandCursor);
        return;
    }
    if (m_tool && m_tool->key(event->key()))
        return;
    QWidget::keyPressEvent(event);
}

void AnnotationCanvas::keyReleaseEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        updateCursor();
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void AnnotationCanvas::leaveEvent(QEvent*) {
    if (m_tool && m_toolButton == Qt::NoButton)
        m_tool->move(QPointF(-1e9, -1e9), false);  // hides the brush outline
}

void AnnotationCanvas::updateCursor() {
    setCursor(m_spaceHeld ? QCursor(Qt::OpenHandCursor)
              : m_tool    ? m_tool->cursor()
                          : QCursor(Qt::ArrowCursor));
}

}  // namespace kensa::ui
