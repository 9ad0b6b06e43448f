#include <kensa/base/error.h>
#include <kensa/metrics/pro.h>
#include <kensa/metrics/roc.h>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <cmath>
#include <limits>

namespace km = kensa::metrics;

namespace {

km::ProResult pro_all(const std::vector<cv::Mat>& maps, const std::vector<cv::Mat>& masks,
                      double limit = 0.3) {
    return km::pro_curve(maps, masks, {limit, 0});
}

void expect_point(const km::CurvePoint& p, double x, double y, float threshold) {
    EXPECT_NEAR(p.x, x, 1e-12);
    EXPECT_NEAR(p.y, y, 1e-12);
    EXPECT_EQ(p.threshold, threshold);
}

// 4x4 map with a 2x2 defect (top-left) scoring 0.9, 0.8, 0.3, 0.3; normals 0.85, 0.5 and ten at 0.1.
struct SingleRegion {
    cv::Mat map = (cv::Mat_<float>(4, 4) << 0.9f, 0.8f, 0.85f, 0.1f,  //
                   0.3f, 0.3f, 0.5f, 0.1f,                            //
                   0.1f, 0.1f, 0.1f, 0.1f,                            //
                   0.1f, 0.1f, 0.1f, 0.1f);
    cv::Mat mask = (cv::Mat_<uint8_t>(4, 4) << 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
};

}  // namespace

TEST(Pro, SingleRegionHandComputed) {
    const SingleRegion c;
    const km::ProResult pro = pro_all({c.map}, {c.mask});
    EXPECT_EQ(pro.regions, 1);
    EXPECT_EQ(pro.normal_pixels, 12);
    // Area: 0.25 * 1/12 + 0.5 * 1/12 + 1.0 * (0.3 - 2/12) = 47/240, over 0.3.
    EXPECT_NEAR(pro.aupro, 47.0 / 72.0, 1e-12);
    ASSERT_EQ(pro.curve.size(), 7u);
    expect_point(pro.curve[0], 0.0, 0.0, std::numeric_limits<float>::infinity());
    expect_point(pro.curve[1], 0.0, 0.25, 0.9f);
    expect_point(pro.curve[2], 1.0 / 12, 0.25, 0.85f);
    expect_point(pro.curve[3], 1.0 / 12, 0.5, 0.8f);
    expect_point(pro.curve[4], 2.0 / 12, 0.5, 0.5f);
    expect_point(pro.curve[5], 2.0 / 12, 1.0, 0.3f);
    expect_point(pro.curve[6], 0.3, 1.0, 0.1f);  // interpolated at the cut
    EXPECT_NEAR(km::trapezoid_area(pro.curve) / 0.3, pro.aupro, 1e-12);
}

TEST(Pro, GoodImagesCountTowardsFalsePositiveRate) {
    // Adds a defect-free 4x4 image with one pixel at 0.95 and the rest at 0.05: 28 normal pixels.
    // Steps: (1/28, 0) (1/28, .25) (2/28, .25) (2/28, .5) (3/28, .5) (3/28, 1) then 13/28 > 0.3.
    const SingleRegion c;
    cv::Mat good(4, 4, CV_32FC1, cv::Scalar(0.05f));
    good.at<float>(2, 1) = 0.95f;
    const km::ProResult pro = pro_all({c.map, good}, {c.mask, cv::Mat()});
    EXPECT_EQ(pro.normal_pixels, 28);
    EXPECT_NEAR(pro.aupro, (0.25 / 28 + 0.5 / 28 + (0.3 - 3.0 / 28)) / 0.3, 1e-12);
}

TEST(Pro, SmallRegionWeighsAsMuchAsALargeOne) {
    // Region A: one pixel at 0.9. Region B: 3x2 pixels at 0.6, not touching A. Normals: one 0.7, sixteen 0.1.
    cv::Mat map(4, 6, CV_32FC1, cv::Scalar(0.1f));
    cv::Mat mask(4, 6, CV_8UC1, cv::Scalar(0));
    map.at<float>(0, 0) = 0.9f;
    mask.at<uint8_t>(0, 0) = 255;
    map(cv::Rect(3, 2, 3, 2)).setTo(0.6f);
    mask(cv::Rect(3, 2, 3, 2)).setTo(255);
    map.at<float>(0, 5) = 0.7f;

    const km::ProResult pro = pro_all({map}, {mask});
    EXPECT_EQ(pro.regions, 2);
    ASSERT_GE(pro.curve.size(), 2u);
    // At threshold 0.9 half the regions are found but only 1 of 7 defect pixels.
    expect_point(pro.curve[1], 0.0, 0.5, 0.9f);
    const km::RocResult roc = km::pixel_roc(std::vector<cv::Mat>{map}, std::vector<cv::Mat>{mask}, 0);
    EXPECT_NEAR(roc.curve[1].y, 1.0 / 7, 1e-12);
    EXPECT_NEAR(pro.aupro, (0.5 / 17 + (0.3 - 1.0 / 17)) / 0.3, 1e-12);
    EXPECT_NEAR(roc.auroc, 113.0 / 119.0, 1e-12);  // (17 + 6 * 16) pairs won of 7 * 17
}

TEST(Pro, InterpolatesAtTheFalsePositiveRateLimit) {
    // Region of two pixels scoring 0.9 and 0.1; normals: two at 0.7, eight at 0.1. The last step goes
    // from (0.2, 0.5) to (1, 1) and is cut at 0.3, where PRO = 0.5 + 0.5 * 0.1 / 0.8 = 0.5625.
    const cv::Mat map =
        (cv::Mat_<float>(1, 12) << 0.9f, 0.1f, 0.7f, 0.7f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f);
    cv::Mat mask(1, 12, CV_8UC1, cv::Scalar(0));
    mask.at<uint8_t>(0, 0) = mask.at<uint8_t>(0, 1) = 1;
    const km::ProResult pro = pro_all({map}, {mask});
    EXPECT_NEAR(pro.aupro, (0.5 * 0.2 + 0.1 * (0.5 + 0.5625) / 2) / 0.3, 1e-12);
    expect_point(pro.curve.back(), 0.3, 0.5625, 0.1f);
    // Over the whole range: 0.5 * 0.2 + 0.8 * 0.75.
    EXPECT_NEAR(pro_all({map}, {mask}, 1.0).aupro, 0.7, 1e-12);
    // A limit that a step lands on exactly needs no interpolation: area 0.5 * 0.2 over 0.2.
    EXPECT_NEAR(pro_all({map}, {mask}, 0.2).aupro, 0.5, 1e-12);
}

TEST(Pro, AllEqualScoresFollowTheDiagonal) {
    const SingleRegion c;
    const cv::Mat flat(4, 4, CV_32FC1, cv::Scalar(0.5f));
    const km::ProResult pro = pro_all({flat}, {c.mask});
    EXPECT_NEAR(pro.aupro, 0.15, 1e-12);  // PRO = FPR up to 0.3: area 0.045 over 0.3
    ASSERT_EQ(pro.curve.size(), 2u);
    expect_point(pro.curve[1], 0.3, 0.3, 0.5f);
}

TEST(Pro, PerfectAndInvertedSeparation) {
    const SingleRegion c;
    cv::Mat perfect(4, 4, CV_32FC1, cv::Scalar(0.0f));
    perfect.setTo(1.0f, c.mask);
    EXPECT_DOUBLE_EQ(pro_all({perfect}, {c.mask}).aupro, 1.0);
    cv::Mat inverted(4, 4, CV_32FC1, cv::Scalar(1.0f));
    inverted.setTo(0.0f, c.mask);
    EXPECT_DOUBLE_EQ(pro_all({inverted}, {c.mask}).aupro, 0.0);
}

TEST(Pro, RegionsAreEightConnected) {
    cv::Mat diagonal = (cv::Mat_<uint8_t>(3, 3) << 255, 0, 0, 0, 255, 0, 0, 0, 1);
    EXPECT_EQ(km::label_defect_regions(diagonal).count(), 1);
    cv::Mat apart = (cv::Mat_<uint8_t>(3, 3) << 1, 0, 1, 0, 0, 0, 1, 0, 1);
    const km::DefectRegions regions = km::label_defect_regions(apart);
    ASSERT_EQ(regions.count(), 4);
    EXPECT_EQ(regions.sizes, (std::vector<int64_t>{1, 1, 1, 1}));
    EXPECT_EQ(km::label_defect_regions(cv::Mat(3, 3, CV_8UC1, cv::Scalar(0))).count(), 0);
    EXPECT_EQ(km::label_defect_regions(cv::Mat()).count(), 0);

    // A 2x2 block touching one pixel at a corner is one region of 5: at 0.9 only that pixel is found, so
    // PRO = 1/5 (with 4-connectivity it would be two regions and PRO = 1/2).
    const cv::Mat map = (cv::Mat_<float>(3, 3) << 0.2f, 0.2f, 0.0f, 0.2f, 0.2f, 0.0f, 0.0f, 0.0f, 0.9f);
    const cv::Mat mask = (cv::Mat_<uint8_t>(3, 3) << 1, 1, 0, 1, 1, 0, 0, 0, 1);
    const km::ProResult pro = pro_all({map}, {mask});
    EXPECT_EQ(pro.regions, 1);
    ASSERT_GE(pro.curve.size(), 2u);
    expect_point(pro.curve[1], 0.0, 0.2, 0.9f);
}

TEST(Pro, UndefinedWithoutRegionsOrNormalPixels) {
    const SingleRegion c;
    const km::ProResult no_defect = pro_all({c.map}, {cv::Mat()});
    EXPECT_TRUE(std::isnan(no_defect.aupro));
    EXPECT_TRUE(no_defect.curve.empty());
    const km::ProResult all_defect = pro_all({c.map}, {cv::Mat(4, 4, CV_8UC1, cv::Scalar(1))});
    EXPECT_TRUE(std::isnan(all_defect.aupro));
    EXPECT_TRUE(std::isnan(pro_all({}, {}).aupro));
}

TEST(Pro, RejectsBadInput) {
    const SingleRegion c;
    EXPECT_THROW((void)pro_all({c.map}, {cv::Mat(3, 4, CV_8UC1, cv::Scalar(0))}), kensa::Error);
    EXPECT_THROW((void)pro_all({c.map}, {c.mask}, 0.0), kensa::Error);
    EXPECT_THROW((void)pro_all({c.map}, {c.mask}, 1.5), kensa::Error);
    cv::Mat nan_map = c.map.clone();
    nan_map.at<float>(3, 2) = std::nanf("");
    try {
        (void)pro_all({nan_map}, {c.mask});
        ADD_FAILURE() << "no error";
    } catch (const kensa::Error& e) {
        EXPECT_NE(e.message().find("NaN at (2, 3)"), std::string::npos) << e.message();
    }
}

TEST(Pro, ReadsRegionsOfInterestLikeContinuousMaps) {
    const SingleRegion c;
    cv::Mat big_map(10, 10, CV_32FC1, cv::Scalar(7.0f));
    cv::Mat big_mask(10, 10, CV_8UC1, cv::Scalar(255));
    c.map.copyTo(big_map(cv::Rect(3, 2, 4, 4)));
    c.mask.copyTo(big_mask(cv::Rect(3, 2, 4, 4)));
    const cv::Mat roi_map = big_map(cv::Rect(3, 2, 4, 4));
    const cv::Mat roi_mask = big_mask(cv::Rect(3, 2, 4, 4));
    ASSERT_FALSE(roi_map.isContinuous());
    EXPECT_NEAR(pro_all({roi_map}, {roi_mask}).aupro, 47.0 / 72.0, 1e-12);
}
