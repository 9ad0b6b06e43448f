// Tiled models end to end: a defect of a few pixels on an image eight times the model's input is found
// when the model trains and inspects tile by tile, and lost when the image is squeezed to the input; the
// tiling is recorded and survives the bundle; thresholds come from whole held-out images.
#include <kensa/data/image_io.h>
#include <kensa/engine/inspection_run.h>
#include <kensa/engine/inspector.h>
#include <kensa/engine/training.h>
#include <kensa/engine/training_tiles.h>

#include "../support/tiny_denoiser.h"
#include "tiny_model.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace {

constexpr int kWidth = 512, kHeight = 384;
const cv::Rect kDefect(300, 200, 4, 4);

// Large normal images: the tiny tests' textured background at 512 x 384.
std::vector<cv::Mat> large_images(int count, uint64_t seed) {
    return kensa::test::normal_images(count, cv::Size(kWidth, kHeight), seed);
}

cv::Mat with_small_defect(const cv::Mat& image) {
    cv::Mat out = image.clone();
    out(kDefect).setTo(cv::Scalar(0.9, 0.1, 0.1));
    return out;
}

kensa::engine::TrainingConfig patchcore_config() {
    auto c = kensa::test::tiny_config();  // 64 px input: the image is 8 x 6 inputs large
    c.method = "patchcore";
    c.patchcore.coreset_ratio = 0.25;
    return c;
}

const kensa::engine::TrainingResult& tiled_model() {
    static const auto result = [] {
        auto c = patchcore_config();
        c.tiling = {64, 8};
        c.max_training_tiles = 200;
        return kensa::engine::train(large_images(8, 1), c);
    }();
    return result;
}

// How far the defect stands out: its image score over the highest normal one, and whether the map's peak
// lies on it.
struct Finding {
    float score_margin = 0;
    bool peak_on_defect = false;
};
Finding finding(kensa::engine::Inspector& inspector) {
    const auto normals = large_images(4, 77);
    float worst_normal = -1e30f;
    for (const auto& r : inspector.inspect(normals))
        worst_normal = std::max(worst_normal, r.score);
    const auto defective = inspector.inspect({with_small_defect(normals[0])});
    cv::Point peak;
    cv::minMaxLoc(defective[0].map, nullptr, nullptr, nullptr, &peak);
    EXPECT_EQ(defective[0].map.size(), cv::Size(kWidth, kHeight));
    cv::Rect near_defect = kDefect;
    near_defect -= cv::Point(8, 8);
    near_defect += cv::Size(16, 16);
    return {defective[0].score - worst_normal, near_defect.contains(peak)};
}

}  // namespace

TEST(TiledEngine, FindsAFewPixelDefectThatTheSqueezedImageLoses) {
    kensa::engine::Inspector tiled(tiled_model().bundle);
    const auto found = finding(tiled);
    EXPECT_GT(found.score_margin, 0.f);
    EXPECT_TRUE(found.peak_on_defect);

    const auto whole = kensa::engine::train(large_images(8, 1), patchcore_config());
    kensa::engine::Inspector squeezed(whole.bundle);
    const auto lost = finding(squeezed);
    EXPECT_FALSE(lost.score_margin > 0.f && lost.peak_on_defect)
        << "the whole image at 64 px found the 4 px defect too: the test no longer shows what tiles are for";
}

TEST(TiledEngine, RecordsTheTilingAndTrainsOnTilesWithinTheLimit) {
    const auto& result = tiled_model();
    EXPECT_EQ(result.bundle.tiling, (kensa::model::Tiling{64, 8}));
    const auto record = nlohmann::json::parse(result.bundle.training_json);
    // 8 images, 4 held out (whole); 9 x 7 tiles of 64 px sharing at least 8 per image: 252, 200 used.
    EXPECT_EQ(result.train_images, 4);
    EXPECT_EQ(result.holdout_images, 4);
    EXPECT_EQ(record.at("tiling").at("tiles_available"), 4 * 63);
    EXPECT_EQ(record.at("tiling").at("training_tiles"), 200);
    ASSERT_FALSE(result.warnings.empty());
    EXPECT_NE(result.warnings.back().find("200 of the 252 tiles"), std::string::npos) << result.warnings.back();
    EXPECT_TRUE(std::isfinite(result.bundle.thresholds.image));
}

TEST(TiledEngine, BundleRoundTripGivesBitIdenticalMaps) {
    const auto path = std::filesystem::temp_directory_path() / "kensa_tiled_model.kensa";
    kensa::model::save_bundle(path, tiled_model().bundle);
    auto loaded = kensa::engine::Inspector::load(path);
    kensa::engine::Inspector direct(tiled_model().bundle);
    const auto images = std::vector<cv::Mat>{with_small_defect(large_images(1, 5)[0])};
    const auto a = direct.inspect(images), b = loaded.inspect(images);
    EXPECT_EQ(a[0].score, b[0].score);
    EXPECT_EQ(cv::norm(a[0].map, b[0].map, cv::NORM_INF), 0.0);
    std::filesystem::remove(path);
}

TEST(TiledEngine, ChoosesTheTileFromTheSmallestDefect) {
    auto c = patchcore_config();
    c.smallest_defect = 4;  // 4 px must span 8 px of the 64 px input: 64 px tiles
    c.max_training_tiles = 50;
    const auto result = kensa::engine::train(large_images(4, 3), c);
    EXPECT_EQ(result.bundle.tiling, (kensa::model::Tiling{64, 8}));
    EXPECT_EQ(nlohmann::json::parse(result.bundle.training_json).at("tiling").at("smallest_defect"), 4);

    c.smallest_defect = 200;  // the whole image is small enough: no tiling, and a warning says why
    const auto untiled = kensa::engine::train(large_images(4, 3), c);
    EXPECT_FALSE(untiled.bundle.tiling.enabled());
    ASSERT_FALSE(untiled.warnings.empty());
    EXPECT_NE(untiled.warnings.back().find("not tiled"), std::string::npos);
}

TEST(TiledEngine, DefectTilesAreTheTilesWithMarkedPixels) {
    kensa::engine::DefectSample defect{with_small_defect(large_images(1, 9)[0]), cv::Mat(kHeight, kWidth, CV_8UC1,
                                                                                         cv::Scalar(0)),
                                       "spot", "test/spot/000.png"};
    defect.mask(kDefect).setTo(255);
    const auto tiles = kensa::engine::defect_tiles({defect}, {64, 8});
    ASSERT_FALSE(tiles.empty());
    EXPECT_LE(tiles.size(), 4u);  // a 4 px defect lies in at most the 2 x 2 tiles around an overlap
    for (const auto& t : tiles) {
        EXPECT_EQ(t.image.size(), cv::Size(64, 64));
        EXPECT_EQ(t.mask.size(), cv::Size(64, 64));
        EXPECT_GT(cv::countNonZero(t.mask), 0);
        EXPECT_EQ(t.path, "test/spot/000.png");
        EXPECT_EQ(t.defect_type, "spot");
    }
}

TEST(TiledEngine, ABatchRunInspectsLargeImagesOneByOneWithTheSameScores) {
    const auto folder = std::filesystem::temp_directory_path() / "kensa_tiled_batch";
    std::filesystem::create_directories(folder);
    const auto images = std::vector<cv::Mat>{large_images(1, 21)[0], with_small_defect(large_images(1, 22)[0])};
    std::vector<kensa::engine::InspectionItem> items;
    for (size_t i = 0; i < images.size(); ++i) {
        const auto path = folder / (std::to_string(i) + ".png");
        cv::Mat bgr;
        images[i].convertTo(bgr, CV_8UC3, 255.0);
        cv::cvtColor(bgr, bgr, cv::COLOR_RGB2BGR);
        ASSERT_TRUE(cv::imwrite(path.string(), bgr));
        items.push_back({path});
    }
    kensa::engine::Inspector inspector(tiled_model().bundle);
    int reports = 0;
    const auto run = kensa::engine::run_inspection(inspector, items, {}, [&](const kensa::Progress&) {
        ++reports;
        return true;
    });
    ASSERT_EQ(run.failed, 0);
    EXPECT_GT(reports, 2 + 2 * 63 / 8);  // the tiles' batches report too (a cancel is seen within an image)
    for (size_t i = 0; i < items.size(); ++i) {
        const auto alone = inspector.inspect({kensa::data::read_image(items[i].image).take()});
        EXPECT_EQ(run.images[i].score, alone[0].score);
        EXPECT_EQ(run.images[i].image_size, cv::Size(kWidth, kHeight));
    }
    EXPECT_GT(run.images[1].score, run.images[0].score);
    std::filesystem::remove_all(folder);
}

// Every method trains on tiles and gives full-resolution maps that survive the bundle bit for bit.
class EveryMethodTiled : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryMethodTiled, TrainsOnTilesAndRoundTrips) {
    auto c = kensa::test::tiny_config();
    c.method = GetParam();
    c.adtr.epochs = 2;
    c.patchcore.coreset_ratio = 0.25;
    c.padim.channels = 40;
    c.spade.k_images = 3;
    kensa::test::use_tiny_denoiser(c.diffusion);
    c.diffusion.epochs = 2;
    c.tiling = {64, 8};
    std::vector<cv::Mat> images;
    for (auto& image : large_images(6, 31))
        images.push_back(image(cv::Rect(0, 0, 160, 112)).clone());  // 3 x 2 tiles each
    const auto result = kensa::engine::train(images, c);
    EXPECT_EQ(result.bundle.tiling, (kensa::model::Tiling{64, 8}));
    const auto path = std::filesystem::temp_directory_path() / ("kensa_tiled_" + GetParam() + ".kensa");
    kensa::model::save_bundle(path, result.bundle);
    kensa::engine::Inspector direct(result.bundle);
    auto loaded = kensa::engine::Inspector::load(path);
    std::filesystem::remove(path);
    const auto a = direct.inspect({images[0]}), b = loaded.inspect({images[0]});
    ASSERT_EQ(a[0].map.size(), cv::Size(160, 112));
    EXPECT_TRUE(std::isfinite(a[0].score));
    EXPECT_TRUE(cv::checkRange(a[0].map));
    EXPECT_EQ(a[0].score, b[0].score);
    EXPECT_EQ(cv::norm(a[0].map, b[0].map, cv::NORM_INF), 0.0);
}

INSTANTIATE_TEST_SUITE_P(Methods, EveryMethodTiled, ::testing::Values("adtr", "patchcore", "padim", "spade", "diffusion"));
