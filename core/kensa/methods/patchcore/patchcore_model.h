#pragma once
// PatchCore's arithmetic on feature tensors (method-internal; includes LibTorch), apart from images and
// bundles so tests can check it against an independent NumPy implementation on the same features.

#include <kensa/base/progress.h>
#include <kensa/methods/patchcore/patchcore_options.h>

#include <torch/torch.h>

#include <cstdint>

namespace kensa::patchcore {

// features [N, C, g, g] -> locally aware patches [N, C, g, g]: each position averaged over its k x k
// neighbourhood (zero padding counted, as torch.nn.AvgPool2d(k, 1, k / 2)).
torch::Tensor local_patches(const torch::Tensor& features, int neighbourhood);

// Greedy k-center coreset (the paper's Algorithm 1): starting at `start`, repeatedly the patch farthest
// from all chosen ones, `count` in all; distances on patches [P, C] x projection [C, d] when projection is
// defined. Returns the chosen row indices in order. Reports ("coreset", chosen, count); throws Cancelled.
torch::Tensor greedy_coreset(const torch::Tensor& patches, const torch::Tensor& projection, int64_t count,
                             int64_t start, const ProgressCallback& progress = {});

struct Scores {
    torch::Tensor grids;   // [N, g, g] distance of each patch to its nearest memory patch
    torch::Tensor images;  // [N] the paper's re-weighted image scores
};

// patches [N, C, g, g] (locally aware) against memory [M, C].
Scores score_patches(const torch::Tensor& patches, const torch::Tensor& memory, int reweight_neighbours);

}  // namespace kensa::patchcore
