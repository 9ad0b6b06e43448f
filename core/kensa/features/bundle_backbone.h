#pragma once
// The backbone inside a model bundle, the same for every method (includes LibTorch; for methods): what a
// fit writes (id, weights checksum, input size, first stage, "backbone.*" tensors) and how a detector
// gets the backbone back.

#include <kensa/features/backbone_features.h>
#include <kensa/model/model_bundle.h>
#include <kensa/nn/backbone.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/tensor_dict.h>

#include <memory>
#include <utility>
#include <vector>

namespace kensa::engine {

// Fills the bundle's backbone fields and returns its tensors, named "backbone.*", for the method to merge
// with its own before nn::to_archive.
nn::TensorDict describe_backbone(model::ModelBundle& bundle, BackboneFeatures& features);

// The backbone from a bundle's "backbone.*" tensors (of `tensors`, the bundle's as a dict). Throws
// kensa::Error when they do not fit the backbone id.
std::unique_ptr<nn::Backbone> load_bundle_backbone(const model::ModelBundle& bundle, const nn::TensorDict& tensors);

// A detector's feature grids: the bundle's backbone, input size and first stage, on a given grid.
class BundleFeatures {
public:
    BundleFeatures(const model::ModelBundle& bundle, const nn::TensorDict& tensors, int64_t grid);
    // [N, C, grid, grid], one pass; only the given channels (ascending) when defined.
    torch::Tensor extract(const std::vector<cv::Mat>& images, const torch::Tensor& channels = {});
    // extract(images) and, from the same backbone pass, the grids of `second` (ADTR's memory on its own grid).
    std::pair<torch::Tensor, torch::Tensor> extract_with(const std::vector<cv::Mat>& images, const nn::GridSpec& second);
    int64_t channels() const;
    int64_t grid() const { return m_grid; }
    void set_precision(Precision precision) { m_backbone->set_precision(precision); }
    const nn::Backbone& backbone() const { return *m_backbone; }

private:
    std::unique_ptr<nn::Backbone> m_backbone;
    int64_t m_image_size, m_first_stage, m_grid;
};

}  // namespace kensa::engine
