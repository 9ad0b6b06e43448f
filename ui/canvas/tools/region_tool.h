#pragma once

#include "canvas/tools/annotation_tool.h"

#include <QPolygonF>

namespace kensa::ui {

// Draws the project's region of interest on the current image, not a defect: drag a rectangle, or click the
// corners of a polygon and close it with a double-click, Enter or a click on the first corner. Backspace
// removes the last corner; Esc or the right button drops it. The mask is never touched: the region drawn
// goes out as regionDrawn, in image pixels (corners on pixel edges, inside the image).
class RegionTool : public AnnotationTool {
    Q_OBJECT
public:
    using AnnotationTool::AnnotationTool;

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

private:
    void finish(const QPolygonF& corners);
    void closePolygon();
    bool nearFirst(QPointF pos) const;
    QPointF clamped(QPointF pos) const;

    QPolygonF m_points;  // the polygon's corners so far
    QPointF m_pressAt;
    QPointF m_hover;
    bool m_pressed = false;
    bool m_dragging = false;  // a press that moved: a rectangle
};

}  // namespace kensa::ui
