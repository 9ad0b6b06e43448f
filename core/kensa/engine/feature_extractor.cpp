#include <kensa/engine/feature_extractor.h>

#include <kensa/base/error.h>
#include <kensa/engine/backbone_catalog.h>
#include <kensa/nn/backbone_factory.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/runtime.h>

#include <cstring>

namespace kensa::engine {

struct FeatureExtractor::Impl {
    explicit Impl(const FeatureExtractorConfig& config);
    torch::Tensor extract_tensor(const std::vector<cv::Mat>& images, const ProgressCallback& progress);

    FeatureExtractorConfig config;
    std::unique_ptr<nn::Backbone> backbone;
    std::filesystem::path weights;
    int64_t grid = 0;
    int first_stage = 0;
};

FeatureExtractor::Impl::Impl(const FeatureExtractorConfig& cfg) : config(cfg) {
    if (config.image_size <= 0 || config.image_size % 32 != 0)
        throw Error("image size " + std::to_string(config.image_size) + " is not a positive multiple of 32");
    if (config.batch_size <= 0)
        throw Error("batch size must be positive");
    nn::configure_threads(config.threads);
    if (config.random_init) {
        backbone = nn::create_backbone(config.backbone);
    } else {
        weights = resolve_backbone_weights(config.backbone, config.weights);
        backbone = nn::load_backbone(config.backbone, weights);
    }
    grid = config.grid_size > 0 ? config.grid_size : nn::default_grid_size(config.image_size);
    first_stage = config.last_stage_only ? static_cast<int>(backbone->stages().size()) - 1 : 0;
}

torch::Tensor FeatureExtractor::Impl::extract_tensor(const std::vector<cv::Mat>& images,
                                                     const ProgressCallback& progress) {
    return nn::extract_feature_grids(*backbone, images, config.image_size, grid, config.batch_size, progress,
                                     first_stage);
}

FeatureExtractor::FeatureExtractor(const FeatureExtractorConfig& config)
    : m_impl(std::make_unique<Impl>(config)) {}
FeatureExtractor::~FeatureExtractor() = default;
FeatureExtractor::FeatureExtractor(FeatureExtractor&&) noexcept = default;
FeatureExtractor& FeatureExtractor::operator=(FeatureExtractor&&) noexcept = default;

const FeatureExtractorConfig& FeatureExtractor::config() const {
    return m_impl->config;
}
int64_t FeatureExtractor::channels() const {
    return nn::grid_channels(*m_impl->backbone, m_impl->first_stage);
}
int FeatureExtractor::first_stage() const {
    return m_impl->first_stage;
}
int64_t FeatureExtractor::grid_size() const {
    return m_impl->grid;
}
std::filesystem::path FeatureExtractor::weights_path() const {
    return m_impl->weights;
}

std::vector<StageInfo> FeatureExtractor::stages() const {
    std::vector<StageInfo> out;
    for (const auto& s : m_impl->backbone->stages())
        out.push_back({s.name, s.stride, s.channels});
    return out;
}

FeatureGrids FeatureExtractor::extract(const std::vector<cv::Mat>& images, const ProgressCallback& progress) {
    const auto t = m_impl->extract_tensor(images, progress).contiguous();
    FeatureGrids out{t.size(0), t.size(1), t.size(2), std::vector<float>(static_cast<size_t>(t.numel()))};
    std::memcpy(out.values.data(), t.data_ptr<float>(), out.values.size() * sizeof(float));
    return out;
}

}  // namespace kensa::engine
