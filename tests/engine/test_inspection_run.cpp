// Batch inspection: scores and reduced maps per image, per-image errors instead of failures, the
// evaluation computed once, verdict counts from core, cancel.
#include <kensa/base/error.h>
#include <kensa/data/image_io.h>
#include <kensa/engine/inspection_run.h>
#include <kensa/engine/inspector.h>

#include "temp_dir.h"
#include "tiny_model.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <cmath>

namespace kensa::engine {
namespace {
namespace fs = std::filesystem;
using postprocess::Truth;

// 10 epochs on 12 images: seconds, as ctest runs every test in its own process; still separates the
// obvious defects below.
const model::ModelBundle& model() {
    static const auto bundle = [] {
        auto config = test::tiny_config();
        config.adtr.epochs = 10;
        return train(test::normal_images(12, 64, 1), config).bundle;
    }();
    return bundle;
}

// 6 normal images (one 96 x 64, so maps keep their aspect), 6 with an obvious red square and its mask,
// one unlabelled, one unreadable file.
std::vector<InspectionItem> write_items(const fs::path& dir) {
    std::vector<InspectionItem> items;
    auto normals = test::normal_images(12, 64, 42);
    cv::resize(normals[0], normals[0], cv::Size(96, 64));
    for (int i = 0; i < 6; ++i) {
        const fs::path p = dir / ("good_" + std::to_string(i) + ".png");
        data::write_image(p, normals[size_t(i)]);
        items.push_back({p, Truth::Normal, {}, {}});
    }
    for (int i = 6; i < 12; ++i) {
        cv::Mat img = normals[size_t(i)].clone();
        const cv::Rect square(36, 8, 14, 14);
        cv::rectangle(img, square, cv::Scalar(1.0, 0.05, 0.0), cv::FILLED);
        cv::Mat mask(64, 64, CV_8UC1, cv::Scalar(0));
        mask(square).setTo(255);
        const fs::path p = dir / ("red_" + std::to_string(i) + ".png");
        data::write_image(p, img);
        data::write_image(dir / ("red_" + std::to_string(i) + "_mask.png"), mask);
        items.push_back({p, Truth::Defect, "red", dir / ("red_" + std::to_string(i) + "_mask.png")});
    }
    data::write_image(dir / "unknown.png", normals[0]);
    items.push_back({dir / "unknown.png", Truth::Unknown, {}, {}});
    test::write_text(dir / "broken.png", "not a png");
    items.push_back({dir / "broken.png", Truth::Normal, {}, {}});
    return items;
}

TEST(InspectionRun, ScoresEveryReadableImageAndEvaluatesOnce) {
    test::TempDir dir;
    const auto items = write_items(dir.path());
    Inspector inspector(model(), 1);
    InspectionRunConfig config;
    config.batch_size = 4;
    config.map_side = 32;
    std::vector<int64_t> done;
    const InspectionRun run = run_inspection(inspector, items, config, [&](const Progress& p) {
        if (p.stage == "inspecting")
            done.push_back(p.done);
        return true;
    });
    EXPECT_EQ(done, (std::vector<int64_t>{0, 4, 8, 12, 14}));
    ASSERT_EQ(run.images.size(), items.size());
    EXPECT_EQ(run.failed, 1);
    const InspectedImage& broken = run.images.back();
    EXPECT_TRUE(std::isnan(broken.score));
    EXPECT_NE(broken.error.find("broken.png"), std::string::npos) << broken.error;

    // Maps are reduced to the long side, keeping the aspect; masks follow the map's size.
    EXPECT_EQ(run.images[0].image_size, cv::Size(96, 64));
    EXPECT_EQ(run.images[0].map.size(), cv::Size(32, 21));
    EXPECT_EQ(run.images[6].map.size(), cv::Size(32, 32));
    EXPECT_EQ(run.images[6].mask.size(), cv::Size(32, 32));
    EXPECT_EQ(cv::countNonZero(run.images[6].mask), 7 * 7);
    EXPECT_TRUE(run.images[0].mask.empty());

    // The same score and (reduced) map as inspecting the image alone.
    const auto alone = inspector.inspect({*data::read_image(items[6].image)});
    EXPECT_EQ(run.images[6].score, alone.front().score);
    cv::Mat reduced;
    cv::resize(alone.front().map, reduced, cv::Size(32, 32), 0, 0, cv::INTER_AREA);
    EXPECT_LT(cv::norm(reduced, run.images[6].map, cv::NORM_INF), 1e-5);

    // Ranges cover every score and map value.
    for (const auto& img : run.images) {
        if (!img.error.empty())
            continue;
        EXPECT_GE(img.score, run.score_min);
        EXPECT_LE(img.score, run.score_max);
        double lo = 0, hi = 0;
        cv::minMaxLoc(img.map, &lo, &hi);
        EXPECT_GE(lo, run.map_min);
        EXPECT_LE(hi, run.map_max);
    }

    // Evaluation over the 12 labelled, readable images: the obvious defect separates.
    ASSERT_TRUE(run.evaluation.has_value()) << run.evaluation_error;
    EXPECT_EQ(run.evaluation->overall.good_images, 6);
    EXPECT_EQ(run.evaluation->overall.defect_images, 6);
    EXPECT_GT(run.evaluation->overall.image_auroc, 0.9);
    EXPECT_GT(run.evaluation->overall.pixel_auroc, 0.8);
    EXPECT_FALSE(run.evaluation->overall.pro.empty());

    // At the F1-optimal image threshold, core's counts see every defect flagged.
    std::vector<Truth> truths;
    for (const auto& item : items)
        truths.push_back(item.truth);
    const auto scores = run.scores();
    const float f1 = float(run.evaluation->overall.image_f1_threshold);
    const auto counts = postprocess::count_verdicts(scores, truths, f1);
    EXPECT_EQ(counts.ng + counts.ok, 13);
    EXPECT_EQ(postprocess::VerdictCounter(scores, truths).at(f1), counts);
}

TEST(InspectionRun, UnlabelledImagesAloneGiveNoEvaluation) {
    test::TempDir dir;
    auto items = write_items(dir.path());
    for (auto& item : items)
        item.truth = Truth::Unknown;
    Inspector inspector(model(), 1);
    const InspectionRun run = run_inspection(inspector, items);
    EXPECT_FALSE(run.evaluation.has_value());
    EXPECT_TRUE(run.evaluation_error.empty());
    EXPECT_EQ(run.failed, 1);
}

TEST(InspectionRun, UnreadableMaskIsAWarningNotAFailure) {
    test::TempDir dir;
    auto items = write_items(dir.path());
    items[6].mask = dir / "missing_mask.png";
    Inspector inspector(model(), 1);
    const InspectionRun run = run_inspection(inspector, std::span(items).first(7));
    EXPECT_TRUE(run.images[6].error.empty());
    EXPECT_NE(run.images[6].warning.find("missing_mask.png"), std::string::npos) << run.images[6].warning;
    EXPECT_TRUE(run.images[6].mask.empty());
    ASSERT_TRUE(run.evaluation.has_value());
    EXPECT_EQ(run.evaluation->overall.unannotated_defect_images, 1);
}

// One image can fail its whole batch (here: a model with a region of interest meets an image too small for
// it); the batch is then inspected image by image, so only that image fails, with the reason, and the others
// get the scores they get alone.
TEST(InspectionRun, AnImageThatFailsItsBatchFailsAlone) {
    test::TempDir dir;
    auto items = write_items(dir.path());
    items.resize(4);  // good_0 (96 x 64) .. good_3
    data::write_image(dir.path() / "small.png", test::normal_images(1, 12, 3)[0]);  // its region: 10 px
    items.insert(items.begin() + 2, {dir.path() / "small.png", Truth::Normal, {}, {}});
    auto bundle = model();
    bundle.region = model::rectangle_region(4, 4, 56, 56, 64, 64);
    Inspector inspector(bundle, 1);
    InspectionRunConfig config;
    config.batch_size = 8;  // all five in one batch
    const InspectionRun run = run_inspection(inspector, items, config);
    EXPECT_EQ(run.failed, 1);
    EXPECT_NE(run.images[2].error.find("small.png"), std::string::npos) << run.images[2].error;
    EXPECT_NE(run.images[2].error.find("region of interest"), std::string::npos) << run.images[2].error;
    for (const size_t i : {0, 1, 3, 4}) {
        ASSERT_TRUE(run.images[i].error.empty()) << run.images[i].error;
        const auto alone = inspector.inspect({*data::read_image(items[i].image)});
        EXPECT_EQ(run.images[i].score, alone[0].score) << i;
    }
}

TEST(InspectionRun, CancelStopsAfterTheCurrentBatch) {
    test::TempDir dir;
    const auto items = write_items(dir.path());
    Inspector inspector(model(), 1);
    InspectionRunConfig config;
    config.batch_size = 2;
    int reports = 0;
    EXPECT_THROW(run_inspection(inspector, items, config, [&](const Progress&) { return ++reports < 3; }),
                 Cancelled);
    EXPECT_EQ(reports, 3);
    config.batch_size = 0;
    EXPECT_THROW(run_inspection(inspector, items, config), Error);
}

}  // namespace
}  // namespace kensa::engine
