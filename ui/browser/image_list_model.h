#pragma once
// The project's images as a list model (one row per image, in project order) for the thumbnail browser.
// Rows follow the ProjectSession; thumbnails come from a ThumbnailCache and appear when ready.

#include <QAbstractListModel>
#include <QHash>

namespace kensa::ui {

class ProjectSession;
class ThumbnailCache;

class ImageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Roles {
        PathRole = Qt::UserRole + 1,  // QString, absolute
        LabelRole,                    // int, kensa::project::Label
        ImageRoleRole,                // int, kensa::project::ImageRole (train/test)
        DefectTypeRole,               // QString
        FlaggedRole,                  // bool
        ErrorRole,                    // QString: why the image cannot be read (empty when fine or unknown)
        HasMaskRole,                  // bool: the image has a mask (own or imported)
        DefectColorRole,              // QColor of the defect type
        ThumbnailRole,                // QImage (null while being made)
    };

    ImageListModel(ProjectSession* session, ThumbnailCache* thumbnails, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    int rowOfPath(const QString& path) const { return m_rowOfPath.value(path, -1); }

private:
    void reset();
    void append(int first, int last);
    void onThumbnail(const QString& path);

    ProjectSession* m_session;
    ThumbnailCache* m_thumbnails;
    int m_rows = 0;
    QHash<QString, int> m_rowOfPath;
};

}  // namespace kensa::ui
