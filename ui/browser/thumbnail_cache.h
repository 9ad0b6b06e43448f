#pragma once
// Thumbnails made off the GUI thread (QtConcurrent on a small pool of its own) and kept in a memory-bounded
// cache. Requests for what a view shows run before background prefetching, which decodes every image
// once so that unreadable files are found (and listed with the reason) without the user scrolling to them.
// With a disk cache folder, thumbnails are also kept on disk (keyed by path, size and modification time),
// so reopening a large project does not decode every image again.

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QThreadPool>

#include <atomic>

namespace kensa::ui {

class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailCache(int thumbnailSize = 112, QObject* parent = nullptr);
    ~ThumbnailCache() override;

    int thumbnailSize() const { return m_size; }
    // Where thumbnails are kept between runs (empty: memory only). Set before use.
    void setDiskCacheDir(const QString& dir) { m_diskDir = dir; }
    // The thumbnail if cached; else a null image, and it is made (ready() follows).
    QImage thumbnail(const QString& path);
    // Why the image cannot be read (empty while unknown or readable).
    QString error(const QString& path) const { return m_errors.value(path); }
    const QHash<QString, QString>& errors() const { return m_errors; }
    // Decodes these at low priority.
    void prefetch(const QStringList& paths);
    // Forgets everything (another project); results of work in flight are dropped.
    void clear();
    // The image changed on disk: make its thumbnail again.
    void invalidate(const QString& path);
    // Blocks until queued work is done (tests only).
    void waitForIdle() { m_pool.waitForDone(); }

Q_SIGNALS:
    void ready(const QString& path);
    void unreadable(const QString& path, const QString& reason);

private:
    void request(const QString& path, int priority);
    void deliver(quint64 generation, const QString& path, const QImage& image, const QString& error);

    int m_size;
    QString m_diskDir;
    QCache<QString, QImage> m_cache;
    QHash<QString, QString> m_errors;
    QSet<QString> m_pending;
    std::atomic<quint64> m_generation{0};
    QThreadPool m_pool;
};

}  // namespace kensa::ui
