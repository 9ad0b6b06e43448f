#include <kensa/base/error.h>
#include <kensa/metrics/roc.h>
#include <kensa/metrics/score_sort.h>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace km = kensa::metrics;

namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();

// Mann-Whitney U by brute force over all (positive, negative) pairs, ties counted 1/2.
double brute_force_auroc(const std::vector<float>& scores, const std::vector<uint8_t>& labels) {
    double wins = 0.0;
    double pairs = 0.0;
    for (size_t i = 0; i < scores.size(); ++i) {
        if (!labels[i])
            continue;
        for (size_t j = 0; j < scores.size(); ++j) {
            if (labels[j])
                continue;
            pairs += 1.0;
            wins += scores[i] > scores[j] ? 1.0 : (scores[i] == scores[j] ? 0.5 : 0.0);
        }
    }
    return wins / pairs;
}

}  // namespace

TEST(Roc, MatchesScikitLearnDocumentationExample) {
    const std::vector<float> scores = {0.1f, 0.4f, 0.35f, 0.8f};
    const std::vector<uint8_t> labels = {0, 0, 1, 1};
    EXPECT_DOUBLE_EQ(km::roc_curve(scores, labels).auroc, 0.75);
}

TEST(Roc, TiedScoresFormOneStepAndCountHalf) {
    // Pairs: (0.5 vs 0.5) = 1/2, (0.5 vs 0.2) = 1, (0.9 vs 0.5) = 1, (0.9 vs 0.2) = 1  ->  3.5 / 4.
    const std::vector<float> scores = {0.5f, 0.5f, 0.2f, 0.9f};
    const std::vector<uint8_t> labels = {1, 0, 0, 1};
    const km::RocResult roc = km::roc_curve(scores, labels);
    EXPECT_DOUBLE_EQ(roc.auroc, 0.875);
    EXPECT_EQ(roc.positives, 2);
    EXPECT_EQ(roc.negatives, 2);
    ASSERT_EQ(roc.curve.size(), 4u);
    const double expected[4][2] = {{0.0, 0.0}, {0.0, 0.5}, {0.5, 1.0}, {1.0, 1.0}};
    const float thresholds[4] = {kInf, 0.9f, 0.5f, 0.2f};
    for (size_t i = 0; i < 4; ++i) {
        EXPECT_DOUBLE_EQ(roc.curve[i].x, expected[i][0]) << i;
        EXPECT_DOUBLE_EQ(roc.curve[i].y, expected[i][1]) << i;
        EXPECT_EQ(roc.curve[i].threshold, thresholds[i]) << i;
    }
}

TEST(Roc, AllEqualScoresGiveOneDiagonalStep) {
    const std::vector<float> scores(6, 0.25f);
    const std::vector<uint8_t> labels = {0, 1, 0, 1, 1, 0};
    const km::RocResult roc = km::roc_curve(scores, labels);
    EXPECT_DOUBLE_EQ(roc.auroc, 0.5);
    ASSERT_EQ(roc.curve.size(), 2u);
    EXPECT_DOUBLE_EQ(roc.curve[1].x, 1.0);
    EXPECT_DOUBLE_EQ(roc.curve[1].y, 1.0);
}

TEST(Roc, NegativeAndPositiveZeroAreOneThreshold) {
    const std::vector<float> scores = {-0.0f, 0.0f};
    const std::vector<uint8_t> labels = {1, 0};
    EXPECT_DOUBLE_EQ(km::roc_curve(scores, labels).auroc, 0.5);
}

TEST(Roc, PerfectAndInvertedSeparation) {
    const std::vector<float> scores = {-3.0f, -1.0f, 0.5f, 2.0f, kInf};
    EXPECT_DOUBLE_EQ(km::roc_curve(scores, std::vector<uint8_t>{0, 0, 1, 1, 1}).auroc, 1.0);
    EXPECT_DOUBLE_EQ(km::roc_curve(scores, std::vector<uint8_t>{1, 1, 0, 0, 0}).auroc, 0.0);
}

TEST(Roc, UndefinedWithoutBothClassesIsNaN) {
    const std::vector<float> scores = {0.1f, 0.2f};
    const km::RocResult no_positives = km::roc_curve(scores, std::vector<uint8_t>{0, 0});
    EXPECT_TRUE(std::isnan(no_positives.auroc));
    EXPECT_TRUE(no_positives.curve.empty());
    EXPECT_TRUE(std::isnan(km::roc_curve(scores, std::vector<uint8_t>{1, 1}).auroc));
    EXPECT_TRUE(std::isnan(km::roc_curve({}, {}).auroc));
}

TEST(Roc, RejectsBadInput) {
    const std::vector<float> scores = {0.1f, std::nanf("")};
    EXPECT_THROW((void)km::roc_curve(scores, std::vector<uint8_t>{0}), kensa::Error);
    EXPECT_THROW((void)km::roc_curve(scores, std::vector<uint8_t>{0, 1}), kensa::Error);
}

TEST(Roc, LargeQuantisedInputMatchesBruteForce) {
    // Large enough for the radix-sort path; quantised to force many ties; both signs and infinities.
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> level(-20, 20);
    std::bernoulli_distribution positive(0.3);
    std::vector<float> scores(6000);
    std::vector<uint8_t> labels(scores.size());
    for (size_t i = 0; i < scores.size(); ++i) {
        labels[i] = positive(rng) ? 1 : 0;
        const int l = level(rng) + (labels[i] ? 4 : 0);
        scores[i] = l > 21 ? kInf : (l < -19 ? -kInf : static_cast<float>(l) * 0.125f);
    }
    const km::RocResult roc = km::roc_curve(scores, labels);
    EXPECT_NEAR(roc.auroc, brute_force_auroc(scores, labels), 1e-12);
    EXPECT_NEAR(km::trapezoid_area(roc.curve), roc.auroc, 1e-12);
    std::vector<float> distinct = scores;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    EXPECT_EQ(roc.curve.size(), distinct.size() + 1);  // one point per distinct score, plus the origin
}

TEST(Roc, ThinnedCurveKeepsExactAreaAndEndPoints) {
    std::mt19937 rng(11);
    std::normal_distribution<float> noise(0.0f, 1.0f);
    std::vector<float> scores(20000);
    std::vector<uint8_t> labels(scores.size());
    for (size_t i = 0; i < scores.size(); ++i) {
        labels[i] = i % 3 == 0;
        scores[i] = noise(rng) + (labels[i] ? 1.0f : 0.0f);
    }
    const km::RocResult full = km::roc_curve(scores, labels);
    const km::RocResult thin = km::roc_curve(scores, labels, 64);
    EXPECT_EQ(thin.auroc, full.auroc);
    ASSERT_LE(thin.curve.size(), 64u);
    EXPECT_EQ(thin.curve.front().x, 0.0);
    EXPECT_EQ(thin.curve.back().x, 1.0);
    EXPECT_EQ(thin.curve.back().y, 1.0);
    EXPECT_NEAR(km::trapezoid_area(thin.curve), full.auroc, 2e-3);
}

TEST(ScoreSort, OrdersLikeFloatComparison) {
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> u(-1e6f, 1e6f);
    std::vector<float> values(600000);  // 4.8 MB: the huge-page buffer path
    for (float& v : values)
        v = u(rng);
    values[10] = kInf;
    values[11] = -kInf;
    values[12] = 0.0f;
    values[13] = -0.0f;
    values[14] = std::numeric_limits<float>::denorm_min();
    values[15] = -std::numeric_limits<float>::denorm_min();
    km::ScoredEntries packed;
    for (size_t i = 0; i < values.size(); ++i)
        packed.push_back(km::pack_scored(values[i], static_cast<uint32_t>(i)));
    km::sort_by_score(packed);
    std::vector<float> expected = values;
    std::sort(expected.begin(), expected.end());
    for (size_t i = 0; i < packed.size(); ++i) {
        ASSERT_EQ(km::key_score(km::packed_key(packed[i])), expected[i]) << i;
        ASSERT_EQ(values[km::packed_payload(packed[i])], expected[i]) << i;
    }
}

TEST(PixelRoc, PoolsPixelsOfAllImages) {
    // Image 1: defect pixels 0.9 and 0.4, normal 0.5 and 0.1. Image 2 (no mask): normal 0.4 and 0.2.
    // Pairs won: 0.9 beats all 4; 0.4 beats 0.1 and 0.2, ties 0.4  ->  (4 + 2.5) / 8.
    const cv::Mat map1 = (cv::Mat_<float>(2, 2) << 0.9f, 0.5f, 0.1f, 0.4f);
    const cv::Mat mask1 = (cv::Mat_<uint8_t>(2, 2) << 255, 0, 0, 255);
    const cv::Mat map2 = (cv::Mat_<float>(1, 2) << 0.4f, 0.2f);
    const std::vector<cv::Mat> maps = {map1, map2};
    const std::vector<cv::Mat> masks = {mask1, cv::Mat()};
    const km::RocResult roc = km::pixel_roc(maps, masks);
    EXPECT_DOUBLE_EQ(roc.auroc, 6.5 / 8.0);
    EXPECT_EQ(roc.positives, 2);
    EXPECT_EQ(roc.negatives, 4);
}

TEST(PixelRoc, RejectsMismatchedInput) {
    const std::vector<cv::Mat> maps = {cv::Mat(4, 4, CV_32FC1, cv::Scalar(0))};
    EXPECT_THROW((void)km::pixel_roc(maps, std::vector<cv::Mat>{cv::Mat(4, 5, CV_8UC1, cv::Scalar(0))}),
                 kensa::Error);
    EXPECT_THROW((void)km::pixel_roc(maps, std::vector<cv::Mat>{cv::Mat(4, 4, CV_32FC1, cv::Scalar(0))}),
                 kensa::Error);
    EXPECT_THROW((void)km::pixel_roc(maps, std::vector<cv::Mat>{}), kensa::Error);
    const std::vector<cv::Mat> wrong_map = {cv::Mat(4, 4, CV_64FC1, cv::Scalar(0))};
    EXPECT_THROW((void)km::pixel_roc(wrong_map, std::vector<cv::Mat>{cv::Mat()}), kensa::Error);
    try {
        (void)km::pixel_roc(maps, std::vector<cv::Mat>{cv::Mat(4, 5, CV_8UC1, cv::Scalar(0))});
        ADD_FAILURE() << "no error";
    } catch (const kensa::Error& e) {
        EXPECT_NE(e.message().find("4x4"), std::string::npos) << e.message();
        EXPECT_NE(e.message().find("5x4"), std::string::npos) << e.message();
    }
}

// Scores 0.9 (pos) 0.8 (neg) 0.7 (pos) 0.6 (pos) 0.2 (neg), 3 positives. Flagging >= 0.6 gives
// TP 3, FP 1: F1 = 6 / 7, better than >= 0.9 (2/4) or >= 0.7 (4/6) or everything (6/8).
TEST(Roc, F1OptimalThresholdByHand) {
    const std::vector<float> scores{0.9f, 0.8f, 0.7f, 0.6f, 0.2f};
    const std::vector<uint8_t> labels{1, 0, 1, 1, 0};
    const auto r = km::roc_curve(scores, labels);
    EXPECT_NEAR(r.best_f1, 6.0 / 7.0, 1e-12);
    EXPECT_EQ(r.f1_threshold, 0.6f);
    // A tie: flagging >= 0.9 (TP 1, FP 0) and >= 0.6 (TP 2, FP 2) both give F1 2/3; the higher
    // threshold, with fewer flags, wins.
    const auto t =
        km::roc_curve(std::vector<float>{0.9f, 0.8f, 0.7f, 0.6f}, std::vector<uint8_t>{1, 0, 0, 1});
    EXPECT_NEAR(t.best_f1, 2.0 / 3.0, 1e-12);
    EXPECT_EQ(t.f1_threshold, 0.9f);
    // No positives: undefined.
    EXPECT_TRUE(std::isnan(km::roc_curve(std::vector<float>{0.1f}, std::vector<uint8_t>{0}).best_f1));
}
