#include <kensa/postprocess/heatmap.h>
#include <kensa/postprocess/verdict.h>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace pp = kensa::postprocess;

TEST(Verdict, AtTheThresholdIsAnomalousAndNaNNeverIs) {
    EXPECT_TRUE(pp::is_anomalous(0.5f, 0.5f));
    EXPECT_FALSE(pp::is_anomalous(0.49f, 0.5f));
    const float nan = std::numeric_limits<float>::quiet_NaN();
    EXPECT_FALSE(pp::is_anomalous(nan, 0.5f));  // an image that could not be inspected
    EXPECT_FALSE(pp::is_anomalous(9.f, nan));   // an unset threshold flags nothing
    cv::Mat map(1, 3, CV_32FC1);
    map.at<float>(0) = 0.2f, map.at<float>(1) = 0.5f, map.at<float>(2) = 0.9f;
    const cv::Mat above = pp::anomalous_pixels(map, 0.5f);
    EXPECT_EQ(above.at<uchar>(0), 0);
    EXPECT_EQ(above.at<uchar>(1), 255);
    EXPECT_EQ(cv::countNonZero(pp::anomalous_pixels(map, nan)), 0);
}

TEST(Heatmap, ScaleIsTwiceThePixelThresholdAndSaneOtherwise) {
    EXPECT_EQ(pp::heatmap_scale(0.5f).low, 0.f);
    EXPECT_EQ(pp::heatmap_scale(0.5f).high, 1.f);
    EXPECT_EQ(pp::heatmap_scale(-2.f).low, -3.f);  // z-scored maps: a unit each side
    EXPECT_EQ(pp::heatmap_scale(-2.f).high, -1.f);
    EXPECT_EQ(pp::heatmap_scale(0.f).high, 1.f);
    const auto unset = pp::heatmap_scale(std::numeric_limits<float>::quiet_NaN());
    EXPECT_EQ(unset.low, 0.f);
    EXPECT_EQ(unset.high, 1.f);
}

TEST(Heatmap, LevelsSaturateOutsideTheScale) {
    cv::Mat map(1, 4, CV_32FC1);
    map.at<float>(0) = -1.f, map.at<float>(1) = 0.f, map.at<float>(2) = 1.f, map.at<float>(3) = 5.f;
    const cv::Mat levels = pp::heatmap_levels(map, {0.f, 2.f});
    EXPECT_EQ(levels.type(), CV_8UC1);
    EXPECT_EQ(levels.at<uchar>(0), 0);
    EXPECT_EQ(levels.at<uchar>(1), 0);
    EXPECT_EQ(levels.at<uchar>(2), 128);  // 127.5 rounds to even
    EXPECT_EQ(levels.at<uchar>(3), 255);
}
