#include "browser/image_list_model.h"

#include "browser/thumbnail_cache.h"
#include "project/project_session.h"

#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QImage>

namespace kensa::ui {

using project::Label;

ImageListModel::ImageListModel(ProjectSession* session, ThumbnailCache* thumbnails, QObject* parent)
    : QAbstractListModel(parent), m_session(session), m_thumbnails(thumbnails) {
    connect(session, &ProjectSession::opened, this, &ImageListModel::reset);
    connect(session, &ProjectSession::closed, this, &ImageListModel::reset);
    connect(session, &ProjectSession::imagesAppended, this, &ImageListModel::append);
    connect(session, &ProjectSession::imageChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row), index(row)); });
    connect(thumbnails, &ThumbnailCache::ready, this, &ImageListModel::onThumbnail);
    reset();
}

int ImageListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

QVariant ImageListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows)
        return {};
    const auto& e = m_session->image(index.row());
    const QString path = QString::fromStdString(e.path.string());
    switch (role) {
        case Qt::DisplayRole:  // with its folder: MVTec products repeat names across folders
            return QString::fromStdString(
                (e.path.parent_path().filename() / e.path.filename()).generic_string());
        case Qt::ToolTipRole: {
            QString tip = QDir::toNativeSeparators(path);
            if (const QString err = m_thumbnails->error(path); !err.isEmpty())
                tip += QLatin1Char('\n') + tr("Cannot be read: %1").arg(err);
            return tip;
        }
        case PathRole:
            return path;
        case LabelRole:
            return int(e.label);
        case ImageRoleRole:
            return int(e.role);
        case DefectTypeRole:
            return QString::fromStdString(e.defect_type);
        case FlaggedRole:
            return e.flagged;
        case ErrorRole:
            return m_thumbnails->error(path);
        case HasMaskRole:
            return (!e.mask.empty() && e.mask_pixels > 0) || !e.source_mask.empty();
        case DefectColorRole:
            return m_session->defectColor(QString::fromStdString(e.defect_type));
        case ThumbnailRole:
        case Qt::DecorationRole:
            return m_thumbnails->thumbnail(path);
        default:
            return {};
    }
}

void ImageListModel::reset() {
    beginResetModel();
    m_rows = m_session->isOpen() ? m_session->imageCount() : 0;
    m_rowOfPath.clear();
    for (int r = 0; r < m_rows; ++r)
        m_rowOfPath.insert(m_session->imagePath(r), r);
    endResetModel();
}

void ImageListModel::append(int first, int last) {
    beginInsertRows({}, first, last);
    m_rows = last + 1;
    for (int r = first; r <= last; ++r)
        m_rowOfPath.insert(m_session->imagePath(r), r);
    endInsertRows();
}

void ImageListModel::onThumbnail(const QString& path) {
    const int row = rowOfPath(path);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row),
                           {Qt::DecorationRole, ThumbnailRole, ErrorRole, Qt::ToolTipRole});
}

}  // namespace kensa::ui
