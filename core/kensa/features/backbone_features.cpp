#include <kensa/features/backbone_features.h>

#include <kensa/base/error.h>
#include <kensa/features/backbone_catalog.h>
#include <kensa/nn/backbone_factory.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/runtime.h>

namespace kensa::engine {

BackboneFeatures::BackboneFeatures(const FeatureExtractorConfig& config) : m_config(config) {
    if (config.image_size <= 0 || config.image_size % 16 != 0)
        throw Error("image size " + std::to_string(config.image_size) + " is not a positive multiple of 16");
    if (config.batch_size <= 0)
        throw Error("batch size must be positive");
    nn::configure_threads(config.threads);
    if (config.random_init) {
        m_backbone = nn::create_backbone(config.backbone);
    } else {
        m_weights = resolve_backbone_weights(config.backbone, config.weights);
        m_backbone = nn::load_backbone(config.backbone, m_weights);
    }
    m_backbone->set_precision(config.precision);
    m_grid = config.grid_size > 0 ? config.grid_size : nn::default_grid_size(config.image_size);
    // Ablation: the deepest stage alone instead of the multi-scale stack.
    const int stages = static_cast<int>(m_backbone->stages().size());
    m_first_stage = config.last_stage_only ? stages - 1
                    : config.first_stage < 0 ? stages + config.first_stage
                                             : config.first_stage;
    (void)nn::grid_channels(*m_backbone, m_first_stage);  // throws for a stage out of range
}

torch::Tensor BackboneFeatures::extract(const std::vector<cv::Mat>& images, const ProgressCallback& progress,
                                        const torch::Tensor& channels) const {
    return nn::extract_feature_grids(*m_backbone, images, m_config.image_size, m_grid, m_config.batch_size,
                                     progress, m_first_stage, channels);
}

int64_t BackboneFeatures::channels() const {
    return nn::grid_channels(*m_backbone, m_first_stage);
}

}  // namespace kensa::engine
