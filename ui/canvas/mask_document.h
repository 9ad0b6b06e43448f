#pragma once
// The defect mask of one image being annotated, with its own undo history. Tools edit it between
// beginEdit() and endEdit(); endEdit() turns the edit into one undoable command (one stroke, one polygon,
// one fill), holding only the changed rectangle before and after.

#include <QImage>
#include <QObject>
#include <QRect>
#include <QUndoStack>

namespace kensa::ui {

class MaskDocument : public QObject {
    Q_OBJECT
public:
    // `mask` is Format_Grayscale8 0/255 of the image's size.
    MaskDocument(int imageRow, const QImage& mask, QObject* parent = nullptr);

    int imageRow() const { return m_row; }
    const QImage& mask() const { return m_mask; }
    QSize size() const { return m_mask.size(); }
    QUndoStack* undoStack() { return &m_undo; }

    // An edit in progress: tools write into editableMask() and report what they touched.
    void beginEdit();
    QImage& editableMask() { return m_mask; }
    void touched(const QRect& rect);  // repaint now
    void endEdit(const QString& commandText);
    bool isEditing() const { return m_editing; }

    // Used by undo commands: puts `pixels` at rect and reports the change.
    void replaceRegion(const QRect& rect, const QImage& pixels);

Q_SIGNALS:
    void regionChanged(const QRect& rect);  // pixels changed (during a stroke, undo or redo): repaint
    void edited();                          // a command was done, undone or redone: save

private:
    int m_row;
    QImage m_mask;
    QImage m_before;  // the mask when the edit began
    QRect m_dirty;
    bool m_editing = false;
    QUndoStack m_undo;
};

}  // namespace kensa::ui
