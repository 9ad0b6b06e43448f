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
    bool ok = true;
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
        try {
            for (const PendingMask& m : std::as_const(masks))
                project::save_mask(m.folder.toStdString(), m.relativePath.toStdString(),
                                   mat_from_mask(m.mask));
            if (proj)
                project::save_project(proj->second, proj->first.toStdString());
        } catch (const std::exception& e) {
            ok = false;
            QMetaObject::invokeMethod(this,
                                      [this, msg = QString::fromStdString(e.what())] { Q_EMIT failed(msg); });
        }
    }
    if (!ok)
        return;
    QMetaObject::invokeMethod(this, [this] {
        if (!isBusy())
            Q_EMIT saved();
    });
}

}  // namespace kensa::ui
