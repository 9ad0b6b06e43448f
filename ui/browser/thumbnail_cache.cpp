#include "browser/thumbnail_cache.h"

#include "image_convert.h"

#include <kensa/data/image_io.h>

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>

namespace kensa::ui {

namespace {

// The disk cache file for `path`, or empty when the file cannot be stat'ed (it is then decoded, and fails).
QString diskCacheFile(const QString& dir, const QString& path, int size) {
    const QFileInfo info(path);
    if (dir.isEmpty() || !info.exists())
        return {};
    const QByteArray key = path.toUtf8() + '\n' + QByteArray::number(info.size()) + '\n' +
                           QByteArray::number(info.lastModified().toMSecsSinceEpoch()) + '\n' +
                           QByteArray::number(size) + "\nwhole-factor";  // not the blurred files of before
    const QString name = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex());
    return dir + QLatin1Char('/') + name.left(2) + QLatin1Char('/') + name + QStringLiteral(".jpg");
}

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
    const QString diskDir = m_diskDir;
    QtConcurrent::task([this, generation, path, size, diskDir] {
        if (generation != m_generation)
            return;
        const QString cached = diskCacheFile(diskDir, path, size);
        QImage thumb;
        QString error;
        if (!cached.isEmpty())
            thumb.load(cached);
        if (thumb.isNull()) {
            auto image = data::read_image(path.toStdString());
            if (image)
                thumb = thumbnail_from_mat(*image, size);
            else
                error = QString::fromStdString(image.error().message());
            // Not an enlarged tiny image: decoding it costs less than the file, and JPEG would smear its pixels.
            const bool enlarged = image && std::max(image->cols, image->rows) < size;
            if (!thumb.isNull() && !enlarged && !cached.isEmpty() && QDir().mkpath(QFileInfo(cached).path())) {
                // Written under a temporary name, then renamed: readers never see half a file.
                const QString tmp = cached + QStringLiteral(".tmp");
                if (thumb.save(tmp, "JPG", 90))
                    QFile::rename(tmp, cached);
            }
        }
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
