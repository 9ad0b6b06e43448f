#pragma once
// Shows one inspected image fitted to the widget: the anomaly heatmap blended over it (toggle, opacity)
// and the outline of the regions at or above the pixel threshold.

#include <QImage>
#include <QPainterPath>
#include <QWidget>

namespace kensa::ui {

class InspectionView : public QWidget {
    Q_OBJECT
public:
    explicit InspectionView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    void setHeatmap(const QImage& heatmap);        // at the image's size
    void setOutline(const QPainterPath& outline);  // image coordinates
    void setHeatmapVisible(bool visible);
    void setOpacity(double opacity);          // 0..1
    void setMessage(const QString& message);  // shown instead of an image

    const QPainterPath& outline() const { return m_outline; }
    QSize sizeHint() const override { return {420, 360}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
    QImage m_heatmap;
    QPainterPath m_outline;
    QString m_message;
    bool m_heatmapVisible = true;
    double m_opacity = 0.7;
};

}  // namespace kensa::ui
