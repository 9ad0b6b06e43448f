// Models with a region of interest end to end: training sees only the region, so clutter outside it
// changes nothing — not the score, not the map inside, and it is never outlined —, while a defect inside is
// found; thresholds come from the region's pixels; the region survives the bundle and scales with the image.
#include <kensa/base/error.h>
#include <kensa/engine/inspector.h>
#include <kensa/engine/training.h>
#include <kensa/postprocess/region.h>

#include "tiny_model.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>

namespace {

const cv::Size kSize(128, 96);
const cv::Rect kRegion(16, 16, 64, 48);

kensa::engine::TrainingConfig region_config() {
    auto c = kensa::test::tiny_config();
    c.method = "patchcore";
    c.patchcore.coreset_ratio = 0.25;
    c.region = kensa::model::rectangle_region(kRegion.x, kRegion.y, kRegion.width, kRegion.height);
    return c;
}

const kensa::engine::TrainingResult& region_model() {
    static const auto result = kensa::engine::train(kensa::test::normal_images(10, kSize, 1), region_config());
    return result;
}

cv::Mat with_blob(const cv::Mat& image, cv::Point centre) {
    cv::Mat out = image.clone();
    cv::circle(out, centre, 6, cv::Scalar(0.95, 0.1, 0.05), cv::FILLED);
    return out;
}

}  // namespace

TEST(RegionEngine, RecordsTheRegionOnTheFirstImagesSize) {
    const auto& bundle = region_model().bundle;
    EXPECT_EQ(bundle.region.reference_width, kSize.width);
    EXPECT_EQ(bundle.region.reference_height, kSize.height);
    EXPECT_TRUE(bundle.region.is_rectangle());
    EXPECT_TRUE(std::isfinite(bundle.thresholds.image));
    EXPECT_TRUE(std::isfinite(bundle.thresholds.pixel));
}

TEST(RegionEngine, OutsideChangesNothingInsideIsFound) {
    kensa::engine::Inspector inspector(region_model().bundle);
    const cv::Mat clean = kensa::test::normal_images(1, kSize, 42)[0];
    const auto results = inspector.inspect({clean, with_blob(clean, {110, 80}), with_blob(clean, {48, 40})});
    const auto &plain = results[0], &outside = results[1], &inside = results[2];
    ASSERT_EQ(plain.map.size(), kSize);
    // Clutter outside: the region's crop is the same, so is everything the model says.
    EXPECT_EQ(outside.score, plain.score);
    EXPECT_EQ(cv::norm(outside.map, plain.map, cv::NORM_INF), 0.0);
    double lowest = 0;
    cv::minMaxLoc(plain.map(kRegion), &lowest);
    EXPECT_EQ(outside.map.at<float>(80, 110), static_cast<float>(lowest));  // the coolest value, never outlined
    // A defect inside: the score rises above every normal image's and the map peaks on it.
    float worst_normal = -1e30f;
    for (const auto& r : inspector.inspect(kensa::test::normal_images(4, kSize, 77)))
        worst_normal = std::max(worst_normal, r.score);
    EXPECT_GT(inside.score, worst_normal);
    cv::Point peak;
    cv::minMaxLoc(inside.map, nullptr, nullptr, nullptr, &peak);
    EXPECT_LT(cv::norm(peak - cv::Point(48, 40)), 14.0);
}

TEST(RegionEngine, ScalesWithTheImageAndRefusesImagesItCannotFit) {
    kensa::engine::Inspector inspector(region_model().bundle);
    cv::Mat twice;
    cv::resize(kensa::test::normal_images(1, kSize, 5)[0], twice, kSize * 2);
    const auto big = inspector.inspect({with_blob(twice, {220, 170})});  // outside the doubled region
    ASSERT_EQ(big[0].map.size(), kSize * 2);
    double lowest = 0;
    cv::minMaxLoc(big[0].map(cv::Rect(32, 32, 128, 96)), &lowest);
    EXPECT_EQ(big[0].map.at<float>(170, 220), static_cast<float>(lowest));
    EXPECT_THROW(inspector.inspect({cv::Mat(24, 32, CV_32FC3, cv::Scalar(0.5, 0.5, 0.5))}), kensa::Error);
}

TEST(RegionEngine, BundleRoundTripGivesIdenticalMaps) {
    const auto path = std::filesystem::temp_directory_path() / "kensa_region_model.kensa";
    kensa::model::save_bundle(path, region_model().bundle);
    auto loaded = kensa::engine::Inspector::load(path);
    EXPECT_EQ(loaded.bundle().region, region_model().bundle.region);
    kensa::engine::Inspector direct(region_model().bundle);
    const std::vector<cv::Mat> images{with_blob(kensa::test::normal_images(1, kSize, 6)[0], {40, 30})};
    const auto a = direct.inspect(images), b = loaded.inspect(images);
    EXPECT_EQ(a[0].score, b[0].score);
    EXPECT_EQ(cv::norm(a[0].map, b[0].map, cv::NORM_INF), 0.0);
    std::filesystem::remove(path);
}

TEST(RegionEngine, AMarkedDefectOutsideTheRegionIsLeftOutAndSaid) {
    kensa::engine::TrainingData data;
    data.normal = kensa::test::normal_images(8, kSize, 4);
    cv::Mat mask(kSize, CV_8UC1, cv::Scalar(0));
    mask(cv::Rect(100, 70, 10, 10)).setTo(255);  // outside kRegion
    data.defects.push_back({with_blob(data.normal[0], {105, 75}), mask, "blob", "test/blob/000.png"});
    const auto result = kensa::engine::train(data, region_config());
    const bool said = std::any_of(result.warnings.begin(), result.warnings.end(), [](const std::string& w) {
        return w.find("left out test/blob/000.png") != std::string::npos;
    });
    EXPECT_TRUE(said);
}

TEST(RegionEngine, PolygonCutsItsCornersAndTrainingNamesImagesItCannotFit) {
    auto c = region_config();
    c.region = {kSize.width, kSize.height, {{16, 16}, {112, 16}, {16, 80}}};  // the upper-left half
    const auto result = kensa::engine::train(kensa::test::normal_images(10, kSize, 2), c);
    kensa::engine::Inspector inspector(result.bundle);
    const cv::Mat clean = kensa::test::normal_images(1, kSize, 43)[0];
    const auto r = inspector.inspect({with_blob(clean, {100, 70})});  // in the bounding box, outside the triangle
    const cv::Mat inside = kensa::postprocess::region_mask(result.bundle.region, kSize);
    double lowest = 0;
    cv::minMaxLoc(r[0].map, &lowest, nullptr, nullptr, nullptr, inside);
    EXPECT_EQ(r[0].map.at<float>(70, 100), static_cast<float>(lowest));

    kensa::engine::TrainingData data;
    data.normal = kensa::test::normal_images(6, kSize, 3);
    data.normal.push_back(cv::Mat(24, 32, CV_32FC3, cv::Scalar(0.5, 0.5, 0.5)));
    data.normal_paths = {"a.png", "b.png", "c.png", "d.png", "e.png", "f.png", "tiny.png"};
    try {
        kensa::engine::train(data, region_config());
        FAIL() << "expected an error";
    } catch (const kensa::Error& e) {
        EXPECT_NE(std::string(e.what()).find("tiny.png"), std::string::npos) << e.what();
    }
}
