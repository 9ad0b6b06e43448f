#pragma once
// A loaded ADTR model's forward pass (method-internal; includes LibTorch): images -> the standardised
// feature grids and the transformer's reconstruction of them (and the memory's features). The detector scores
// their difference;
// studies of other scores (bench/adtr/dump_reconstruction) read both.

#include <kensa/features/bundle_backbone.h>
#include <kensa/methods/adtr/adtr_config.h>
#include <kensa/methods/adtr/adtr_memory.h>
#include <kensa/methods/adtr/adtr_transformer.h>
#include <kensa/model/model_bundle.h>

#include <opencv2/core.hpp>
#include <torch/torch.h>

#include <optional>
#include <string>
#include <vector>

namespace kensa::adtr {

// A model's per-channel feature standardisation ("features.mean", "features.std" of `channels` each), learned
// in training. Throws kensa::Error, "<source>: tensor '...' is missing or has the wrong shape".
struct FeatureStandardisation {
    torch::Tensor mean, std;
};
FeatureStandardisation read_feature_standardisation(const nn::TensorDict& tensors, int channels,
                                                    const std::string& source);

struct Reconstruction {
    torch::Tensor features;        // [N, C, g, g] fp32, standardised per channel as in training
    torch::Tensor reconstruction;  // [N, C, g, g] fp32
    // The memory's features (adtr_memory.h): `features` itself, or for a memory on a grid of its own its
    // locally aware patches [N, C', G, G], from the same backbone pass; undefined without a memory.
    torch::Tensor memory_features;
};

class AdtrReconstructor {
public:
    // Throws kensa::Error when the bundle's settings or tensors do not fit ADTR.
    AdtrReconstructor(const model::ModelBundle& bundle, int threads);

    const AdtrConfig& config() const { return m_config; }
    const MemoryTerm& memory() const { return m_memory; }  // not enabled() for models without one
    Reconstruction run(const std::vector<cv::Mat>& images);

private:
    AdtrConfig m_config;
    std::optional<engine::BundleFeatures> m_features;  // the bundle's backbone on the transformer's grid
    AdtrTransformer m_transformer{nullptr};
    FeatureStandardisation m_standardisation;
    MemoryTerm m_memory;
};

}  // namespace kensa::adtr
