// Every method through the engine: trains on tiny data, separates an obvious defect, round-trips through
// the bundle with bit-identical maps, and a bundle whose method tensors or settings are damaged fails with
// a clear error.
#include <kensa/base/error.h>
#include <kensa/engine/inspector.h>
#include <kensa/engine/training.h>
#include <kensa/methods/registry.h>
#include <kensa/nn/runtime.h>

#include "../support/tiny_denoiser.h"
#include "tiny_model.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <string>

namespace {

using kensa::test::normal_images;

// The tiny config of the ADTR tests (random-init ResNet-18, 64 px), with small method settings.
kensa::engine::TrainingConfig config_for(const std::string& method) {
    auto c = kensa::test::tiny_config();
    c.method = method;
    c.adtr.epochs = 20;
    c.patchcore.coreset_ratio = 0.25;
    c.padim.channels = 40;
    c.spade.k_images = 5;
    kensa::test::use_tiny_denoiser(c.diffusion);
    c.diffusion.epochs = 150;
    if (method == "diffusion")
        c.features.threads = 1;  // its hundreds of small steps: 2 threads gain little and contend under ctest -j2
    return c;
}

const kensa::engine::TrainingResult& trained(const std::string& method) {
    static std::map<std::string, kensa::engine::TrainingResult> cache;
    auto it = cache.find(method);
    if (it == cache.end())
        it = cache.emplace(method, kensa::engine::train(normal_images(20, 64, 1), config_for(method))).first;
    return it->second;
}

std::vector<cv::Mat> with_red_square(std::vector<cv::Mat> images) {
    for (auto& img : images) {
        img = img.clone();
        cv::rectangle(img, cv::Rect(36, 8, 14, 14), cv::Scalar(1.0, 0.05, 0.0), cv::FILLED);
    }
    return images;
}

class EveryMethod : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(EveryMethod, SeparatesAnObviousDefectAndRecordsItself) {
    const auto& result = trained(GetParam());
    EXPECT_EQ(result.bundle.method, GetParam());
    EXPECT_EQ(nlohmann::json::parse(result.bundle.training_json).at("method"), GetParam());
    EXPECT_FALSE(std::isnan(result.bundle.thresholds.image));
    kensa::engine::Inspector inspector(result.bundle);
    const auto normals = normal_images(4, 64, 99);
    const auto normal = inspector.inspect(normals), defective = inspector.inspect(with_red_square(normals));
    float worst_normal = 0.f;
    for (const auto& r : normal)
        worst_normal = std::max(worst_normal, r.score);
    for (const auto& r : defective) {
        EXPECT_GT(r.score, worst_normal) << GetParam();
        cv::Point peak;
        cv::minMaxLoc(r.map, nullptr, nullptr, nullptr, &peak);
        EXPECT_TRUE(cv::Rect(28, 0, 30, 30).contains(peak)) << GetParam() << " peak at " << peak;
        EXPECT_EQ(r.map.size(), cv::Size(64, 64));
    }
}

TEST_P(EveryMethod, BundleRoundTripGivesBitIdenticalMaps) {
    const auto path = std::filesystem::temp_directory_path() / ("kensa_method_" + GetParam() + ".kensa");
    kensa::model::save_bundle(path, trained(GetParam()).bundle);
    kensa::engine::Inspector direct(trained(GetParam()).bundle);
    auto loaded = kensa::engine::Inspector::load(path);
    EXPECT_EQ(loaded.method().id(), GetParam());
    const auto images = with_red_square(normal_images(2, 80, 7));  // not the model size: maps at 80 x 80
    const auto a = direct.inspect(images), b = loaded.inspect(images);
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].score, b[i].score);
        EXPECT_EQ(cv::norm(a[i].map, b[i].map, cv::NORM_INF), 0.0);
    }
    std::filesystem::remove(path);
}

TEST_P(EveryMethod, DamagedBundlesFailCleanly) {
    // A method tensor missing (every method's own tensors are named "<method>.*" or "features.*").
    auto bundle = trained(GetParam()).bundle;
    std::erase_if(bundle.tensors.tensors, [&](const kensa::io::TensorRecord& r) {
        return r.name.starts_with(GetParam() + ".") || r.name.starts_with("features.");
    });
    EXPECT_THROW(kensa::engine::Inspector{bundle}, kensa::Error);
    // Settings that are not the method's.
    bundle = trained(GetParam()).bundle;
    bundle.settings_json = R"({"unrelated": true})";
    EXPECT_THROW(kensa::engine::Inspector{bundle}, kensa::Error);
    // Another method's tensors under this method's name.
    bundle = trained(GetParam()).bundle;
    bundle.method = GetParam() == "padim" ? "spade" : "padim";
    EXPECT_THROW(kensa::engine::Inspector{bundle}, kensa::Error);
    bundle.method = "nonesuch";
    EXPECT_THROW(kensa::engine::Inspector{bundle}, kensa::Error);
}

// Issue 21: two normal images (one held out, one to train on) once gave a model with NaN thresholds that
// flagged nothing. Three are the fewest every method trains on, with finite thresholds and statistics;
// two are refused before training, with the number needed.
TEST_P(EveryMethod, TheFewestNormalImagesGiveFiniteThresholdsAndFewerAreRefused) {
    auto config = config_for(GetParam());
    config.adtr.epochs = 1;
    config.diffusion.epochs = 1;
    const auto result = kensa::engine::train(normal_images(3, 64, 5), config);
    EXPECT_EQ(result.train_images, 2);
    EXPECT_EQ(result.holdout_images, 1);
    EXPECT_TRUE(std::isfinite(result.bundle.thresholds.image)) << result.bundle.thresholds.image;
    EXPECT_TRUE(std::isfinite(result.bundle.thresholds.pixel)) << result.bundle.thresholds.pixel;
    for (const auto& r : result.bundle.tensors.tensors) {
        if (!r.name.starts_with("score."))
            continue;
        const auto* v = reinterpret_cast<const float*>(r.data.data());
        EXPECT_TRUE(std::all_of(v, v + r.numel(), [](float x) { return std::isfinite(x); })) << r.name;
    }
    try {
        kensa::engine::train(normal_images(2, 64, 5), config);
        ADD_FAILURE() << GetParam() << " trained on 2 normal images";
    } catch (const kensa::Error& e) {
        EXPECT_NE(std::string(e.what()).find("at least 2 normal images besides the 1 held out"),
                  std::string::npos)
            << e.what();
    }
}

// The last word: whatever a method computes, a model whose statistics are not finite is not returned.
// Images with invalid (NaN) pixels are what an API caller could hand in; they give NaN features.
TEST(TrainingGuard, StatisticsThatAreNotFiniteGiveNoModel) {
    for (const size_t invalid : {0, 1}) {  // of 6 images, 1, 3 and 5 are held out for thresholds
        auto images = normal_images(6, 64, 5);
        images[invalid].setTo(cv::Scalar::all(std::numeric_limits<float>::quiet_NaN()));
        try {
            kensa::engine::train(images, config_for("padim"));
            ADD_FAILURE() << "a model was trained with NaN pixels in image " << invalid;
        } catch (const kensa::Error& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("not finite numbers"), std::string::npos) << message;
            EXPECT_NE(message.find("no model was written"), std::string::npos) << message;
        }
    }
}

// Copies of one image teach no normal variation: the model is written (it is what the user asked for), but
// training says why it will flag any image that differs at all. Varied images say nothing of the kind.
TEST(TrainingGuard, NormalImagesThatDoNotVaryAreNamed) {
    const cv::Mat one = normal_images(1, 64, 5)[0];
    const std::vector<cv::Mat> copies(6, one);
    const auto result = kensa::engine::train(copies, config_for("patchcore"));
    ASSERT_FALSE(result.warnings.empty());
    EXPECT_NE(result.warnings.back().find("do not vary"), std::string::npos) << result.warnings.back();
    const auto varied = kensa::engine::train(normal_images(6, 64, 5), config_for("patchcore"));
    for (const auto& w : varied.warnings)
        EXPECT_EQ(w.find("do not vary"), std::string::npos) << w;
}

TEST(PadimBundle, ChannelsOutOfOrderFailCleanly) {
    // The detector cuts each backbone stage to the model's channels before resizing, which needs them in
    // ascending order, as fit writes them.
    auto bundle = trained("padim").bundle;
    bool found = false;
    for (auto& r : bundle.tensors.tensors)
        if (r.name == "padim.channels") {
            auto* v = reinterpret_cast<int64_t*>(r.data.data());
            std::reverse(v, v + r.data.size() / sizeof(int64_t));
            found = true;
        }
    ASSERT_TRUE(found);
    EXPECT_THROW(kensa::engine::Inspector{bundle}, kensa::Error);
}

TEST(PadimBundle, RecordsTheBackbonePrecisionItWasFittedWith) {
    // The default is fp32, recorded; a model without the field (before it existed) loads as fp32; bf16 is
    // recorded as such and inspects (in bf16 where the CPU has it, else in fp32); anything else is refused.
    EXPECT_EQ(nlohmann::json::parse(trained("padim").bundle.settings_json).at("backbone_precision"), "fp32");
    auto config = config_for("padim");
    config.padim.precision = kensa::Precision::BFloat16;
    if (kensa::nn::cpu_runs_bf16_convolutions()) {
        const auto bf16 = kensa::engine::train(normal_images(6, 64, 5), config);
        EXPECT_EQ(nlohmann::json::parse(bf16.bundle.settings_json).at("backbone_precision"), "bf16");
    } else {
        EXPECT_THROW(kensa::engine::train(normal_images(6, 64, 5), config), kensa::Error);  // says why
    }
    // A bf16 model inspects on any CPU (in fp32 where bf16 is not native).
    auto bundle = trained("padim").bundle;
    auto settings = nlohmann::json::parse(bundle.settings_json);
    settings["backbone_precision"] = "bf16";
    bundle.settings_json = settings.dump();
    kensa::engine::Inspector inspector(bundle);
    EXPECT_EQ(inspector.inspect(with_red_square(normal_images(1, 64, 9))).size(), 1u);
    settings.erase("backbone_precision");
    bundle.settings_json = settings.dump();
    EXPECT_NO_THROW(kensa::engine::Inspector{bundle});
    settings["backbone_precision"] = "fp8";
    bundle.settings_json = settings.dump();
    EXPECT_THROW(kensa::engine::Inspector{bundle}, kensa::Error);
}

TEST(DiffusionTraining, CancelStopsWithinAStepAndRecordsTheDenoiser) {
    auto config = config_for("diffusion");
    int reports = 0;
    const auto stop_at_third_step = [&](const kensa::Progress& p) { return p.stage != "training" || ++reports < 3; };
    EXPECT_THROW(kensa::engine::train(normal_images(8, 64, 3), config, stop_at_third_step), kensa::Cancelled);
    EXPECT_EQ(reports, 3);
    // What a finished model records of itself.
    const auto settings = nlohmann::json::parse(trained("diffusion").bundle.settings_json);
    EXPECT_EQ(settings.at("resolution"), 32);
    EXPECT_EQ(settings.at("start_step"), config.diffusion.start_step);
    // Term statistics for the trained start step first, then for the others a model can inspect from.
    ASSERT_EQ(config.diffusion.start_step, 50);
    ASSERT_EQ(settings.at("statistics").size(), 5u);  // 50, then 100, 200, 300, 400
    EXPECT_EQ(settings.at("statistics")[0].at("start_step"), 50);
    for (const auto& s : settings.at("statistics"))
        EXPECT_GT(s.at("kl_std").get<double>(), 0.0);
    // Another calibrated start step inspects; one without statistics is refused.
    auto bundle = trained("diffusion").bundle;
    auto changed = settings;
    changed["start_step"] = 200;
    changed["alpha"] = 0.5;  // the paper's ensemble: the feature term is computed too
    bundle.settings_json = changed.dump();
    kensa::engine::Inspector from_200(bundle);
    const auto inspected = from_200.inspect({normal_images(1, 64, 9)[0], with_red_square(normal_images(1, 64, 9))[0]});
    ASSERT_EQ(inspected.size(), 2u);
    EXPECT_GT(inspected[1].score, inspected[0].score);
    changed["start_step"] = 150;
    bundle.settings_json = changed.dump();
    EXPECT_THROW(kensa::engine::Inspector{bundle}, kensa::Error);
    const auto record = nlohmann::json::parse(trained("diffusion").bundle.training_json);
    EXPECT_GT(record.at("parameters").get<int64_t>(), 10000);
    EXPECT_EQ(record.at("denoising_steps"), 2);  // of 0, 42, 83, ...: those up to 50
}

INSTANTIATE_TEST_SUITE_P(Methods, EveryMethod, ::testing::ValuesIn(kensa::engine::method_ids()),
                         [](const auto& info) { return info.param; });
