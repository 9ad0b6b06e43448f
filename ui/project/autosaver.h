#pragma once
// Writes annotation masks and the project file on one background thread, in the order they were asked for:
// a mask is on disk before the project file that refers to it. Requests coalesce (the newest mask per file
// and the newest project snapshot win), so a fast user never queues up stale work. Every file is replaced
// atomically (kensa/base/atomic_file.h): killing the process at any moment leaves the previous or the new
// version of each file, and at most the last stroke is lost. A write that fails (a full disk, a folder made
// read-only) is reported and kept: the next change, or flush(), writes it again with everything newer.

#include <kensa/project/project.h>

#include <QHash>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <filesystem>
#include <optional>

namespace kensa::ui {

class Autosaver : public QObject {
    Q_OBJECT
public:
    explicit Autosaver(QObject* parent = nullptr);
    ~Autosaver() override;  // waits for pending writes

    // Queue the mask (Format_Grayscale8, nonzero = defect) for <folder>/<relative_path>.
    void saveMask(const QString& folder, const QString& relativePath, const QImage& mask);
    // Queue the project file (a snapshot is taken now).
    void saveProject(const QString& folder, const project::Project& project);

    bool isBusy() const;
    // Blocks until everything queued is written (retrying what a failure left). For shutdown and tests only
    // (never during editing).
    void flush();

Q_SIGNALS:
    void saved();                       // the queue ran empty and everything asked for is on disk
    void failed(const QString& error);  // a write failed (the message names the file)

private:
    void schedule();
    void drain();

    mutable QMutex m_mutex;
    struct PendingMask {
        QString folder;
        QString relativePath;
        QImage mask;
    };
    QHash<QString, PendingMask> m_masks;  // absolute path -> newest mask
    std::optional<std::pair<QString, project::Project>> m_project;
    bool m_scheduled = false;
    QThreadPool m_pool;
};

}  // namespace kensa::ui
