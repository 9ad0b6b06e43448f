#include <kensa/metrics/curve.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace km = kensa::metrics;

namespace {

// Linear interpolation of a curve with increasing x at x.
double y_at(const std::vector<km::CurvePoint>& c, double x) {
    const auto it =
        std::lower_bound(c.begin(), c.end(), x, [](const km::CurvePoint& p, double v) { return p.x < v; });
    if (it == c.begin())
        return it->y;
    if (it == c.end())
        return c.back().y;
    const km::CurvePoint& a = *(it - 1);
    const km::CurvePoint& b = *it;
    return a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x);
}

std::vector<km::CurvePoint> sqrt_curve(size_t n) {
    std::vector<km::CurvePoint> c;
    for (size_t i = 0; i < n; ++i) {
        const double x = static_cast<double>(i) / static_cast<double>(n - 1);
        c.push_back({x, std::sqrt(x), static_cast<float>(1.0 - x)});
    }
    return c;
}

}  // namespace

TEST(Curve, TrapezoidAreaWithAndWithoutCut) {
    const std::vector<km::CurvePoint> c = {{0, 0}, {0, 0.5}, {0.5, 0.5}, {0.5, 1}, {1, 1}};
    EXPECT_DOUBLE_EQ(km::trapezoid_area(c), 0.75);
    EXPECT_DOUBLE_EQ(km::trapezoid_area(c, 0.5), 0.25);  // the limit is a point: nothing interpolated
    EXPECT_DOUBLE_EQ(km::trapezoid_area(c, 0.75), 0.5);
    const std::vector<km::CurvePoint> diagonal = {{0, 0}, {1, 1}};
    EXPECT_DOUBLE_EQ(km::trapezoid_area(diagonal, 0.3), 0.045);
    EXPECT_DOUBLE_EQ(km::trapezoid_area(std::vector<km::CurvePoint>{{0, 1}}), 0.0);
}

TEST(Curve, ThinningKeepsShortCurvesUnchanged) {
    const auto c = sqrt_curve(10);
    const auto t = km::thin_curve(c, 10);
    ASSERT_EQ(t.size(), 10u);
    for (size_t i = 0; i < t.size(); ++i)
        EXPECT_EQ(t[i].x, c[i].x);
}

TEST(Curve, ThinningKeepsTheCornersOfAStaircase) {
    // Three straight runs of 100 points: only the four corners carry shape.
    std::vector<km::CurvePoint> c;
    for (int i = 0; i < 100; ++i)
        c.push_back({0.0, 0.5 * i / 100.0});
    for (int i = 0; i < 100; ++i)
        c.push_back({i / 100.0, 0.5});
    for (int i = 0; i <= 100; ++i)
        c.push_back({1.0, 0.5 + 0.5 * i / 100.0});
    const auto t = km::thin_curve(c, 4);
    ASSERT_EQ(t.size(), 4u);
    const double expected[4][2] = {{0, 0}, {0, 0.5}, {1, 0.5}, {1, 1}};
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_DOUBLE_EQ(t[i].x, expected[i][0]) << i;
        EXPECT_DOUBLE_EQ(t[i].y, expected[i][1]) << i;
    }
}

TEST(Curve, ThinnedSmoothCurveStaysClose) {
    const auto c = sqrt_curve(100000);
    const auto t = km::thin_curve(c, 100);
    ASSERT_LE(t.size(), 100u);
    EXPECT_EQ(t.front().x, 0.0);
    EXPECT_EQ(t.back().x, 1.0);
    EXPECT_EQ(t.back().threshold, 0.0f);  // points are kept as they were, thresholds included
    for (size_t i = 1; i < t.size(); ++i)
        EXPECT_GT(t[i].x, t[i - 1].x);
    double worst = 0.0;
    for (size_t i = 0; i < c.size(); i += 97)
        worst = std::max(worst, std::abs(y_at(t, c[i].x) - c[i].y));
    EXPECT_LT(worst, 0.01);
    EXPECT_NEAR(km::trapezoid_area(t), 2.0 / 3.0, 1e-3);
}

TEST(Curve, RecorderBoundsMemoryAndKeepsEndPoints) {
    const auto c = sqrt_curve(1000000);
    km::CurveRecorder thin(50);
    km::CurveRecorder all(0);
    for (const auto& p : c) {
        thin.add(p);
        all.add(p);
    }
    const auto t = thin.finish();
    EXPECT_LE(t.size(), 50u);
    EXPECT_GE(t.size(), 40u);
    EXPECT_EQ(t.front().x, 0.0);
    EXPECT_EQ(t.back().x, 1.0);
    EXPECT_NEAR(km::trapezoid_area(t), 2.0 / 3.0, 5e-3);
    EXPECT_EQ(all.finish().size(), c.size());
}

TEST(PointAtThreshold, InterpolatesBetweenRecordedThresholds) {
    const std::vector<km::CurvePoint> curve{
        {0.0, 0.0, INFINITY}, {0.0, 0.5, 3.f}, {0.2, 0.9, 1.f}, {1.0, 1.0, -2.f}};
    EXPECT_EQ(km::point_at_threshold(curve, 5.f).y, 0.0);  // above every score: nothing flagged
    EXPECT_EQ(km::point_at_threshold(curve, 3.f).y, 0.5);  // exactly at a point: that point
    const km::CurvePoint mid = km::point_at_threshold(curve, 2.f);
    EXPECT_DOUBLE_EQ(mid.x, 0.1);
    EXPECT_DOUBLE_EQ(mid.y, 0.7);
    EXPECT_EQ(km::point_at_threshold(curve, -9.f).x, 1.0);  // below every score: everything flagged
    EXPECT_EQ(km::point_at_threshold({}, 1.f).x, 0.0);
}
