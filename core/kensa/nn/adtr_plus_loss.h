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
    // Kensa's addition for defects whose defect-free image is known (synthetic and moved ones): the
    // reconstruction is also pulled to the clean image's features, with this weight (0 = the paper's loss).
    double restore_weight = 1.0;
    // Kensa's default: the pull terms (normal positions, restore) use squared_difference, the normal-only
    // loss, so anomaly-available training without defects is normal-only training; the paper pulls with
    // phi too (true), which measured slightly worse on the sample product even without any defect.
    bool pseudo_huber_pull = false;
};

// reconstruction and features [N, C, g, g]; y [N, g, g], 1 = anomalous position. With
// phi = pseudo_huber_difference(reconstruction, features), returns the sum of the enabled losses; an
// image's label for the image-level loss is 1 when any of its positions is anomalous. The pixel-level
// loss's normal term pulls with squared_difference unless pseudo_huber_pull (the paper's form).
// Throws kensa::Error when neither loss is enabled or the shapes disagree.
//
// With clean [N, C, g, g] (the features of each image before its defect was drawn) and restorable [N]
// (1 where clean is known, 0 where it is not, e.g. a real defect), adds
//   restore_weight * mean_n( restorable_n * mean_u( pull(reconstruction, clean) ) ), pull as above:
// the push only says "not the input"; this says what to rebuild instead, the defect-free features. Every
// position counts, since a defect reaches beyond its labelled cells (cells it partly covers, the
// backbone's receptive field) and the clean features say what belongs there too.
torch::Tensor adtr_plus_loss(const torch::Tensor& reconstruction, const torch::Tensor& features,
                             const torch::Tensor& y, const AdtrPlusLossOptions& options,
                             const torch::Tensor& clean = {}, const torch::Tensor& restorable = {});

}  // namespace kensa::nn
