#pragma once
// Shows one image with its defect mask as a coloured overlay, and forwards the mouse to the current
// annotation tool in image coordinates. Navigation is ZoomPanView's (wheel, fit, 1:1; pan with the middle
// button or Space + drag: the left button belongs to the tool). Painting is cheap: the overlay is recoloured
// only where the mask changed.

#include "canvas/mask_document.h"
#include "zoom_pan_view.h"

#include <QImage>
#include <QPointer>

namespace kensa::ui {

class AnnotationTool;

class AnnotationCanvas : public ZoomPanView {
    Q_OBJECT
public:
    explicit AnnotationCanvas(QWidget* parent = nullptr);

    // Shows `image` (any QImage format) with `doc`'s mask (same size). The view fits the image.
    void setImage(const QImage& image, MaskDocument* doc);
    // Shows no image but a message (nothing selected, loading, unreadable file and why).
    void showMessage(const QString& message);

    void setTool(AnnotationTool* tool);
    AnnotationTool* tool() const { return m_tool; }
    void setMaskColor(const QColor& color);
    void setMaskOpacity(qreal opacity);  // 0..1
    qreal maskOpacity() const { return m_opacity; }
    MaskDocument* document() const { return m_doc; }
    const QImage& image() const { return m_image; }

    QSize sizeHint() const override { return {900, 700}; }

protected:
    void paintImage(QPainter& painter, const QRectF& target) override;
    void paintAbove(QPainter& painter) override;
    void scaleChanged() override;
    QCursor restingCursor() const override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;
    void keyPressEvent(QKeyEvent*) override;
    void keyReleaseEvent(QKeyEvent*) override;
    void leaveEvent(QEvent*) override;

private:
    void updateOverlay(const QRect& imageRect);
    void onRegionChanged(const QRect& imageRect);

    QImage m_image;
    QImage m_overlay;  // ARGB32_Premultiplied, mask in m_color
    QPointer<MaskDocument> m_doc;
    QPointer<AnnotationTool> m_tool;
    QColor m_color{230, 60, 60};
    qreal m_opacity = 0.5;
    Qt::MouseButton m_toolButton = Qt::NoButton;
};

}  // namespace kensa::ui
