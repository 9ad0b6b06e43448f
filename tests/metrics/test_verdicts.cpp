// Verdict counts at a threshold (direct pass vs sorted counter) and where a threshold sits on a curve.
#include <kensa/base/error.h>
#include <kensa/metrics/curve.h>
#include <kensa/metrics/verdicts.h>

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace kensa::metrics {
namespace {

TEST(Verdicts, HandCountedConfusionMatrix) {
    const std::vector<float> scores{0.1f, 0.5f, 0.9f, 0.5f, NAN, 0.7f};
    const std::vector<Truth> truths{Truth::Normal, Truth::Normal, Truth::Defect,
                                    Truth::Defect, Truth::Defect, Truth::Unknown};
    const VerdictCounts c = count_verdicts(scores, truths, 0.5f);  // at the threshold is NG
    EXPECT_EQ(c.ng, 4);
    EXPECT_EQ(c.ok, 1);  // the NaN image counts nowhere
    EXPECT_EQ(c.true_ng, 2);
    EXPECT_EQ(c.false_ng, 1);
    EXPECT_EQ(c.true_ok, 1);
    EXPECT_EQ(c.false_ok, 0);
    EXPECT_EQ(c.normal(), 2);
    EXPECT_EQ(c.defect(), 2);
    EXPECT_EQ(VerdictCounter(scores, truths).at(0.5f), c);
}

TEST(Verdicts, SortedCounterMatchesTheDirectPassAtEveryThreshold) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> level(-40, 40);  // coarse: many ties, negative z-scores too
    std::uniform_int_distribution<int> truth(0, 2);
    std::vector<float> scores(500);
    std::vector<Truth> truths(500);
    for (size_t i = 0; i < scores.size(); ++i) {
        scores[i] = float(level(rng)) / 10.f;
        truths[i] = Truth(truth(rng));
    }
    scores[3] = NAN;
    const VerdictCounter counter(scores, truths);
    EXPECT_EQ(counter.scored(), 499);
    for (float t = -4.5f; t <= 4.5f; t += 0.05f)
        ASSERT_EQ(counter.at(t), count_verdicts(scores, truths, t)) << t;
    for (float t : {-INFINITY, INFINITY, NAN, scores[0], scores[1]})
        ASSERT_EQ(counter.at(t), count_verdicts(scores, truths, t)) << t;
}

TEST(Verdicts, MismatchedLengthsAreAnError) {
    const std::vector<float> scores{1.f};
    EXPECT_THROW(count_verdicts(scores, {}, 0.f), Error);
    EXPECT_THROW(VerdictCounter(scores, {}), Error);
}

TEST(PointAtThreshold, InterpolatesBetweenRecordedThresholds) {
    const std::vector<CurvePoint> curve{
        {0.0, 0.0, INFINITY}, {0.0, 0.5, 3.f}, {0.2, 0.9, 1.f}, {1.0, 1.0, -2.f}};
    EXPECT_EQ(point_at_threshold(curve, 5.f).y, 0.0);  // above every score: nothing flagged
    EXPECT_EQ(point_at_threshold(curve, 3.f).y, 0.5);  // exactly at a point: that point
    const CurvePoint mid = point_at_threshold(curve, 2.f);
    EXPECT_DOUBLE_EQ(mid.x, 0.1);
    EXPECT_DOUBLE_EQ(mid.y, 0.7);
    EXPECT_EQ(point_at_threshold(curve, -9.f).x, 1.0);  // below every score: everything flagged
    EXPECT_EQ(point_at_threshold({}, 1.f).x, 0.0);
}

}  // namespace
}  // namespace kensa::metrics
