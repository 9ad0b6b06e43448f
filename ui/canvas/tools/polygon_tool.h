#pragma once

#include "canvas/tools/annotation_tool.h"

#include <QPolygonF>

namespace kensa::ui {

// Click the corners of a defect; double-click, Enter or a click on the first corner fills it (one command).
// Backspace removes the last corner; Esc or the right button drops the polygon.
class PolygonTool : public AnnotationTool {
    Q_OBJECT
public:
    using AnnotationTool::AnnotationTool;

    QString id() const override { return QStringLiteral("polygon"); }
    QString label() const override { return tr("Polygon"); }
    QIcon icon() const override { return QIcon(QStringLiteral(":/icons/polygon.svg")); }
    QKeySequence shortcut() const override { return QKeySequence(Qt::Key_P); }

    void press(QPointF pos, Qt::MouseButton button) override;
    void move(QPointF pos, bool pressed) override;
    void doubleClick(QPointF pos, Qt::MouseButton button) override;
    bool key(int key) override;
    void cancel() override;
    void paintOverlay(QPainter& painter, const QTransform& imageToWidget) const override;

    const QPolygonF& points() const { return m_points; }

protected:
    // What a closed polygon (3 corners or more) does: here, fill it into the mask as one command.
    virtual void closed(const QPolygonF& corners);
    virtual QColor lineColour() const { return {255, 220, 0}; }
    // Whether a press of `button` works on corners: the left button on an open image; the right one drops them.
    bool startsCorner(Qt::MouseButton button);
    void addCorner(QPointF pos);
    // A dashed line through `line` with square handles at `corners` (widget coordinates).
    void paintOutline(QPainter& painter, const QPolygonF& line, const QPolygonF& corners) const;
    void close();
    bool nearFirst(QPointF pos) const;

    QPolygonF m_points;
    QPointF m_hover;
};

}  // namespace kensa::ui
