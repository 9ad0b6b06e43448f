#pragma once

#include <QImage>
#include <QRect>
#include <QUndoCommand>

namespace kensa::ui {

class MaskDocument;

// One finished edit of a mask (a stroke, a polygon, a fill): the changed rectangle before and after.
// Pushed after the edit was drawn, so the first redo() does nothing.
class MaskEditCommand : public QUndoCommand {
public:
    MaskEditCommand(MaskDocument* doc, const QRect& rect, QImage before, QImage after, const QString& text);

    void undo() override;
    void redo() override;

private:
    MaskDocument* m_doc;
    QRect m_rect;
    QImage m_before;
    QImage m_after;
    bool m_applied = true;
};

}  // namespace kensa::ui
