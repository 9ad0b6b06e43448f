#pragma once
// Images in, ADTR feature grids out: a pretrained backbone behind a LibTorch-free interface.

#include <kensa/base/precision.h>
#include <kensa/base/progress.h>

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kensa::engine {

struct FeatureExtractorConfig {
    std::string backbone = "mobilenet_v2";
    std::filesystem::path weights;  // empty: the backbone's default file on the weights search path
    bool random_init = false;       // ablation only: skip pretrained weights
    bool last_stage_only = false;   // ablation only: the deepest stage alone, not the multi-scale stack
    int first_stage = 0;  // stages before this one are left out; negative counts from the end (-2: the last two)
    int image_size = 224;           // images are resized to image_size x image_size (a multiple of 16: 16, 32, 48 for tiny images)
    int grid_size = 0;              // 0: stride 16, at least 8 (14 for 224)
    int batch_size = 8;
    int threads = 0;  // 0: all cores
    // The backbone's arithmetic (nn::Backbone::set_precision): Float32, or BFloat16 / Auto for a method
    // that records what it was fitted with (PaDiM).
    Precision precision = Precision::Float32;
};

struct StageInfo {
    std::string name;
    int64_t stride = 0;
    int64_t channels = 0;
};

// Feature grids of a batch, row-major [count, channels, grid, grid].
struct FeatureGrids {
    int64_t count = 0;
    int64_t channels = 0;
    int64_t grid = 0;
    std::vector<float> values;
};

class FeatureExtractor {
public:
    // Throws kensa::Error when the backbone is unknown or its weights are missing or do not fit.
    explicit FeatureExtractor(const FeatureExtractorConfig& config);
    ~FeatureExtractor();
    FeatureExtractor(FeatureExtractor&&) noexcept;
    FeatureExtractor& operator=(FeatureExtractor&&) noexcept;

    const FeatureExtractorConfig& config() const;
    std::vector<StageInfo> stages() const;
    int64_t channels() const;
    int64_t grid_size() const;
    int first_stage() const;  // index of the first backbone stage in the grids
    std::filesystem::path weights_path() const;  // empty for random init

    // images: CV_32FC3 RGB in [0, 1], any size. Processes batch_size images at a time, reporting
    // progress ("features", done, total) after each batch; throws Cancelled when asked to stop.
    FeatureGrids extract(const std::vector<cv::Mat>& images, const ProgressCallback& progress = {});

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kensa::engine
