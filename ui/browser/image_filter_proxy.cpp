#include "browser/image_filter_proxy.h"

#include "browser/image_list_model.h"

#include <kensa/project/project.h>

namespace kensa::ui {

using project::Label;

ImageFilterProxy::ImageFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    // Re-filter when a label or flag changes, so "Unlabelled" empties as the user labels.
    setDynamicSortFilter(true);
}

void ImageFilterProxy::setShow(Show show) {
    if (show == m_show)
        return;
    m_show = show;
    invalidateFilter();
}

void ImageFilterProxy::setSplit(Split split) {
    if (split == m_split)
        return;
    m_split = split;
    invalidateFilter();
}

void ImageFilterProxy::setNameFilter(const QString& text) {
    if (text == m_name)
        return;
    m_name = text;
    invalidateFilter();
}

bool ImageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_split != Split::All) {
        const auto role = project::ImageRole(i.data(ImageListModel::ImageRoleRole).toInt());
        if ((m_split == Split::Train) != (role == project::ImageRole::Train))
            return false;
    }
    if (!m_name.isEmpty() && !i.data(Qt::DisplayRole).toString().contains(m_name, Qt::CaseInsensitive))
        return false;
    const auto label = Label(i.data(ImageListModel::LabelRole).toInt());
    switch (m_show) {
        case Show::All:
            return true;
        case Show::Normal:
            return label == Label::Normal;
        case Show::Defect:
            return label == Label::Defect;
        case Show::Unlabelled:
            return label == Label::Unlabelled;
        case Show::Flagged:
            return i.data(ImageListModel::FlaggedRole).toBool();
        case Show::Unreadable:
            return !i.data(ImageListModel::ErrorRole).toString().isEmpty();
    }
    return true;
}

}  // namespace kensa::ui
