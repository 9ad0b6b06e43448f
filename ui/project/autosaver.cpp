#include "project/autosaver.h"

#include "image_convert.h"

#include <kensa/project/annotation_store.h>
#include <kensa/project/project_file.h>

#include <QMutexLocker>

namespace kensa::ui {

Autosaver::Autosaver(QObject* parent) : QObject(parent) {
    m_pool.setMaxThreadCount(1);  // one writer: requests are written in order
}

Autosaver::~Autosaver() {
    flush();
}

void Autosaver::saveMask(const QString& folder, const QString& relativePath, const QImage& mask) {
    {
        QMutexLocker lock(&m_mutex);
        // QImage is shared: no pixel copy here; the editor's next stroke detaches its own copy.
        m_masks.insert(folder + QLatin1Char('/') + relativePath, {folder, relativePath, mask});
    }
    schedule();
}

void Autosaver::saveProject(const QString& folder, const project::Project& project) {
    {
        QMutexLocker lock(&m_mutex);
        m_project.emplace(folder, project);
    }
    schedule();
}

bool Autosaver::isBusy() const {
    QMutexLocker lock(&m_mutex);
    return m_scheduled;
}

void Autosaver::flush() {
    bool leftByAFailure = false;
    {
        QMutexLocker lock(&m_mutex);
        leftByAFailure = !m_scheduled && (!m_masks.isEmpty() || m_project);
    }
    if (leftByAFailure)
        schedule();  // one more try before the project closes
    m_pool.waitForDone();
}

void Autosaver::schedule() {
    QMutexLocker lock(&m_mutex);
    if (m_scheduled)
        return;
    m_scheduled = true;
    m_pool.start([this] { drain(); });
}

void Autosaver::drain() {
    for (;;) {
        QHash<QString, PendingMask> masks;
        std::optional<std::pair<QString, project::Project>> proj;
        {
            QMutexLocker lock(&m_mutex);
            if (m_masks.isEmpty() && !m_project) {
                m_scheduled = false;
                break;
            }
            masks.swap(m_masks);
            proj.swap(m_project);
        }
        QString error;
        try {
            for (auto it = masks.begin(); it != masks.end(); it = masks.erase(it))
                project::save_mask(it->folder.toStdString(), it->relativePath.toStdString(),
                                   mat_from_mask(it->mask));
            if (proj)
                project::save_project(proj->second, proj->first.toStdString());
            proj.reset();
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        if (!error.isEmpty()) {
            // What is not on disk stays queued (unless something newer for the same file came meanwhile), so
            // the next change, or closing, writes it once there is room again: a full disk loses nothing.
            {
                QMutexLocker lock(&m_mutex);
                for (auto it = masks.cbegin(); it != masks.cend(); ++it) {
                    if (!m_masks.contains(it.key()))
                        m_masks.insert(it.key(), it.value());
                }
                if (proj && !m_project)
                    m_project = std::move(proj);
                m_scheduled = false;
            }
            QMetaObject::invokeMethod(this, [this, error] { Q_EMIT failed(error); });
            return;
        }
    }
    QMetaObject::invokeMethod(this, [this] {
        if (!isBusy())
            Q_EMIT saved();
    });
}

}  // namespace kensa::ui
