#include "training/model_list_model.h"

#include "project/project_session.h"

#include <QDir>
#include <QFile>
#include <QFont>
#include <QIcon>
#include <QLocale>

#include <algorithm>

namespace kensa::ui {

ModelListModel::ModelListModel(ProjectSession* session, QObject* parent)
    : QAbstractListModel(parent), m_session(session) {
    connect(session, &ProjectSession::opened, this, &ModelListModel::refresh);
    connect(session, &ProjectSession::closed, this, &ModelListModel::refresh);
    connect(session, &ProjectSession::settingsChanged, this, [this] {
        // A new active model we do not list yet: the first model of a project whose models/ folder did
        // not exist when it was opened (so nothing watched it). Otherwise only the active mark moves.
        if (m_session->isOpen() && !m_session->project().settings.active_model.empty() && activeRow() < 0)
            return refresh();
        if (!m_entries.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1));
    });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &ModelListModel::refresh);
}

void ModelListModel::watch() {
    if (!m_watcher.directories().isEmpty())
        m_watcher.removePaths(m_watcher.directories());
    if (m_session->isOpen() && QDir(m_session->modelsFolder()).exists())
        m_watcher.addPath(m_session->modelsFolder());
}

void ModelListModel::refresh() {
    beginResetModel();
    m_entries.clear();
    if (m_session->isOpen()) {
        // A handful of files: listing them here is cheap.
        const QFileInfoList files = QDir(m_session->modelsFolder())
                                        .entryInfoList({QStringLiteral("*.kensa")}, QDir::Files, QDir::Time);
        for (const QFileInfo& f : files)
            m_entries.append({f.absoluteFilePath(), f.fileName(), f.lastModified(), f.size()});
    }
    endResetModel();
    watch();
}

int ModelListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ModelListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry& e = m_entries[index.row()];
    const bool active = index.row() == activeRow();
    switch (role) {
        case Qt::DisplayRole:
            return active ? tr("%1 (active)").arg(e.name) : e.name;
        case Qt::ToolTipRole:
            return tr("%1\n%2, %3")
                .arg(e.path, QLocale().toString(e.modified, QLocale::ShortFormat),
                     QLocale().formattedDataSize(e.size));
        case Qt::FontRole: {
            QFont f;
            f.setBold(active);
            return f;
        }
        case Qt::DecorationRole:
            return QIcon(active ? QStringLiteral(":/icons/normal.svg") : QStringLiteral(":/icons/model.svg"));
        case PathRole:
            return e.path;
        case ActiveRole:
            return active;
        case ModifiedRole:
            return e.modified;
        case SizeRole:
            return e.size;
        default:
            return {};
    }
}

int ModelListModel::activeRow() const {
    if (!m_session->isOpen())
        return -1;
    const QString active = QString::fromStdString(m_session->project().settings.active_model);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (!active.isEmpty() && m_entries[i].name == active)
            return int(i);
    }
    return -1;
}

void ModelListModel::setActive(int row) {
    if (row < 0 || row >= m_entries.size())
        return;
    auto settings = m_session->project().settings;
    settings.active_model = m_entries[row].name.toStdString();
    m_session->setSettings(settings);
}

QString ModelListModel::remove(int row) {
    if (row < 0 || row >= m_entries.size())
        return {};
    const Entry e = m_entries[row];
    QFile file(e.path);
    if (!file.moveToTrash() && !file.remove())
        return tr("Could not delete %1: %2").arg(e.path, file.errorString());
    if (row == activeRow()) {
        auto settings = m_session->project().settings;
        settings.active_model.clear();
        m_session->setSettings(settings);
    }
    refresh();
    return {};
}

}  // namespace kensa::ui
