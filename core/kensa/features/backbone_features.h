#pragma once
// For methods (includes LibTorch; not for the app or the CLI): the loaded backbone with what turns
// its stages into ADTR feature grids — validated settings, grid size and first stage. FeatureExtractor
// wraps it for callers outside core; training uses it directly to keep the grids as tensors.

#include <kensa/base/progress.h>
#include <kensa/features/feature_extractor.h>
#include <kensa/nn/backbone.h>

#include <torch/torch.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace kensa::engine {

class BackboneFeatures {
public:
    // Sets the thread count, loads the backbone (or a random one) and derives the grid. Throws
    // kensa::Error for an image size that is not a positive multiple of 16, a non-positive batch size,
    // an unknown backbone or weights that are missing or do not fit.
    explicit BackboneFeatures(const FeatureExtractorConfig& config);

    // [images, channels, grid, grid] float, in batches of config.batch_size; reports ("features", done,
    // total) after each batch and throws Cancelled when asked to stop. channels: only these (ascending), as
    // nn::extract_feature_grids keeps them.
    torch::Tensor extract(const std::vector<cv::Mat>& images, const ProgressCallback& progress,
                          const torch::Tensor& channels = {}) const;

    const FeatureExtractorConfig& config() const { return m_config; }
    const nn::Backbone& backbone() const { return *m_backbone; }
    nn::Backbone& backbone() { return *m_backbone; }
    const std::filesystem::path& weights() const { return m_weights; }  // empty for random init
    int64_t grid() const { return m_grid; }
    int first_stage() const { return m_first_stage; }
    int64_t channels() const;

private:
    FeatureExtractorConfig m_config;
    std::unique_ptr<nn::Backbone> m_backbone;
    std::filesystem::path m_weights;
    int64_t m_grid = 0;
    int m_first_stage = 0;
};

}  // namespace kensa::engine
