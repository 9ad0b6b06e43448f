#pragma once

#include "canvas/tools/polygon_tool.h"

namespace kensa::ui {

// Draws the project's region of interest on the current image, not a defect: drag a rectangle, or click the
// corners of a polygon as with the polygon tool (double-click, Enter or a click on the first corner closes
// it; Backspace removes the last corner; Esc or the right button drops it). The mask is never touched: the
// region goes out as regionDrawn, in image pixels (corners on pixel edges, inside the image).
class RegionTool : public PolygonTool {
    Q_OBJECT
public:
    using PolygonTool::PolygonTool;

    QString id() const override { return QStringLiteral("region"); }
    QString label() const override { return tr("Region of interest"); }
    QIcon icon() const override { return QIcon(QStringLiteral(":/icons/region.svg")); }
    QKeySequence shortcut() const override { return QKeySequence(Qt::Key_R); }

    void press(QPointF pos, Qt::MouseButton button) override;
    void move(QPointF pos, bool pressed) override;
    void release(QPointF pos, Qt::MouseButton button) override;
    void doubleClick(QPointF pos, Qt::MouseButton button) override;
    bool key(int key) override;
    void cancel() override;
    void paintOverlay(QPainter& painter, const QTransform& imageToWidget) const override;

Q_SIGNALS:
    void regionDrawn(const QPolygon& corners, QSize imageSize);

protected:
    void closed(const QPolygonF& corners) override;
    QColor lineColour() const override { return {0, 220, 255}; }

private:
    QPointF clamped(QPointF pos) const;

    QPointF m_pressAt;
    bool m_pressed = false;
    bool m_dragging = false;  // a press that moved: a rectangle
};

}  // namespace kensa::ui
