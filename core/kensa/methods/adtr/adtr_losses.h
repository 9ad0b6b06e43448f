#pragma once
// ADTR's scores and losses (method-internal; includes LibTorch): the per-position anomaly score, the
// normal-only reconstruction loss, and ADTR+'s pixel- and image-level losses with Kensa's restore term.
// reconstruction and features are [N, C, g, g]; y marks anomalies with 1.

#include <torch/torch.h>

namespace kensa::adtr {

// Per-position anomaly score: the L2 norm over channels of (reconstruction - features), [N, g, g].
torch::Tensor anomaly_grid(const torch::Tensor& reconstruction, const torch::Tensor& features);

// Normal-only training loss: mean squared error over all elements.
torch::Tensor reconstruction_loss(const torch::Tensor& reconstruction, const torch::Tensor& features);

// The normal-only loss per position, [N, g, g]: mean_c d(c,u)^2 (its mean over positions is
// reconstruction_loss).
torch::Tensor squared_difference(const torch::Tensor& reconstruction, const torch::Tensor& features);

// ADTR+'s per-position pseudo-Huber difference phi(u) = sqrt(mean_c d(c,u)^2 + 1) - 1, [N, g, g], i.e.
// pseudo_huber(squared_difference(...)).
torch::Tensor pseudo_huber_difference(const torch::Tensor& reconstruction, const torch::Tensor& features);
torch::Tensor pseudo_huber(const torch::Tensor& squared);

// ADTR+ pixel-level loss for phi [N, g, g] and y [N, g, g] (1 = anomalous position), per image
//   L = mean_u((1 - y) phi) - alpha log(1 - exp(-mean_u(y phi)))
// averaged over the batch. The second term is left out for images without anomalous positions (where
// it would be log 0), and mean_u(y phi) is floored at 1e-6 so a perfectly reconstructed defect gives a
// large but finite loss.
torch::Tensor pixel_level_loss(const torch::Tensor& phi, const torch::Tensor& y, double alpha = 0.003);

// The same with the normal term on `pull` [N, g, g] instead of phi (the push stays on phi):
//   L = mean_u((1 - y) pull) - alpha log(1 - exp(-mean_u(y phi))).
torch::Tensor pixel_level_loss(const torch::Tensor& pull, const torch::Tensor& phi, const torch::Tensor& y,
                               double alpha);

// ADTR+ image-level loss for phi [N, g, g] and y [N] (1 = anomalous image): with q the mean of the k
// largest phi of an image (all of them when it has fewer than k),
//   L = (1 - y) q - alpha y log(1 - exp(-q)),
// averaged over the batch; q is floored at 1e-6 inside the log.
torch::Tensor image_level_loss(const torch::Tensor& phi, const torch::Tensor& y, double alpha = 0.003,
                               int k = 20);

// ---- ADTR+'s objective: the pixel-level loss, the image-level loss, or their sum.

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

}  // namespace kensa::adtr
