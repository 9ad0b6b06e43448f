#pragma once
// Shows one image with its defect mask as a coloured overlay, and forwards the mouse to the current
// annotation tool in image coordinates. Zoom with the wheel (about the cursor), fit or 1:1; pan with the
// middle button or Space + drag. Painting is cheap: the overlay is recoloured only where the mask changed.

#include <QImage>
#include <QPointer>

#include <QWidget>
#include "canvas/mask_document.h"

namespace kensa::ui {

class AnnotationTool;

class AnnotationCanvas : public QWidget {
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

    qreal zoom() const { return m_scale; }
    // Widget <-> image coordinates at the current zoom and pan.
    QTransform imageToWidget() const;
    QPointF widgetToImage(QPointF p) const;

    QSize sizeHint() const override { return {900, 700}; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void zoomToActualSize();

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    void cursorMoved(QPoint imagePixel, bool insideImage);

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;
    void wheelEvent(QWheelEvent*) override;
    void mousePressEvent(QMouseEvent*) override;
    void mouseMoveEvent(QMouseEvent*) override;
    void mouseReleaseEvent(QMouseEvent*) override;
    void mouseDoubleClickEvent(QMouseEvent*) override;
    void keyPressEvent(QKeyEvent*) override;
    void keyReleaseEvent(QKeyEvent*) override;
    void leaveEvent(QEvent*) override;

private:
    void setZoom(qreal scale, QPointF anchorWidget);
    void updateOverlay(const QRect& imageRect);
    void onRegionChanged(const QRect& imageRect);
    void updateCursor();

    QImage m_image;
    QImage m_overlay;  // ARGB32_Premultiplied, mask in m_color
    QPointer<MaskDocument> m_doc;
    QPointer<AnnotationTool> m_tool;
    QString m_message;
    QColor m_color{230, 60, 60};
    qreal m_opacity = 0.5;
    qreal m_scale = 1.0;
    QPointF m_offset;  // widget position of the image's top-left corner
    bool m_fit = true;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panStart;
    QPointF m_panOffsetStart;
    Qt::MouseButton m_toolButton = Qt::NoButton;
};

}  // namespace kensa::ui
