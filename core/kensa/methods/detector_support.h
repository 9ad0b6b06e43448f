#pragma once
// What the methods do alike (method-internal; includes LibTorch): the start of a one-pass fit, the grids of
// a batch as GridScores, and loading that words a malformed settings object as the method's error.

#include <kensa/base/error.h>
#include <kensa/methods/method.h>
#include <kensa/nn/runtime.h>

#include <nlohmann/json.hpp>
#include <torch/torch.h>

#include <memory>
#include <string>
#include <vector>

namespace kensa::engine {

// The start of a one-pass method's fit (PatchCore, PaDiM, SPADE): threads, the seed, and the features on a
// grid of `stride` input pixels (the last-stage-only ablation is ADTR's and stays off).
inline FeatureExtractorConfig one_pass_features(const TrainingConfig& config, int stride) {
    nn::configure_threads(config.features.threads);
    torch::manual_seed(config.seed);
    auto features = config.features;
    features.grid_size = config.features.image_size / stride;
    features.last_stage_only = false;
    return features;
}

// grids [N, g, g] -> one CV_32FC1 Mat per image (copies).
inline std::vector<cv::Mat> to_mats(const torch::Tensor& grids) {
    const auto g = grids.to(torch::kFloat).contiguous();
    std::vector<cv::Mat> out;
    for (int64_t i = 0; i < g.size(0); ++i)
        out.push_back(
            cv::Mat(static_cast<int>(g.size(1)), static_cast<int>(g.size(2)), CV_32FC1, g[i].data_ptr<float>()).clone());
    return out;
}

// grids [N, g, g] float (and scores [N], or undefined for the pooled-map score) -> one GridScore per image.
inline std::vector<GridScore> to_grid_scores(const torch::Tensor& grids, const torch::Tensor& scores = {}) {
    std::vector<GridScore> out;
    for (auto& map : to_mats(grids)) {
        GridScore s{std::move(map), {}};
        if (scores.defined())
            s.score = scores[static_cast<int64_t>(out.size())].item<float>();
        out.push_back(std::move(s));
    }
    return out;
}

// A square grid's size for Detector::grid_size().
inline cv::Size square(int64_t grid) {
    return {static_cast<int>(grid), static_cast<int>(grid)};
}

// std::make_unique<D>(bundle, threads), with a settings object that lacks a field reported as
// "<name> settings are malformed (...)".
template <typename D>
std::unique_ptr<Detector> load_detector(const char* name, const model::ModelBundle& bundle, int threads) {
    try {
        return std::make_unique<D>(bundle, threads);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string(name) + " settings are malformed (" + e.what() + ")");
    }
}

}  // namespace kensa::engine
