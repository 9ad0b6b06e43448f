#include "synthetic/sample_tile.h"

#include <QPainter>

namespace kensa::ui {

namespace {

QRect fitted(QSize image, const QRect& box) {
    const QSize s = image.scaled(box.size(), Qt::KeepAspectRatio);
    return {box.x() + (box.width() - s.width()) / 2, box.y() + (box.height() - s.height()) / 2, s.width(),
            s.height()};
}

}  // namespace

QImage maskOutline(const QImage& mask, QSize size, const QColor& colour) {
    // Scale first, then trace: the line stays one display pixel wide at any zoom.
    const QImage m = mask.convertToFormat(QImage::Format_Grayscale8)
                         .scaled(size, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    QImage out(size, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    const QRgb c = colour.rgba();
    const auto on = [&m](int x, int y) {
        return x >= 0 && y >= 0 && x < m.width() && y < m.height() && m.constScanLine(y)[x] != 0;
    };
    for (int y = 0; y < m.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < m.width(); ++x) {
            if (on(x, y) && (!on(x - 1, y) || !on(x + 1, y) || !on(x, y - 1) || !on(x, y + 1)))
                row[x] = c;
        }
    }
    return out;
}

QImage sampleTile(const SyntheticSample& sample, int side, const QColor& outline, const QColor& text) {
    QImage tile(2 * side + k_sampleTileGap, side, QImage::Format_ARGB32_Premultiplied);
    tile.fill(Qt::transparent);
    QPainter p(&tile);
    if (!sample.error.isEmpty() || sample.image.isNull() || sample.mask.isNull()) {
        p.setPen(text);
        p.drawText(tile.rect().adjusted(4, 4, -4, -4), Qt::AlignCenter | Qt::TextWordWrap, sample.error);
        return tile;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRect left = fitted(sample.image.size(), {0, 0, side, side});
    p.drawImage(left, sample.image);
    p.drawImage(left.topLeft(), maskOutline(sample.mask, left.size(), outline));
    const QRect right = fitted(sample.mask.size(), {side + k_sampleTileGap, 0, side, side});
    p.drawImage(right, sample.mask);
    p.setPen(QColor(0, 0, 0, 60));
    p.drawRect(left.adjusted(0, 0, -1, -1));
    p.drawRect(right.adjusted(0, 0, -1, -1));
    return tile;
}

}  // namespace kensa::ui
