#include <kensa/base/error.h>
#include <kensa/engine/training.h>
#include <kensa/engine/inspector.h>
#include <kensa/engine/position_choice.h>

#include <nlohmann/json.hpp>

#include "tiny_model.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>

namespace {

using kensa::test::normal_images;
using kensa::test::tiny_config;

const kensa::engine::TrainingResult& trained_once() {
    static const auto result = kensa::engine::train(normal_images(24, 64, 1), tiny_config());
    return result;
}

}  // namespace

TEST(AdtrEngine, SeparatesAnObviousDefectAndPointsAtIt) {
    const auto& result = trained_once();
    ASSERT_EQ(result.epoch_losses.size(), 60u);
    EXPECT_LT(result.epoch_losses.back(), 0.5 * result.epoch_losses.front());
    EXPECT_EQ(result.holdout_images, 4);
    EXPECT_FALSE(std::isnan(result.bundle.thresholds.image));

    kensa::engine::Inspector inspector(result.bundle);
    auto normals = normal_images(6, 64, 99);
    auto defective = normals;
    for (auto& img : defective) {
        img = img.clone();
        cv::rectangle(img, cv::Rect(36, 8, 14, 14), cv::Scalar(1.0, 0.05, 0.0), cv::FILLED);
    }
    const auto normal_results = inspector.inspect(normals);
    const auto defect_results = inspector.inspect(defective);
    float worst_normal = 0.f;
    for (const auto& r : normal_results)
        worst_normal = std::max(worst_normal, r.score);
    for (const auto& r : defect_results) {
        EXPECT_GT(r.score, worst_normal);
        cv::Point peak;
        cv::minMaxLoc(r.map, nullptr, nullptr, nullptr, &peak);
        EXPECT_TRUE(cv::Rect(28, 0, 30, 30).contains(peak)) << peak;
        EXPECT_EQ(r.map.size(), cv::Size(64, 64));
    }
}

TEST(AdtrEngine, BundleRoundTripGivesBitIdenticalMaps) {
    const auto path = std::filesystem::temp_directory_path() / "kensa_engine_roundtrip.kensa";
    kensa::model::save_bundle(path, trained_once().bundle);
    kensa::engine::Inspector direct(trained_once().bundle);
    auto loaded = kensa::engine::Inspector::load(path);
    const auto images = normal_images(3, 80, 7);  // not the model size: maps come back at 80 x 80
    const auto a = direct.inspect(images), b = loaded.inspect(images);
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].score, b[i].score);
        EXPECT_EQ(cv::norm(a[i].map, b[i].map, cv::NORM_INF), 0.0);
        EXPECT_EQ(a[i].map.size(), cv::Size(80, 80));
    }
    std::filesystem::remove(path);
}

TEST(AdtrEngine, SameSeedSameModel) {
    auto c = tiny_config();
    c.adtr.epochs = 3;
    const auto images = normal_images(12, 64, 3);
    const auto a = kensa::engine::train(images, c), b = kensa::engine::train(images, c);
    EXPECT_EQ(a.epoch_losses, b.epoch_losses);
    EXPECT_EQ(kensa::model::tensor_checksum(a.bundle.tensors),
              kensa::model::tensor_checksum(b.bundle.tensors));
}

TEST(AdtrEngine, CancelStopsWithinASecond) {
    auto c = tiny_config();
    c.adtr.epochs = 1000;
    using Clock = std::chrono::steady_clock;
    Clock::time_point asked{};
    int steps = 0;
    const auto images = normal_images(12, 64, 4);
    EXPECT_THROW(kensa::engine::train(images, c,
                                           [&](const kensa::Progress& p) {
                                               if (p.stage == "training" && ++steps == 5) {
                                                   asked = Clock::now();
                                                   return false;
                                               }
                                               return true;
                                           }),
                 kensa::Cancelled);
    ASSERT_EQ(steps, 5);
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - asked).count(), 1.0);
}

TEST(AdtrEngine, BadInputIsAClearError) {
    auto c = tiny_config();
    EXPECT_THROW(kensa::engine::train(normal_images(1, 64, 5), c), kensa::Error);
    // Two images: one is held out for the thresholds, and one is too few to learn from - said before training.
    EXPECT_THROW(kensa::engine::train(normal_images(2, 64, 5), c), kensa::Error);
    c.features.image_size = 70;
    EXPECT_THROW(kensa::engine::train(normal_images(8, 64, 5), c), kensa::Error);
    c = tiny_config();
    c.features.backbone = "nonesuch";
    EXPECT_THROW(kensa::engine::train(normal_images(8, 64, 5), c), kensa::Error);
}

TEST(AdtrEngine, PositionScoringIsChosenOnHeldOutImagesAndRecorded) {
    const auto& bundle = trained_once().bundle;  // the default: chosen
    const auto record = nlohmann::json::parse(bundle.training_json);
    ASSERT_TRUE(record.contains("position_choice")) << record.dump();
    const auto& choice = record["position_choice"];
    EXPECT_EQ(choice["synthetic_images"], kensa::engine::kChoiceCopiesPerImage * trained_once().holdout_images);
    auto merit = [](const nlohmann::json& m) { return m["pixel_auroc"].get<double>() + m["aupro"].get<double>(); };
    const bool normalised = record["positions"] == "normalised";
    EXPECT_EQ(normalised, merit(choice["normalised"]) + kensa::engine::kRawScoreMargin >= merit(choice["raw"]))
        << choice.dump();
    EXPECT_EQ(normalised, !kensa::engine::position_statistics(bundle).empty());
    // Both scorings rank the synthetic defects above chance (0.5), even with this tiny random-init model
    // (0.66 and 0.64 here).
    EXPECT_GT(choice["normalised"]["pixel_auroc"].get<double>(), 0.6) << choice.dump();
    EXPECT_GT(choice["raw"]["pixel_auroc"].get<double>(), 0.6) << choice.dump();

    // Asked for one scoring, the engine takes it as it is.
    auto c = tiny_config();
    c.adtr.epochs = 4;
    const auto images = normal_images(16, 64, 2);
    for (auto asked : {kensa::postprocess::PositionScoring::Normalised, kensa::postprocess::PositionScoring::Raw}) {
        c.adtr.positions = asked;
        const auto result = kensa::engine::train(images, c);
        const auto r = nlohmann::json::parse(result.bundle.training_json);
        EXPECT_FALSE(r.contains("position_choice"));
        EXPECT_EQ(!kensa::engine::position_statistics(result.bundle).empty(),
                  asked == kensa::postprocess::PositionScoring::Normalised);
    }
}

TEST(AdtrEngine, MemoryTermIsInTheBundleUnlessItsWeightIsZero) {
    EXPECT_EQ(trained_once().bundle.tensors.find("memory.bank") != nullptr, true);
    const auto settings = nlohmann::json::parse(trained_once().bundle.settings_json);
    EXPECT_EQ(settings["memory"]["weight"], tiny_config().adtr.memory_weight);

    auto c = tiny_config();
    c.adtr.epochs = 4;
    c.adtr.memory_weight = 0;
    const auto result = kensa::engine::train(normal_images(16, 64, 2), c);
    EXPECT_EQ(result.bundle.tensors.find("memory.bank") != nullptr, false);
    EXPECT_FALSE(nlohmann::json::parse(result.bundle.settings_json).contains("memory"));
    c.adtr.memory_weight = -1;
    EXPECT_THROW(kensa::engine::train(normal_images(16, 64, 2), c), kensa::Error);
}

TEST(AdtrEngine, AMemoryOnAFinerGridScoresOnItAndRoundTrips) {
    auto c = tiny_config();
    c.adtr.epochs = 20;
    c.adtr.memory_stride = 4;  // 16 x 16 for 64 px; the transformer's grid is 8 x 8
    const auto result = kensa::engine::train(normal_images(24, 64, 1), c);
    const auto settings = nlohmann::json::parse(result.bundle.settings_json);
    const auto& source = settings["memory"]["source"];
    EXPECT_EQ(source["grid"], 16);
    EXPECT_EQ(source["first_stage"], 1);  // ResNet-18's last two stages: 128 + 256 channels
    EXPECT_EQ(source["neighbourhood"], 3);
    const auto* bank = result.bundle.tensors.find("memory.bank");
    ASSERT_NE(bank, nullptr);
    // A 10 % coreset of the 20 training images' 256 patches each (4 are held out).
    EXPECT_EQ(bank->shape, (std::vector<int64_t>{512, 384}));
    EXPECT_EQ(nlohmann::json::parse(result.bundle.training_json)["memory_stride"], 4);

    kensa::engine::Inspector direct(result.bundle);
    const auto path = std::filesystem::temp_directory_path() / "kensa_fine_memory.kensa";
    kensa::model::save_bundle(path, result.bundle);
    auto loaded = kensa::engine::Inspector::load(path);
    std::filesystem::remove(path);
    auto images = normal_images(4, 64, 99);
    for (size_t i = 2; i < images.size(); ++i) {
        images[i] = images[i].clone();
        cv::rectangle(images[i], cv::Rect(36, 8, 14, 14), cv::Scalar(1.0, 0.05, 0.0), cv::FILLED);
    }
    const auto a = direct.inspect(images), b = loaded.inspect(images);
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].score, b[i].score);
        EXPECT_EQ(cv::norm(a[i].map, b[i].map, cv::NORM_INF), 0.0);
    }
    EXPECT_GT(std::min(a[2].score, a[3].score), std::max(a[0].score, a[1].score));
    cv::Point peak;
    cv::minMaxLoc(a[2].map, nullptr, nullptr, nullptr, &peak);
    EXPECT_TRUE(cv::Rect(28, 0, 30, 30).contains(peak)) << peak;

    // Stride 8 at 64 px is the transformer's own 8 x 8 grid: the memory stays on it.
    c.adtr.memory_stride = 8;
    c.adtr.epochs = 2;
    const auto same_grid = kensa::engine::train(normal_images(8, 64, 2), c);
    EXPECT_FALSE(nlohmann::json::parse(same_grid.bundle.settings_json)["memory"].contains("source"));
    c.adtr.memory_stride = 2;
    EXPECT_THROW(kensa::engine::train(normal_images(8, 64, 2), c), kensa::Error);
}

TEST(AdtrEngine, PositionChoiceKeepsNormalisationUnlessRawScoresAreClearlyBetter) {
    auto bundle = trained_once().bundle;
    auto& records = bundle.tensors.tensors;
    std::erase_if(records, [](const auto& t) { return t.name.rfind("score.", 0) == 0; });
    const int side = nlohmann::json::parse(bundle.settings_json)["grid"];
    const cv::Size grid(side, side);
    const auto holdout = normal_images(4, 64, 11);
    const auto config = tiny_config();

    // Statistics that change nothing: a tie, and normalisation is kept.
    kensa::postprocess::PositionStatistics identity{cv::Mat::zeros(grid, CV_32FC1), cv::Mat::ones(grid, CV_32FC1)};
    const auto tie = kensa::engine::choose_position_scoring(bundle, identity, holdout, config);
    EXPECT_TRUE(tie.normalise);
    EXPECT_EQ(tie.synthetic_images, 4 * kensa::engine::kChoiceCopiesPerImage);
    EXPECT_EQ(tie.normalised.aupro, tie.raw.aupro);

    // Statistics that silence the left half of every image: defects there are missed, raw scores win.
    kensa::postprocess::PositionStatistics blind{cv::Mat::zeros(grid, CV_32FC1), cv::Mat::ones(grid, CV_32FC1)};
    blind.stddev(cv::Rect(0, 0, grid.width / 2, grid.height)) = 1e4f;
    const auto bad = kensa::engine::choose_position_scoring(bundle, blind, holdout, config);
    EXPECT_FALSE(bad.normalise) << bad.normalised.aupro << " " << bad.raw.aupro;
    EXPECT_GT(bad.raw.pixel_auroc + bad.raw.aupro,
              bad.normalised.pixel_auroc + bad.normalised.aupro + kensa::engine::kRawScoreMargin);
    EXPECT_THROW(kensa::engine::choose_position_scoring(bundle, identity, {}, config), kensa::Error);
}
