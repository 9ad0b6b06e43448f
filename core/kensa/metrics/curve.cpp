#include <kensa/metrics/curve.h>

#include <algorithm>
#include <cmath>
#include <queue>

namespace kensa::metrics {

double trapezoid_area(std::span<const CurvePoint> points, double x_max) {
    double area = 0.0;
    for (size_t i = 1; i < points.size(); ++i) {
        const CurvePoint& a = points[i - 1];
        const CurvePoint& b = points[i];
        if (a.x >= x_max)
            break;
        if (b.x <= x_max) {
            area += (b.x - a.x) * (a.y + b.y) * 0.5;
            continue;
        }
        const double y_cut = a.y + (b.y - a.y) * (x_max - a.x) / (b.x - a.x);
        area += (x_max - a.x) * (a.y + y_cut) * 0.5;
        break;
    }
    return area;
}

CurvePoint point_at_threshold(std::span<const CurvePoint> curve, float threshold) {
    if (curve.empty())
        return {0.0, 0.0, threshold};
    // Thresholds fall along the curve; find the first point that flags fewer than `threshold` does.
    size_t next = 0;
    while (next < curve.size() && curve[next].threshold >= threshold)
        ++next;
    if (next == 0)
        return {curve.front().x, curve.front().y, threshold};
    if (next == curve.size())
        return {curve.back().x, curve.back().y, threshold};
    const CurvePoint& a = curve[next - 1];  // threshold >= t
    const CurvePoint& b = curve[next];      // threshold < t
    if (!std::isfinite(a.threshold))
        return {a.x, a.y, threshold};
    const double span = double(a.threshold) - double(b.threshold);
    const double f = span > 0.0 ? (double(a.threshold) - double(threshold)) / span : 0.0;
    return {a.x + f * (b.x - a.x), a.y + f * (b.y - a.y), threshold};
}

namespace {

double triangle_area(const CurvePoint& a, const CurvePoint& b, const CurvePoint& c) {
    return std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) * 0.5;
}

}  // namespace

std::vector<CurvePoint> thin_curve(std::span<const CurvePoint> points, size_t max_points) {
    max_points = std::max<size_t>(max_points, 2);
    const size_t n = points.size();
    if (n <= max_points)
        return {points.begin(), points.end()};

    // Doubly linked list over the points plus a min-heap of interior points keyed by the area of the
    // triangle they form with their neighbours; stale heap entries are skipped via a version counter.
    std::vector<size_t> prev(n), next(n);
    std::vector<unsigned> version(n, 0);
    std::vector<bool> removed(n, false);
    for (size_t i = 0; i < n; ++i) {
        prev[i] = i - 1;  // wraps for i == 0, never read
        next[i] = i + 1;
    }
    struct Entry {
        double area;
        size_t index;
        unsigned version;
        bool operator>(const Entry& o) const { return area > o.area || (area == o.area && index > o.index); }
    };
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
    for (size_t i = 1; i + 1 < n; ++i)
        heap.push({triangle_area(points[i - 1], points[i], points[i + 1]), i, 0});

    size_t remaining = n;
    while (remaining > max_points && !heap.empty()) {
        const Entry e = heap.top();
        heap.pop();
        if (removed[e.index] || e.version != version[e.index])
            continue;
        removed[e.index] = true;
        --remaining;
        const size_t p = prev[e.index];
        const size_t q = next[e.index];
        next[p] = q;
        prev[q] = p;
        // A neighbour's new area never drops below the removed one's, so the removal order stays
        // monotone and small details go before large ones.
        for (size_t k : {p, q}) {
            if (k == 0 || k == n - 1)
                continue;
            const double area = std::max(triangle_area(points[prev[k]], points[k], points[next[k]]), e.area);
            heap.push({area, k, ++version[k]});
        }
    }

    std::vector<CurvePoint> out;
    out.reserve(remaining);
    for (size_t i = 0; i < n; i = next[i])
        out.push_back(points[i]);
    return out;
}

CurveRecorder::CurveRecorder(size_t max_points)
    : m_max_points(max_points), m_min_step(max_points == 0 ? 0.0 : 0.25 / static_cast<double>(max_points)) {}

std::vector<CurvePoint> CurveRecorder::finish() {
    if (m_has_pending)
        m_points.push_back(m_pending);
    m_has_pending = false;
    if (m_max_points == 0)
        return std::move(m_points);
    return thin_curve(m_points, m_max_points);
}

}  // namespace kensa::metrics
