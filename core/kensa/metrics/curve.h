#pragma once
// Points of a rate curve (ROC or PRO), their area, and thinning for plotting.

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

namespace kensa::metrics {

// One operating point: scoring `>= threshold` as anomalous gives false-positive rate x and
// y = true-positive rate (ROC) or per-region overlap (PRO). Curves start at (0, 0) with threshold +inf
// and x, y never decrease along a curve.
struct CurvePoint {
    double x = 0.0;
    double y = 0.0;
    float threshold = std::numeric_limits<float>::infinity();
};

// Trapezoidal area under the curve for x in [points.front().x, x_max]; the curve is cut at x_max by linear
// interpolation between the two points around it (the MVTec AD convention). Fewer than two points: 0.
double trapezoid_area(std::span<const CurvePoint> points,
                      double x_max = std::numeric_limits<double>::infinity());

// At most max(max_points, 2) points of the curve for plotting, always keeping both end points. Removes
// the points that change the drawn shape least (Visvalingam-Whyatt: smallest triangle area first), so
// corners of step-shaped curves survive while straight runs collapse. Kept points are unmodified.
std::vector<CurvePoint> thin_curve(std::span<const CurvePoint> points, size_t max_points);

// Where a threshold sits on a curve (for a plot's marker): the point flagging `>= threshold`, linearly
// interpolated in threshold between the two recorded points around it, since thinned curves skip
// thresholds. Below the last point's threshold: the last point; above the first finite one: (0, 0).
// An empty curve gives (0, 0).
CurvePoint point_at_threshold(std::span<const CurvePoint> curve, float threshold);

// Collects a curve point by point without storing millions of them: a point closer than
// 1 / (4 * max_points) in |dx| + |dy| to the last kept one is dropped, then finish() thins to max_points.
// Monotone curves in the unit square have |dx| + |dy| path length <= 2, so at most ~8 * max_points
// points are ever held. max_points == 0 keeps every point.
class CurveRecorder {
public:
    explicit CurveRecorder(size_t max_points);

    // Inline: called once per distinct score, millions of times for pixel curves.
    void add(const CurvePoint& point) {
        if (!m_points.empty() &&
            std::abs(point.x - m_points.back().x) + std::abs(point.y - m_points.back().y) < m_min_step) {
            m_pending = point;
            m_has_pending = true;
            return;
        }
        m_points.push_back(point);
        m_has_pending = false;
    }
    std::vector<CurvePoint> finish();

private:
    size_t m_max_points;
    double m_min_step;
    std::vector<CurvePoint> m_points;
    CurvePoint m_pending;
    bool m_has_pending = false;
};

}  // namespace kensa::metrics
