#include "canvas/annotation_canvas.h"

#include "canvas/mask_document.h"
#include "canvas/tools/annotation_tool.h"

#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace kensa::ui {

AnnotationCanvas::AnnotationCanvas(QWidget* parent) : ZoomPanView(parent) {
    setLeftButtonPans(false);  // the left button draws
    setMessageText(tr("Select an image to annotate."));
}

void AnnotationCanvas::setImage(const QImage& image, MaskDocument* doc) {
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_image = image;
    m_doc = doc;
    if (m_doc)
        connect(m_doc, &MaskDocument::regionChanged, this, &AnnotationCanvas::onRegionChanged);
    if (m_tool)
        m_tool->setDocument(m_doc);
    m_overlay = QImage(m_image.size(), QImage::Format_ARGB32_Premultiplied);
    updateOverlay(m_overlay.rect());
    setImageSize(m_image.size());
}

void AnnotationCanvas::showMessage(const QString& message) {
    if (m_doc)
        disconnect(m_doc, nullptr, this, nullptr);
    m_doc = nullptr;
    if (m_tool)
        m_tool->setDocument(nullptr);
    m_image = {};
    m_overlay = {};
    setMessageText(message);
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
        m_tool->setPixelSize(1.0 / zoom());
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

void AnnotationCanvas::scaleChanged() {
    if (m_tool)
        m_tool->setPixelSize(1.0 / zoom());
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

void AnnotationCanvas::paintImage(QPainter& p, const QRectF& target) {
    // Smooth up to moderate zoom; crisp pixels beyond, where annotators need to see single pixels.
    p.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 4.0);
    p.drawImage(target, m_image);
    if (!m_overlay.isNull() && m_opacity > 0) {
        p.setOpacity(m_opacity);
        p.drawImage(target, m_overlay);
        p.setOpacity(1.0);
    }
    p.setPen(QPen(QColor(255, 255, 255, 40), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(target.adjusted(-0.5, -0.5, 0.5, 0.5));
}

void AnnotationCanvas::paintAbove(QPainter& p) {
    if (m_tool)
        m_tool->paintOverlay(p, imageToWidget());
}

void AnnotationCanvas::mousePressEvent(QMouseEvent* event) {
    if (panPress(event))
        return;
    if (m_tool && m_doc && m_toolButton == Qt::NoButton) {
        m_toolButton = event->button();
        m_tool->press(widgetToImage(event->position()), event->button());
    }
}

void AnnotationCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (panMove(event))
        return;
    if (m_tool)
        m_tool->move(widgetToImage(event->position()), m_toolButton != Qt::NoButton);
    reportCursor(event->position());
}

void AnnotationCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (panRelease(event))
        return;
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
    if (panKey(event, true))
        return;
    if (m_tool && m_tool->key(event->key()))
        return;
    QWidget::keyPressEvent(event);
}

void AnnotationCanvas::keyReleaseEvent(QKeyEvent* event) {
    if (!panKey(event, false))
        QWidget::keyReleaseEvent(event);
}

void AnnotationCanvas::leaveEvent(QEvent*) {
    if (m_tool && m_toolButton == Qt::NoButton)
        m_tool->move(QPointF(-1e9, -1e9), false);  // hides the brush outline
}

QCursor AnnotationCanvas::restingCursor() const {
    return m_tool ? m_tool->cursor() : QCursor(Qt::ArrowCursor);
}

}  // namespace kensa::ui
