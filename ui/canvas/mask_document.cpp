#include "canvas/mask_document.h"

#include "canvas/mask_edit_command.h"

namespace kensa::ui {

MaskDocument::MaskDocument(int imageRow, const QImage& mask, QObject* parent)
    : QObject(parent), m_row(imageRow), m_mask(mask) {
    connect(&m_undo, &QUndoStack::indexChanged, this, &MaskDocument::edited);
}

void MaskDocument::beginEdit() {
    m_before = m_mask;  // shares pixels until the first write detaches m_mask
    m_mask.detach();
    m_dirty = {};
    m_editing = true;
}

void MaskDocument::touched(const QRect& rect) {
    if (rect.isEmpty())
        return;
    m_dirty |= rect;
    Q_EMIT regionChanged(rect);
}

void MaskDocument::endEdit(const QString& commandText) {
    if (!m_editing)
        return;
    m_editing = false;
    const QRect r = m_dirty.intersected(m_mask.rect());
    const QImage before = m_before.copy(r);
    m_before = {};
    if (r.isEmpty())
        return;
    const QImage after = m_mask.copy(r);
    if (before == after)
        return;  // e.g. erasing where nothing was marked: no command
    m_undo.push(new MaskEditCommand(this, r, before, after, commandText));
}

void MaskDocument::replaceRegion(const QRect& rect, const QImage& pixels) {
    QImage& m = m_mask;
    for (int y = 0; y < rect.height(); ++y)
        std::copy_n(pixels.constScanLine(y), rect.width(), m.scanLine(rect.top() + y) + rect.left());
    Q_EMIT regionChanged(rect);
}

}  // namespace kensa::ui
