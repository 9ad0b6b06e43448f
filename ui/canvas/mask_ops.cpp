#include "canvas/mask_ops.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace kensa::ui::mask_ops {

QRect paintSegment(QImage& mask, QPointF a, QPointF b, qreal radius, uchar value) {
    const QRect box = QRectF(QPointF(std::min(a.x(), b.x()) - radius, std::min(a.y(), b.y()) - radius),
                             QPointF(std::max(a.x(), b.x()) + radius, std::max(a.y(), b.y()) + radius))
                          .toAlignedRect()
                          .intersected(mask.rect());
    if (box.isEmpty())
        return {};
    const QPointF d = b - a;
    const qreal len2 = QPointF::dotProduct(d, d);
    const qreal r2 = radius * radius;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        uchar* row = mask.scanLine(y);
        for (int x = box.left(); x <= box.right(); ++x) {
            const QPointF p(x + 0.5, y + 0.5);
            const qreal t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
            const QPointF q = p - (a + t * d);
            if (QPointF::dotProduct(q, q) <= r2)
                row[x] = value;
        }
    }
    return box;
}

QRect fillPolygon(QImage& mask, const QPolygonF& polygon, uchar value) {
    if (polygon.size() < 3)
        return {};
    const QRect box = polygon.boundingRect().toAlignedRect().intersected(mask.rect());
    std::vector<qreal> xs;
    for (int y = box.top(); y <= box.bottom(); ++y) {
        const qreal cy = y + 0.5;
        xs.clear();
        for (qsizetype i = 0; i < polygon.size(); ++i) {
            const QPointF p = polygon[i];
            const QPointF q = polygon[(i + 1) % polygon.size()];
            if ((p.y() <= cy) != (q.y() <= cy))  // half-open rule: each crossing counted once
                xs.push_back(p.x() + (cy - p.y()) * (q.x() - p.x()) / (q.y() - p.y()));
        }
        std::sort(xs.begin(), xs.end());
        uchar* row = mask.scanLine(y);
        for (size_t i = 0; i + 1 < xs.size(); i += 2) {
            const int x0 = std::max(box.left(), int(std::ceil(xs[i] - 0.5)));
            const int x1 = std::min(box.right(), int(std::ceil(xs[i + 1] - 0.5)) - 1);
            for (int x = x0; x <= x1; ++x)
                row[x] = value;
        }
    }
    return box;
}

QRect floodFill(QImage& mask, QPoint seed, uchar value) {
    if (!mask.rect().contains(seed))
        return {};
    const uchar target = mask.constScanLine(seed.y())[seed.x()];
    if (target == value)
        return {};
    QRect changed;
    std::vector<QPoint> stack{seed};
    const int w = mask.width();
    const int h = mask.height();
    while (!stack.empty()) {
        const QPoint p = stack.back();
        stack.pop_back();
        uchar* row = mask.scanLine(p.y());
        if (row[p.x()] != target)
            continue;
        int x0 = p.x();
        int x1 = p.x();
        while (x0 > 0 && row[x0 - 1] == target)
            --x0;
        while (x1 + 1 < w && row[x1 + 1] == target)
            ++x1;
        std::memset(row + x0, value, size_t(x1 - x0 + 1));
        changed |= QRect(x0, p.y(), x1 - x0 + 1, 1);
        for (int ny : {p.y() - 1, p.y() + 1}) {
            if (ny < 0 || ny >= h)
                continue;
            const uchar* nrow = mask.constScanLine(ny);
            for (int x = x0; x <= x1; ++x) {
                if (nrow[x] == target && (x == x0 || nrow[x - 1] != target))
                    stack.emplace_back(x, ny);
            }
        }
    }
    return changed;
}

void copyInto(QImage& dst, const QRect& rect, const QImage& src) {
    const QRect r = rect.intersected(dst.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        std::memcpy(dst.scanLine(y) + r.left(), src.constScanLine(y - rect.top()) + (r.left() - rect.left()),
                    size_t(r.width()));
    }
}

qint64 countSet(const QImage& mask) {
    qint64 n = 0;
    for (int y = 0; y < mask.height(); ++y) {
        const uchar* row = mask.constScanLine(y);
        for (int x = 0; x < mask.width(); ++x)
            n += row[x] != 0;
    }
    return n;
}

QImage blankMask(QSize size) {
    QImage m(size, QImage::Format_Grayscale8);
    m.fill(0);
    return m;
}

}  // namespace kensa::ui::mask_ops
