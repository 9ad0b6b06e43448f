#include <kensa/features/bundle_backbone.h>

#include <kensa/nn/backbone_factory.h>
#include <kensa/nn/feature_grid.h>

#include <algorithm>

namespace kensa::engine {

nn::TensorDict describe_backbone(model::ModelBundle& bundle, BackboneFeatures& features) {
    const auto state = nn::module_state(features.backbone().module());
    bundle.backbone = features.config().backbone;
    bundle.backbone_weights_checksum = model::tensor_checksum(nn::to_archive(state));
    bundle.image_size = features.config().image_size;
    bundle.first_feature_stage = features.first_stage();
    return nn::with_prefix(state, "backbone.");
}

std::unique_ptr<nn::Backbone> load_bundle_backbone(const model::ModelBundle& bundle, const nn::TensorDict& tensors) {
    auto backbone = nn::create_backbone(bundle.backbone);
    nn::load_module_state(backbone->module(), nn::strip_prefix(tensors, "backbone."),
                          "model (backbone " + bundle.backbone + ")");
    return backbone;
}

BundleFeatures::BundleFeatures(const model::ModelBundle& bundle, const nn::TensorDict& tensors, int64_t grid)
    : m_backbone(load_bundle_backbone(bundle, tensors)),
      m_image_size(bundle.image_size),
      m_first_stage(bundle.first_feature_stage),
      m_grid(grid) {
    (void)nn::grid_channels(*m_backbone, m_first_stage);  // throws for a stage the backbone lacks
}

torch::Tensor BundleFeatures::extract(const std::vector<cv::Mat>& images, const torch::Tensor& channels) {
    torch::NoGradGuard no_grad;
    const auto batch = static_cast<int64_t>(std::max<size_t>(images.size(), 1));
    return nn::extract_feature_grids(*m_backbone, images, m_image_size, m_grid, batch, {}, m_first_stage,
                                     channels);
}

std::pair<torch::Tensor, torch::Tensor> BundleFeatures::extract_with(const std::vector<cv::Mat>& images,
                                                                    const nn::GridSpec& second) {
    torch::NoGradGuard no_grad;
    const auto batch = static_cast<int64_t>(std::max<size_t>(images.size(), 1));
    auto grids = nn::extract_feature_grid_sets(*m_backbone, images, m_image_size, {{m_grid, m_first_stage, {}}, second},
                                               batch);
    return {std::move(grids[0]), std::move(grids[1])};
}

int64_t BundleFeatures::channels() const {
    return nn::grid_channels(*m_backbone, m_first_stage);
}

}  // namespace kensa::engine
