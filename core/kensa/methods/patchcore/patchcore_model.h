#pragma once
// PatchCore's scoring on feature tensors (method-internal; includes LibTorch), apart from images and
// bundles so tests can check it against an independent NumPy implementation on the same features. Its
// patches and memory bank come from nn::local_patches (nn/feature_grid.h) and nn/coreset.h.

#include <kensa/methods/patchcore/patchcore_options.h>

#include <torch/torch.h>

#include <cstdint>

namespace kensa::patchcore {

struct Scores {
    torch::Tensor grids;   // [N, g, g] distance of each patch to its nearest memory patch
    torch::Tensor images;  // [N] the paper's re-weighted image scores
};

// patches [N, C, g, g] (locally aware) against memory [M, C].
Scores score_patches(const torch::Tensor& patches, const torch::Tensor& memory, int reweight_neighbours);

}  // namespace kensa::patchcore
