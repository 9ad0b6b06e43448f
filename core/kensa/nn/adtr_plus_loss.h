#pragma once
// ADTR+'s training objective on top of the losses in adtr_transformer.h: the pixel-level loss, the
// image-level loss, or their sum, from the reconstruction, the features and per-position labels.

#include <torch/torch.h>

namespace kensa::nn {

struct AdtrPlusLossOptions {
    bool pixel_level = true;   // pixel_level_loss(phi, y, alpha)
    bool image_level = false;  // image_level_loss(phi, max_u y, alpha, k)
    double alpha = 0.003;
    int k = 20;
};

// reconstruction and features [N, C, g, g]; y [N, g, g], 1 = anomalous position. With
// phi = pseudo_huber_difference(reconstruction, features), returns the sum of the enabled losses; an
// image's label for the image-level loss is 1 when any of its positions is anomalous.
// Throws kensa::Error when neither loss is enabled or the shapes disagree.
torch::Tensor adtr_plus_loss(const torch::Tensor& reconstruction, const torch::Tensor& features,
                             const torch::Tensor& y, const AdtrPlusLossOptions& options);

}  // namespace kensa::nn
