// The region of interest on actual images: scaled from the image it was drawn on, its bounds and mask
// (corners on pixel edges), a crop's result placed into the whole image with nothing outside able to score,
// and the values thresholds are taken from.
#include <kensa/base/error.h>
#include <kensa/model/region_json.h>
#include <kensa/postprocess/region.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

using kensa::model::RegionOfInterest;
using kensa::model::rectangle_region;
namespace pp = kensa::postprocess;

namespace {

// A triangle's region: the upper-left half of a 40 x 40 square at (10, 20), drawn on 100 x 80 images.
RegionOfInterest triangle() {
    return {100, 80, {{10, 20}, {50, 20}, {10, 60}}};
}

}  // namespace

TEST(RegionOfInterest, RectanglesAreRecognisedAndRegionsValidated) {
    EXPECT_TRUE(rectangle_region(5, 6, 30, 20, 64, 48).is_rectangle());
    EXPECT_FALSE(triangle().is_rectangle());
    EXPECT_FALSE((RegionOfInterest{64, 48, {{0, 0}, {30, 0}, {30, 20}, {5, 20}}}).is_rectangle());  // not closed square
    EXPECT_NO_THROW(validate(rectangle_region(5, 6, 30, 20, 64, 48)));
    EXPECT_NO_THROW(validate(RegionOfInterest{}));  // none: the whole image
    EXPECT_THROW(validate(rectangle_region(5, 6, 10, 20, 64, 48)), kensa::Error);      // 10 px: too narrow
    EXPECT_THROW(validate(rectangle_region(50, 6, 30, 20, 64, 48)), kensa::Error);     // past the right edge
    EXPECT_THROW(validate(rectangle_region(0, 0, 30, 20)), kensa::Error);              // no reference size
    EXPECT_THROW(validate(RegionOfInterest{64, 48, {{0, 0}, {30, 30}}}), kensa::Error);  // two corners
}

TEST(RegionOfInterest, JsonRoundTripAndMalformedShapes) {
    const RegionOfInterest r = triangle();
    EXPECT_EQ(kensa::model::region_from_json(kensa::model::region_to_json(r)), r);
    EXPECT_THROW(kensa::model::region_from_json(nlohmann::json::parse(R"({"reference": [1, 2]})")), kensa::Error);
    EXPECT_THROW(kensa::model::region_from_json(nlohmann::json::parse(R"({"reference": [1, 2], "polygon": [[1]]})")),
                 kensa::Error);
    EXPECT_THROW(kensa::model::region_from_json(nlohmann::json::parse(R"({"reference": [1e12, 2], "polygon": []})")),
                 kensa::Error);
}

TEST(Region, BoundsAndMaskScaleWithTheImage) {
    const RegionOfInterest r = rectangle_region(10, 20, 40, 30, 100, 80);
    EXPECT_EQ(pp::region_bounds(r, {100, 80}), cv::Rect(10, 20, 40, 30));
    EXPECT_EQ(pp::region_bounds(r, {200, 160}), cv::Rect(20, 40, 80, 60));  // twice the size: twice the region
    EXPECT_EQ(pp::region_bounds(RegionOfInterest{}, {7, 9}), cv::Rect(0, 0, 7, 9));
    const cv::Mat mask = pp::region_mask(r, {100, 80});
    EXPECT_EQ(cv::countNonZero(mask), 40 * 30);
    EXPECT_EQ(mask.at<uchar>(20, 10), 255);
    EXPECT_EQ(mask.at<uchar>(49, 49), 255);
    EXPECT_EQ(mask.at<uchar>(50, 49), 0);  // the far edges' pixels lie outside
    // The triangle covers about half its bounding square, never outside it.
    const cv::Mat t = pp::region_mask(triangle(), {100, 80});
    EXPECT_NEAR(cv::countNonZero(t), 40 * 40 / 2, 60);
    EXPECT_EQ(cv::countNonZero(t(cv::Rect(10, 20, 40, 40))), cv::countNonZero(t));
    EXPECT_EQ(t.at<uchar>(22, 12), 255);
    EXPECT_EQ(t.at<uchar>(57, 47), 0);
    // A rectangle given as a polygon (a fifth corner on its top edge): exactly the rectangle's pixels, so
    // polygon masks sit on pixel edges as the outline is drawn, not half a pixel off.
    const RegionOfInterest five{100, 80, {{10, 20}, {30, 20}, {50, 20}, {50, 50}, {10, 50}}};
    ASSERT_FALSE(five.is_rectangle());
    EXPECT_EQ(cv::countNonZero(pp::region_mask(five, {100, 80}) != mask), 0);
    // Shrunk so far that less than the minimum remains: a clear error naming the sizes.
    try {
        pp::region_bounds(r, {25, 20});
        FAIL() << "expected an error";
    } catch (const kensa::Error& e) {
        EXPECT_NE(std::string(e.what()).find("25 x 20"), std::string::npos) << e.what();
    }
}

TEST(Region, PlacedResultNeverScoresOutside) {
    const cv::Size image(100, 80);
    // A rectangle: the crop's map in place, its lowest value around it, the crop's score kept.
    const RegionOfInterest rect = rectangle_region(10, 20, 40, 30, 100, 80);
    pp::AnomalyResult crop{cv::Mat(30, 40, CV_32FC1, cv::Scalar(2.f)), 7.f};
    crop.map.at<float>(3, 4) = 0.5f;
    const auto whole = pp::place_region_result(crop, rect, image, {}, 40);
    ASSERT_EQ(whole.map.size(), image);
    EXPECT_EQ(whole.score, 7.f);
    EXPECT_EQ(whole.map.at<float>(23, 14), 0.5f);
    EXPECT_EQ(whole.map.at<float>(30, 30), 2.f);
    EXPECT_EQ(whole.map.at<float>(0, 0), 0.5f);
    EXPECT_EQ(whole.map.at<float>(79, 99), 0.5f);
    EXPECT_THROW(pp::place_region_result({cv::Mat(10, 10, CV_32FC1), 0.f}, rect, image, {}, 40), kensa::Error);

    // A polygon: a hot spot inside the bounds but outside the triangle is cut away and cannot score.
    const RegionOfInterest tri = triangle();
    pp::AnomalyResult tcrop{cv::Mat(40, 40, CV_32FC1, cv::Scalar(1.f)), 99.f};
    tcrop.map(cv::Rect(30, 30, 8, 8)).setTo(50.f);  // lower-right corner of the square: outside the triangle
    pp::AnomalyMapOptions options;                  // pool 16 model px of 224: ~3 source px of a 40 px side
    const auto cut = pp::place_region_result(tcrop, tri, image, options, 40);
    EXPECT_FLOAT_EQ(cut.score, 1.f);
    EXPECT_EQ(cut.map.at<float>(20 + 34, 10 + 34), 1.f);  // replaced by the lowest inside value
    tcrop.map(cv::Rect(2, 2, 8, 8)).setTo(50.f);        // inside the triangle: it scores
    EXPECT_GT(pp::place_region_result(tcrop, tri, image, options, 40).score, 40.f);
    options.score_pool = 0;  // the mean inside
    EXPECT_NEAR(pp::place_region_result(tcrop, tri, image, options, 40).score,
                1.f + 49.f * 64.f / cv::countNonZero(pp::region_mask(tri, image)), 1e-3);
}

TEST(Region, ThresholdValuesComeFromInsideOnly) {
    cv::Mat map(80, 100, CV_32FC1, cv::Scalar(-5.f));
    const RegionOfInterest rect = rectangle_region(10, 20, 40, 30, 100, 80);
    map(cv::Rect(10, 20, 40, 30)).setTo(3.f);
    const cv::Mat values = pp::values_inside(map, rect);
    ASSERT_EQ(values.cols, 40 * 30);
    double low = 0, high = 0;
    cv::minMaxLoc(values, &low, &high);
    EXPECT_EQ(low, 3.0);
    EXPECT_EQ(high, 3.0);
    EXPECT_EQ(pp::values_inside(map, RegionOfInterest{}).cols, 100 * 80);
}
