#include <kensa/base/error.h>
#include <kensa/postprocess/position_normalization.h>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using kensa::postprocess::fit_position_statistics;
using kensa::postprocess::normalize_positions;

namespace {
cv::Mat grid_of(std::initializer_list<float> values) {
    cv::Mat g(2, 2, CV_32FC1);
    std::copy(values.begin(), values.end(), g.begin<float>());
    return g;
}
}  // namespace

TEST(PositionNormalization, MeanAndUnbiasedSpreadPerPosition) {
    const auto stats = fit_position_statistics({grid_of({1, 2, 3, 4}), grid_of({3, 2, 5, 8})});
    EXPECT_FLOAT_EQ(stats.mean.at<float>(0, 0), 2.f);
    EXPECT_FLOAT_EQ(stats.mean.at<float>(1, 1), 6.f);
    EXPECT_FLOAT_EQ(stats.stddev.at<float>(0, 0), std::sqrt(2.f));  // (1-2)^2 + (3-2)^2 over n - 1 = 1
    EXPECT_FLOAT_EQ(stats.stddev.at<float>(1, 1), std::sqrt(8.f));
    // A position equal on every image gets the floor, 1e-3 + 1% of the mean grid value (3.5), not 0.
    EXPECT_FLOAT_EQ(stats.stddev.at<float>(0, 1), static_cast<float>(1e-3 + 0.035));
}

TEST(PositionNormalization, ScoresInUnitsOfEachPositionsSpread) {
    const auto stats = fit_position_statistics({grid_of({1, 2, 3, 4}), grid_of({3, 2, 5, 8})});
    const cv::Mat z = normalize_positions(grid_of({2 + 2 * std::sqrt(2.f), 2, 4, 6}), stats);
    EXPECT_NEAR(z.at<float>(0, 0), 2.f, 1e-6);
    EXPECT_EQ(z.at<float>(0, 1), 0.f);
    EXPECT_EQ(z.at<float>(1, 1), 0.f);
    EXPECT_EQ(cv::norm(normalize_positions(grid_of({1, 2, 3, 4}), {}), grid_of({1, 2, 3, 4})), 0.0);
}

TEST(PositionNormalization, BadInputIsAClearError) {
    EXPECT_THROW(fit_position_statistics({grid_of({1, 2, 3, 4})}), kensa::Error);
    EXPECT_THROW(fit_position_statistics({grid_of({1, 2, 3, 4}), cv::Mat(3, 3, CV_32FC1, 0.f)}), kensa::Error);
    const auto stats = fit_position_statistics({grid_of({1, 2, 3, 4}), grid_of({3, 2, 5, 8})});
    EXPECT_THROW(normalize_positions(cv::Mat(3, 3, CV_32FC1, 0.f), stats), kensa::Error);
}
