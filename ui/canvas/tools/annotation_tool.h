#pragma once
// The interface every annotation tool implements (one class per tool). The canvas maps mouse positions to
// image coordinates and forwards them; a tool edits the current MaskDocument between beginEdit() and
// endEdit(), so that each stroke, polygon or fill becomes exactly one undoable command.

#include <QCursor>
#include <QIcon>
#include <QKeySequence>
#include <QObject>
#include <QPointF>
#include <QPointer>

#include "canvas/mask_document.h"

class QPainter;
class QTransform;

namespace kensa::ui {

// Options shared by the tools (shown in the annotation panel).
struct ToolSettings {
    int brushSize = 16;  // diameter in image pixels
};

class AnnotationTool : public QObject {
    Q_OBJECT
public:
    AnnotationTool(ToolSettings* settings, QObject* parent) : QObject(parent), m_settings(settings) {}

    virtual QString id() const = 0;
    virtual QString label() const = 0;  // translated, for menus and tooltips
    virtual QIcon icon() const = 0;
    virtual QKeySequence shortcut() const = 0;
    virtual QCursor cursor() const { return Qt::CrossCursor; }

    // The document the tool edits (nullptr: nothing is open). Switching cancels an edit in progress.
    void setDocument(MaskDocument* doc);
    // Image pixels per screen pixel at the current zoom, for hit tolerances that feel the same at any zoom.
    void setPixelSize(qreal imagePixelsPerScreenPixel) { m_pixelSize = imagePixelsPerScreenPixel; }

    virtual void press(QPointF pos, Qt::MouseButton button) {}
    virtual void move(QPointF pos, bool pressed) {}
    virtual void release(QPointF pos, Qt::MouseButton button) {}
    virtual void doubleClick(QPointF pos, Qt::MouseButton button) {}
    virtual bool key(int key) { return false; }  // true when handled
    virtual void cancel() {}                     // drop an edit in progress (Esc, tool switch)
    // Draws previews (brush outline, polygon so far) in widget coordinates.
    virtual void paintOverlay(QPainter& painter, const QTransform& imageToWidget) const {}

Q_SIGNALS:
    void overlayChanged();

protected:
    ToolSettings* m_settings;
    QPointer<MaskDocument> m_doc;
    qreal m_pixelSize = 1.0;
};

}  // namespace kensa::ui
