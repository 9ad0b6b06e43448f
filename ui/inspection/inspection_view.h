#pragma once
// Shows one inspected image with ZoomPanView's navigation (fitted at first; wheel, drag, fit, 1:1): the anomaly
// heatmap blended over it (toggle, opacity), the outline of the regions at or above the pixel threshold, and
// the verdict as a badge in the corner, so the image can fill the central area and still say OK or NG.

#include "zoom_pan_view.h"

#include <QColor>
#include <QImage>
#include <QPainterPath>

namespace kensa::ui {

class InspectionView : public ZoomPanView {
    Q_OBJECT
public:
    explicit InspectionView(QWidget* parent = nullptr);

    // A new image fits the view; the same image again (another model, the same selection) keeps the place.
    void setImage(const QImage& image, bool sameImage = false);
    void setHeatmap(const QImage& heatmap);        // at the image's size
    void setOutline(const QPainterPath& outline);  // image coordinates
    void setHeatmapVisible(bool visible);
    void setOpacity(double opacity);                  // 0..1
    void setMessage(const QString& message);          // shown instead of an image
    void setBadge(const QString& text, const QColor& background);  // empty text: none

    const QImage& image() const { return m_image; }
    const QPainterPath& outline() const { return m_outline; }
    const QString& badge() const { return m_badge; }
    QString message() const { return messageText(); }
    QSize sizeHint() const override { return {900, 700}; }

protected:
    void paintImage(QPainter& painter, const QRectF& target) override;
    void paintAbove(QPainter& painter) override;

private:
    QImage m_image;
    QImage m_heatmap;
    QPainterPath m_outline;
    QString m_badge;
    QColor m_badgeColour;
    bool m_heatmapVisible = true;
    double m_opacity = 0.7;
};

}  // namespace kensa::ui
