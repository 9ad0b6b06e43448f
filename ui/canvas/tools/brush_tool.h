#pragma once

#include "canvas/tools/annotation_tool.h"

namespace kensa::ui {

// Paints defect pixels along the mouse path (the right button erases). One stroke, one command.
class BrushTool : public AnnotationTool {
    Q_OBJECT
public:
    using AnnotationTool::AnnotationTool;

    QString id() const override { return QStringLiteral("brush"); }
    QString label() const override { return tr("Brush"); }
    QIcon icon() const override { return QIcon(QStringLiteral(":/icons/brush.svg")); }
    QKeySequence shortcut() const override { return QKeySequence(Qt::Key_B); }
    QCursor cursor() const override { return Qt::BlankCursor; }  // the outline is the cursor

    void press(QPointF pos, Qt::MouseButton button) override;
    void move(QPointF pos, bool pressed) override;
    void release(QPointF pos, Qt::MouseButton button) override;
    void cancel() override;
    void paintOverlay(QPainter& painter, const QTransform& imageToWidget) const override;

protected:
    virtual uchar paintValue(Qt::MouseButton button) const { return button == Qt::RightButton ? 0 : 255; }
    virtual QString strokeText(uchar value) const { return value ? tr("Brush stroke") : tr("Erase stroke"); }

private:
    bool m_stroking = false;
    uchar m_value = 255;
    QPointF m_last;
    QPointF m_hover{-1e9, -1e9};
};

// Removes defect pixels along the mouse path. One stroke, one command.
class EraserTool : public BrushTool {
    Q_OBJECT
public:
    using BrushTool::BrushTool;

    QString id() const override { return QStringLiteral("eraser"); }
    QString label() const override { return tr("Eraser"); }
    QIcon icon() const override { return QIcon(QStringLiteral(":/icons/eraser.svg")); }
    QKeySequence shortcut() const override { return QKeySequence(Qt::Key_E); }

protected:
    uchar paintValue(Qt::MouseButton) const override { return 0; }
};

}  // namespace kensa::ui
