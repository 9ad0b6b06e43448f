#include "inspection/inspection_view.h"

#include <QPainter>

namespace kensa::ui {

InspectionView::InspectionView(QWidget* parent) : ZoomPanView(parent) {
    setMinimumSize(200, 160);
}

void InspectionView::setImage(const QImage& image, bool sameImage) {
    m_image = image;
    setImageSize(image.size(), sameImage);
}

void InspectionView::setHeatmap(const QImage& heatmap) {
    m_heatmap = heatmap;
    update();
}

void InspectionView::setOutline(const QPainterPath& outline) {
    m_outline = outline;
    update();
}

void InspectionView::setHeatmapVisible(bool visible) {
    m_heatmapVisible = visible;
    update();
}

void InspectionView::setOpacity(double opacity) {
    m_opacity = opacity;
    update();
}

void InspectionView::setMessage(const QString& message) {
    m_image = {};
    m_heatmap = {};
    m_outline = {};
    m_badge.clear();
    setMessageText(message);
}

void InspectionView::setBadge(const QString& text, const QColor& background) {
    m_badge = text;
    m_badgeColour = background;
    update();
}

void InspectionView::paintImage(QPainter& p, const QRectF& target) {
    p.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 4.0);  // single pixels visible when zoomed in
    p.drawImage(target, m_image);
    if (m_heatmapVisible && !m_heatmap.isNull()) {
        p.setOpacity(m_opacity);
        p.drawImage(target, m_heatmap);
        p.setOpacity(1.0);
    }
    if (!m_outline.isEmpty()) {
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setTransform(imageToWidget(), true);
        QPen halo(QColor(0, 0, 0, 150), 4.0);
        halo.setCosmetic(true);
        p.strokePath(m_outline, halo);
        QPen line(QColor(255, 255, 255), 2.0);
        line.setCosmetic(true);
        p.strokePath(m_outline, line);
        p.restore();
    }
}

void InspectionView::paintAbove(QPainter& p) {
    if (!m_badge.isEmpty()) {
        QFont big = font();
        big.setBold(true);
        big.setPointSizeF(big.pointSizeF() * 1.6);
        p.setFont(big);
        const QRect text = p.fontMetrics().boundingRect(m_badge).adjusted(-12, -4, 12, 4);
        const QRectF badge(QPointF(12, 12), text.size());
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(m_badgeColour);
        p.drawRoundedRect(badge, 5, 5);
        p.setPen(Qt::white);
        p.drawText(badge, Qt::AlignCenter, m_badge);
    }
}

}  // namespace kensa::ui
