#include "inspection/inspection_view.h"

#include <QPainter>

namespace kensa::ui {

InspectionView::InspectionView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(200, 160);
}

void InspectionView::setImage(const QImage& image) {
    m_image = image;
    m_message.clear();
    update();
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
    m_message = message;
    m_image = {};
    m_heatmap = {};
    m_outline = {};
    update();
}

void InspectionView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Dark));
    if (m_image.isNull()) {
        p.setPen(palette().color(QPalette::BrightText));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    const QSize fitted = m_image.size().scaled(size() - QSize(8, 8), Qt::KeepAspectRatio);
    const QRectF target(QPointF((width() - fitted.width()) / 2.0, (height() - fitted.height()) / 2.0),
                        fitted);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(target, m_image);
    if (m_heatmapVisible && !m_heatmap.isNull()) {
        p.setOpacity(m_opacity);
        p.drawImage(target, m_heatmap);
        p.setOpacity(1.0);
    }
    if (!m_outline.isEmpty()) {
        p.setRenderHint(QPainter::Antialiasing);
        p.translate(target.topLeft());
        p.scale(target.width() / m_image.width(), target.height() / m_image.height());
        QPen halo(QColor(0, 0, 0, 150), 4.0);
        halo.setCosmetic(true);
        p.strokePath(m_outline, halo);
        QPen line(QColor(255, 255, 255), 2.0);
        line.setCosmetic(true);
        p.strokePath(m_outline, line);
    }
}

}  // namespace kensa::ui
