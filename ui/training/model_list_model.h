#pragma once
// The trained models of the open project: every *.kensa file in its models/ folder, newest first, and
// which one is active (the project's settings.active_model). Follows the folder with a file watcher, so
// a model written by training or copied in by hand appears by itself.

#include <QAbstractListModel>
#include <QDateTime>
#include <QFileSystemWatcher>

namespace kensa::ui {

class ProjectSession;

class ModelListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1, ActiveRole, ModifiedRole, SizeRole };

    explicit ModelListModel(ProjectSession* session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    void refresh();
    // -1 when no model is active (or the active one is missing).
    int activeRow() const;
    void setActive(int row);
    // Moves the model file to the trash (deletes it where there is none); clears it if it was active.
    QString remove(int row);

private:
    struct Entry {
        QString path;
        QString name;
        QDateTime modified;
        qint64 size = 0;
    };
    void watch();

    ProjectSession* m_session;
    QFileSystemWatcher m_watcher;
    QList<Entry> m_entries;
};

}  // namespace kensa::ui
