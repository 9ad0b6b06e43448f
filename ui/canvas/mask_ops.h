#pragma once
// Pure raster operations on defect masks (QImage::Format_Grayscale8, 0 = normal, 255 = defect). Deterministic
// and free of anti-aliasing, so a mask is always strictly 0/255 and tests can predict every pixel. Each
// returns the rectangle it may have changed (clipped to the mask; empty when nothing was touched).

#include <QImage>
#include <QPointF>
#include <QPolygonF>
#include <QRect>

namespace kensa::ui::mask_ops {

// A round-capped line of the given radius from a to b (a dot when a == b): every pixel whose centre lies
// within `radius` of the segment gets `value`.
QRect paintSegment(QImage& mask, QPointF a, QPointF b, qreal radius, uchar value);

// Every pixel whose centre lies inside the polygon (even-odd rule) gets `value`.
QRect fillPolygon(QImage& mask, const QPolygonF& polygon, uchar value);

// The 4-connected region of pixels equal to the seed's value, set to `value`.
QRect floodFill(QImage& mask, QPoint seed, uchar value);

// Copies src (of rect's size) into dst at rect.topLeft().
void copyInto(QImage& dst, const QRect& rect, const QImage& src);

// Number of nonzero pixels.
qint64 countSet(const QImage& mask);

// A Format_Grayscale8 mask of `size` filled with 0.
QImage blankMask(QSize size);

}  // namespace kensa::ui::mask_ops
