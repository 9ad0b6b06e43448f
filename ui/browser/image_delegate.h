#pragma once

#include <QStyledItemDelegate>

namespace kensa::ui {

// Paints one cell of the thumbnail browser: the thumbnail, the file name, and badges for the label (a
// coloured bar), a mask, a flag, and an unreadable file.
class ImageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit ImageDelegate(int thumbnailSize, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_size;
};

}  // namespace kensa::ui
