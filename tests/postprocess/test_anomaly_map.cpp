#include <kensa/postprocess/anomaly_map.h>

#include <gtest/gtest.h>

using kensa::postprocess::AnomalyMapOptions;

TEST(AnomalyMap, UpsamplesToModelSizeAndKeepsAConstantGridConstant) {
    const cv::Mat grid(14, 14, CV_32FC1, cv::Scalar(2.5f));
    const auto map = kensa::postprocess::grid_to_model_map(grid, {});
    ASSERT_EQ(map.size(), cv::Size(224, 224));
    double lo, hi;
    cv::minMaxLoc(map, &lo, &hi);
    EXPECT_NEAR(lo, 2.5, 1e-5);
    EXPECT_NEAR(hi, 2.5, 1e-5);
}

TEST(AnomalyMap, HotCellLandsWhereItWasAndSmoothingSpreadsIt) {
    cv::Mat grid(14, 14, CV_32FC1, cv::Scalar(0.f));
    grid.at<float>(3, 10) = 1.f;  // row 3, column 10 -> centre near (10.5 * 16, 3.5 * 16) = (168, 56)
    AnomalyMapOptions sharp;
    sharp.gaussian_sigma = 0;
    cv::Point peak;
    cv::minMaxLoc(kensa::postprocess::grid_to_model_map(grid, sharp), nullptr, nullptr, nullptr, &peak);
    EXPECT_NEAR(peak.x, 168, 8);
    EXPECT_NEAR(peak.y, 56, 8);
    double sharp_max, smooth_max;
    cv::minMaxLoc(kensa::postprocess::grid_to_model_map(grid, sharp), nullptr, &sharp_max);
    cv::minMaxLoc(kensa::postprocess::grid_to_model_map(grid, {}), nullptr, &smooth_max);
    EXPECT_LT(smooth_max, sharp_max);
}

TEST(AnomalyMap, ScoreIsTheMaxOfTheAveragePooledMap) {
    cv::Mat map(64, 64, CV_32FC1, cv::Scalar(0.f));
    map(cv::Rect(10, 10, 8, 8)).setTo(1.f);  // exactly one 8x8 window is all ones
    AnomalyMapOptions o;
    o.score_pool = 8;
    EXPECT_NEAR(kensa::postprocess::image_score(map, o), 1.0f, 1e-6);
    o.score_pool = 16;  // a 16x16 window holds the 64 ones at best: 64 / 256
    EXPECT_NEAR(kensa::postprocess::image_score(map, o), 0.25f, 1e-6);
    o.score_pool = 0;  // mean
    EXPECT_NEAR(kensa::postprocess::image_score(map, o), 64.0f / 4096.0f, 1e-6);
}

TEST(AnomalyMap, ResizesBackToTheImageSize) {
    const cv::Mat model_map(224, 224, CV_32FC1, cv::Scalar(1.f));
    EXPECT_EQ(kensa::postprocess::to_image_size(model_map, cv::Size(640, 480)).size(), cv::Size(640, 480));
}
