#pragma once

#include "canvas/tools/annotation_tool.h"

namespace kensa::ui {

// Fills the connected area under the cursor: the left button marks it as defect (e.g. the inside of an
// outline drawn with the brush), the right button clears it. One click, one command.
class FillTool : public AnnotationTool {
    Q_OBJECT
public:
    using AnnotationTool::AnnotationTool;

    QString id() const override { return QStringLiteral("fill"); }
    QString label() const override { return tr("Fill"); }
    QIcon icon() const override { return QIcon(QStringLiteral(":/icons/fill.svg")); }
    QKeySequence shortcut() const override { return QKeySequence(Qt::Key_G); }
    QCursor cursor() const override { return Qt::PointingHandCursor; }

    void press(QPointF pos, Qt::MouseButton button) override;
};

}  // namespace kensa::ui
