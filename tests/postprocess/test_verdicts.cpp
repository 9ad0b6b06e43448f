// Verdict counts at a threshold: a direct pass vs the sorted counter.
#include <kensa/base/error.h>
#include <kensa/postprocess/verdicts.h>

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace kensa::postprocess {
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


}  // namespace
}  // namespace kensa::postprocess
