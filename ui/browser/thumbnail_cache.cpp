#include "browser/thumbnail_cache.h"

#include "image_convert.h"

#include <kensa/data/image_io.h>

#include <QThread>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>

namespace kensa::ui {

namespace {
constexpr int k_visiblePriority = 10;
constexpr int k_prefetchPriority = 0;
constexpr qsizetype k_cacheBytes = 128LL * 1024 * 1024;
}  // namespace

ThumbnailCache::ThumbnailCache(int thumbnailSize, QObject* parent) : QObject(parent), m_size(thumbnailSize) {
    m_cache.setMaxCost(k_cacheBytes);
    // Leave a core to the GUI thread and to whatever else the machine runs.
    m_pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount() - 1));
}

ThumbnailCache::~ThumbnailCache() {
    ++m_generation;
    m_pool.clear();
    m_pool.waitForDone();
}

QImage ThumbnailCache::thumbnail(const QString& path) {
    if (const QImage* img = m_cache.object(path))
        return *img;
    if (!m_errors.contains(path))
        request(path, k_visiblePriority);
    return {};
}

void ThumbnailCache::prefetch(const QStringList& paths) {
    for (const QString& p : paths) {
        if (!m_cache.contains(p) && !m_errors.contains(p))
            request(p, k_prefetchPriority);
    }
}

void ThumbnailCache::clear() {
    ++m_generation;
    m_pool.clear();  // queued, not started
    m_cache.clear();
    m_errors.clear();
    m_pending.clear();
}

void ThumbnailCache::invalidate(const QString& path) {
    m_cache.remove(path);
    m_errors.remove(path);
    request(path, k_visiblePriority);
}

void ThumbnailCache::request(const QString& path, int priority) {
    if (m_pending.contains(path))
        return;
    m_pending.insert(path);
    const quint64 generation = m_generation;
    const int size = m_size;
    QtConcurrent::task([this, generation, path, size] {
        if (generation != m_generation)
            return;
        auto image = data::read_image(path.toStdString());
        QImage thumb;
        QString error;
        if (image)
            thumb = thumbnail_from_mat(*image, size);
        else
            error = QString::fromStdString(image.error().message());
        QMetaObject::invokeMethod(
            this, [this, generation, path, thumb, error] { deliver(generation, path, thumb, error); });
    })
        .onThreadPool(m_pool)
        .withPriority(priority)
        .spawn(QtConcurrent::FutureResult::Ignore);
}

void ThumbnailCache::deliver(quint64 generation, const QString& path, const QImage& image,
                             const QString& error) {
    if (generation != m_generation)
        return;
    m_pending.remove(path);
    if (!error.isEmpty()) {
        m_errors.insert(path, error);
        Q_EMIT unreadable(path, error);
    } else {
        m_cache.insert(path, new QImage(image), std::max<qsizetype>(1, image.sizeInBytes()));
    }
    Q_EMIT ready(path);
}

}  // namespace kensa::ui
