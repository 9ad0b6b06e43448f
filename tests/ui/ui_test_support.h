#pragma once
// Small helpers shared by the ui tests: synthetic image files and settings isolation.

#include <QColor>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QString>

namespace kensa::test {

// Writes an RGB PNG with a gradient (so images differ) and returns its path.
inline QString writeImage(const QString& folder, const QString& name, QSize size, int seed = 0) {
    QDir().mkpath(folder);
    QImage img(size, QImage::Format_RGB888);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x)
            img.setPixelColor(
                x, y, QColor((x * 4 + seed * 37) % 256, (y * 4 + seed * 11) % 256, (seed * 53) % 256));
    }
    const QString path = QDir(folder).filePath(name);
    img.save(path);
    return path;
}

// The whole file, or nothing when it cannot be opened.
inline QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Pixels above zero in a Format_Grayscale8 mask.
inline int countNonZero(const QImage& mask) {
    int n = 0;
    for (int y = 0; y < mask.height(); ++y) {
        const uchar* row = mask.constScanLine(y);
        for (int x = 0; x < mask.width(); ++x)
            n += row[x] != 0;
    }
    return n;
}

// QSettings and data folders under ~/.qttest, never the user's own.
inline void isolateSettings() {
    QStandardPaths::setTestModeEnabled(true);
}

// The app's thumbnail disk cache lives in the (test-mode) cache folder: tests remove what they added.
inline void removeThumbnailCache() {
    QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/thumbnails"))
        .removeRecursively();
}

}  // namespace kensa::test
