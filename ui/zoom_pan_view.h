#pragma once
// One image in a widget with the navigation every large-image view needs: fitted at first; the wheel zooms
// about the cursor; fit, 1:1, zoom in and out as slots; pan with the middle button, Space + drag, or — where
// the left button has no tool of its own — a plain drag. Subclasses paint the image and what lies on it; the
// annotation canvas and the inspection view share this, so both navigate alike and can hand each other the
// place they show (`place()` / `setPlace()`) when the user switches task on the same image.

#include <QPointF>
#include <QPolygonF>
#include <QSize>
#include <QTransform>
#include <QWidget>

#include <kensa/model/region_of_interest.h>

namespace kensa::ui {

class ZoomPanView : public QWidget {
    Q_OBJECT
public:
    // What part of the image a view shows: scale, where the image's corner is, and whether it follows the size.
    struct Place {
        qreal scale = 1.0;
        QPointF offset;
        bool fit = true;
    };

    explicit ZoomPanView(QWidget* parent = nullptr);

    QSize imageSize() const { return m_imageSize; }
    bool hasImage() const { return !m_imageSize.isEmpty(); }
    qreal zoom() const { return m_scale; }
    bool isFitted() const { return m_fit; }
    Place place() const { return {m_scale, m_offset, m_fit}; }
    void setPlace(const Place& place);
    // The region of interest, drawn on an image of `reference` size (scaled to the image shown): outside it
    // the image is dimmed and its edge dashed. An empty polygon shows none.
    void setRegion(const QPolygonF& corners, QSize reference);
    void setRegion(const model::RegionOfInterest& region);
    QPolygonF regionInImage() const;  // the corners scaled to the image shown; empty when none
    // Widget <-> image coordinates at the current zoom and pan.
    QTransform imageToWidget() const;
    QPointF widgetToImage(QPointF p) const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void zoomToActualSize();

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    void cursorMoved(QPoint imagePixel, bool insideImage);

protected:
    // The image's size; a new size fits the view, the same size keeps the place when `keepPlace`.
    void setImageSize(QSize size, bool keepPlace = false);
    // No image; `message` is drawn instead.
    void setMessageText(const QString& message);
    const QString& messageText() const { return m_message; }
    // Paints the image (and what lies on it) into `target`, the image's rectangle in widget coordinates.
    virtual void paintImage(QPainter& painter, const QRectF& target) = 0;
    // Painted last, above the region of interest's dimming: what must stay readable (a tool's preview, a badge).
    virtual void paintAbove(QPainter& painter) {}
    virtual void scaleChanged() {}
    // The cursor when not panning.
    virtual QCursor restingCursor() const;
    // A left-button drag pans unless a subclass gives the left button to a tool.
    void setLeftButtonPans(bool pans) { m_leftPans = pans; }

    // Panning; each returns true when it consumed the event. Subclasses that override the mouse handlers call them first.
    bool panPress(QMouseEvent* event);
    bool panMove(QMouseEvent* event);
    bool panRelease(QMouseEvent* event);
    bool panKey(QKeyEvent* event, bool pressed);
    void updateCursor();
    void reportCursor(QPointF widgetPosition);

    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;

private:
    void setZoom(qreal scale, QPointF anchorWidget);

    void paintRegion(QPainter& painter, const QRectF& target) const;

    QSize m_imageSize;
    QString m_message;
    QPolygonF m_region;
    QSize m_regionReference;
    qreal m_scale = 1.0;
    QPointF m_offset;  // widget position of the image's top-left corner
    bool m_fit = true;
    bool m_leftPans = true;
    bool m_spaceHeld = false;
    bool m_panning = false;
    QPoint m_panStart;
    QPointF m_panOffsetStart;
};

}  // namespace kensa::ui
