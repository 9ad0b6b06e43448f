#include "browser/image_delegate.h"

#include "browser/image_list_model.h"

#include <kensa/project/project.h>

#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QPainterPath>

namespace kensa::ui {

using project::Label;

namespace {
constexpr int k_pad = 6;
constexpr int k_textHeight = 18;
}  // namespace

ImageDelegate::ImageDelegate(int thumbnailSize, QObject* parent)
    : QStyledItemDelegate(parent), m_size(thumbnailSize) {}

QSize ImageDelegate::sizeHint(const QStyleOptionViewItem&, const QModelIndex&) const {
    return {m_size + 2 * k_pad, m_size + 2 * k_pad + k_textHeight};
}

void ImageDelegate::paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const {
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    const QPalette& pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    if (selected) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 2));
        p->setBrush(pal.color(QPalette::Highlight).lighter(170));
        p->drawRoundedRect(QRectF(cell).adjusted(1, 1, -1, -1), 5, 5);
    } else if (option.state & QStyle::State_MouseOver) {
        p->setPen(Qt::NoPen);
        p->setBrush(pal.color(QPalette::Midlight));
        p->drawRoundedRect(cell, 5, 5);
    }

    const QRect thumbArea(cell.left() + k_pad - 2, cell.top() + k_pad - 2, m_size, m_size);
    const QImage thumb = index.data(ImageListModel::ThumbnailRole).value<QImage>();
    const QString error = index.data(ImageListModel::ErrorRole).toString();
    if (!thumb.isNull()) {
        // Shrunk to fit, never stretched: a tiny image's thumbnail is already enlarged by a whole factor
        // (thumbnail_from_mat), and any other scale would blur its pixels.
        const QSize fitted = thumb.width() > thumbArea.width() || thumb.height() > thumbArea.height()
                                 ? thumb.size().scaled(thumbArea.size(), Qt::KeepAspectRatio)
                                 : thumb.size();
        QRect r(QPoint(0, 0), fitted);
        r.moveCenter(thumbArea.center());
        p->drawImage(r, thumb);
    } else {
        p->setPen(Qt::NoPen);
        p->setBrush(pal.color(QPalette::Mid).lighter(130));
        p->drawRoundedRect(thumbArea, 3, 3);
        if (!error.isEmpty()) {
            const QIcon warn = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
            const QRect ir(thumbArea.center() - QPoint(16, 16), QSize(32, 32));
            warn.paint(p, ir);
        }
    }

    // Label bar along the thumbnail's bottom edge: green normal, the type's colour for defects.
    const auto label = Label(index.data(ImageListModel::LabelRole).toInt());
    if (label != Label::Unlabelled) {
        const QColor c = label == Label::Normal ? QColor(46, 160, 67)
                                                : index.data(ImageListModel::DefectColorRole).value<QColor>();
        p->setPen(Qt::NoPen);
        p->setBrush(c);
        p->drawRect(QRect(thumbArea.left(), thumbArea.bottom() - 3, thumbArea.width(), 4));
    }
    if (index.data(ImageListModel::FlaggedRole).toBool()) {
        const QIcon flag(QStringLiteral(":/icons/flag.svg"));
        flag.paint(p, QRect(thumbArea.right() - 19, thumbArea.top() + 3, 16, 16));
    }
    if (index.data(ImageListModel::HasMaskRole).toBool()) {
        const QIcon mask(QStringLiteral(":/icons/mask.svg"));
        mask.paint(p, QRect(thumbArea.left() + 3, thumbArea.top() + 3, 16, 16));
    }

    const QRect textRect(cell.left() + 2, thumbArea.bottom() + 3, cell.width() - 4, k_textHeight);
    p->setPen(error.isEmpty() ? pal.color(selected ? QPalette::HighlightedText : QPalette::Text)
                              : QColor(200, 60, 40));
    if (selected)
        p->setPen(pal.color(QPalette::Text));
    QFont f = option.font;
    f.setPointSizeF(f.pointSizeF() * 0.9);
    p->setFont(f);
    const QString name =
        QFontMetrics(f).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, textRect.width());
    p->drawText(textRect, Qt::AlignHCenter | Qt::AlignVCenter, name);
    p->restore();
}

}  // namespace kensa::ui
