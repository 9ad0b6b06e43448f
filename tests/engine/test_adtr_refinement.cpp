// Refining a trained ADTR model (AdtrOptions::start_from): training starts from its transformer and feature
// standardisation, records where it started, keeps what that model learned from out of evaluation, and
// refuses a model that does not fit the settings, naming what differs, before any feature is extracted.
#include <kensa/base/error.h>
#include <kensa/engine/training.h>
#include <kensa/model/model_bundle.h>
#include <kensa/nn/tensor_dict.h>

#include "tiny_model.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;

namespace {

class AdtrRefinement : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("kensa_refine_" + std::to_string(::getpid()));
        fs::create_directories(m_dir);
        m_data.normal = kensa::test::normal_images(10, 64, 5);
        for (int i = 0; i < 10; ++i)
            m_data.normal_paths.push_back("train/good/" + std::to_string(i) + ".png");
        m_config = kensa::test::tiny_config();
        m_config.adtr.epochs = 15;
        m_config.adtr.memory_weight = 0;  // the transformer alone: what refinement carries over
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // A trained model saved to <dir>/name.
    fs::path saved(const std::string& name, const kensa::engine::TrainingConfig& config) {
        const auto path = m_dir / name;
        kensa::model::save_bundle(path, kensa::engine::train(m_data, config).bundle);
        return path;
    }
    std::string refusal(const kensa::engine::TrainingConfig& config) {
        try {
            kensa::engine::train(m_data, config);
        } catch (const kensa::Error& e) {
            return e.what();
        }
        return "trained";
    }

    fs::path m_dir;
    kensa::engine::TrainingData m_data;
    kensa::engine::TrainingConfig m_config;
};

}  // namespace

TEST_F(AdtrRefinement, StartsFromTheModelAndRecordsIt) {
    const auto start = saved("start.kensa", m_config);
    const auto started = kensa::model::load_bundle(start);
    const auto start_tensors = kensa::nn::to_tensor_dict(started.tensors);

    auto refine = m_config;
    refine.adtr.epochs = 1;
    refine.adtr.start_from = start;
    m_data.normal_paths.back() = "train/good/new.png";  // the refinement sees one image the start did not
    const auto refined = kensa::engine::train(m_data, refine);
    auto fresh = m_config;
    fresh.adtr.epochs = 1;
    const auto scratch = kensa::engine::train(m_data, fresh);
    // One epoch from the trained weights goes on where the start ended, far below one from random weights.
    const double start_loss = nlohmann::json::parse(started.training_json)["epoch_losses"].back().get<double>();
    ASSERT_EQ(refined.epoch_losses.size(), 1u);
    std::cout << "first epoch loss: refined " << refined.epoch_losses[0] << ", from scratch "
              << scratch.epoch_losses[0] << "; the start's last " << start_loss << "\n";
    EXPECT_LT(refined.epoch_losses[0], 1.1 * start_loss) << refined.epoch_losses[0] << " vs " << start_loss;
    EXPECT_LT(refined.epoch_losses[0], 0.7 * scratch.epoch_losses[0])
        << refined.epoch_losses[0] << " vs " << scratch.epoch_losses[0];

    // The standardisation the transformer learned with is kept, not refitted.
    const auto tensors = kensa::nn::to_tensor_dict(refined.bundle.tensors);
    EXPECT_TRUE(torch::equal(tensors.at("features.mean"), start_tensors.at("features.mean")));
    EXPECT_TRUE(torch::equal(tensors.at("features.std"), start_tensors.at("features.std")));

    const auto record = nlohmann::json::parse(refined.bundle.training_json);
    ASSERT_TRUE(record.contains("refined_from")) << record.dump();
    EXPECT_EQ(record["refined_from"]["model"], start.string());
    EXPECT_EQ(record["refined_from"]["checksum"], kensa::model::tensor_checksum(started.tensors));
    // What the start learned from (train/good/9.png among it) stays out of evaluation, with the new image.
    const auto excluded = kensa::engine::evaluation_exclusions(refined.bundle.training_json);
    for (const char* name : {"train/good/9.png", "train/good/new.png", "train/good/0.png"})
        EXPECT_NE(std::find(excluded.begin(), excluded.end(), name), excluded.end()) << name;
}

TEST_F(AdtrRefinement, AModelThatDoesNotFitIsRefusedNamingWhatDiffers) {
    auto quick = m_config;
    quick.adtr.epochs = 1;
    const auto start = saved("start.kensa", quick);

    auto other = quick;
    other.adtr.start_from = start;
    other.features.image_size = 96;
    auto message = refusal(other);
    EXPECT_NE(message.find("start.kensa: cannot be refined with these settings: its input size is 64, these "
                           "settings ask for 96"),
              std::string::npos)
        << message;

    other = quick;
    other.adtr.start_from = start;
    other.adtr.model.hidden_dim *= 2;
    message = refusal(other);
    EXPECT_NE(message.find("its transformer width is"), std::string::npos) << message;

    other = quick;
    other.adtr.start_from = start;
    other.features.backbone = "mobilenet_v2";
    message = refusal(other);
    EXPECT_NE(message.find("its backbone is resnet18, these settings ask for mobilenet_v2"), std::string::npos)
        << message;

    auto padim = quick;
    padim.method = "padim";
    const auto padim_model = saved("padim.kensa", padim);
    other = quick;
    other.adtr.start_from = padim_model;
    message = refusal(other);
    EXPECT_NE(message.find("padim.kensa: a padim model; only ADTR models can be refined"), std::string::npos)
        << message;

    other = quick;
    other.adtr.start_from = m_dir / "missing.kensa";
    message = refusal(other);
    EXPECT_NE(message.find("missing.kensa"), std::string::npos) << message;
}
