#pragma once
// Greedy k-center coreset (Roth et al. 2022, Algorithm 1): a memory bank that covers all training patches
// with a tenth of them. PatchCore's bank, and ADTR's stride-8 memory term (methods/adtr/adtr_memory.h).

#include <kensa/base/progress.h>

#include <torch/torch.h>

#include <cstdint>

namespace kensa::nn {

// Starting at `start`, repeatedly the row of patches [P, C] farthest from all chosen ones, `count` in all;
// distances on patches x projection [C, d] when projection is defined. Returns the chosen row indices in
// order. Reports ("coreset", chosen, count); throws Cancelled.
torch::Tensor greedy_coreset(const torch::Tensor& patches, const torch::Tensor& projection, int64_t count,
                             int64_t start, const ProgressCallback& progress = {});

struct CoresetChoice {
    torch::Tensor chosen;  // row indices, in the order picked
    int64_t projection_dim = 0;  // 0: distances on the full rows
};

// greedy_coreset of ceil(ratio x P) rows (at least one) from a random start, on a Gaussian random
// projection to projection_dim dimensions (Johnson-Lindenstrauss, as the paper's sparse one) when that is
// smaller than C. Draws from torch's generator: seed it for a repeatable choice.
CoresetChoice sample_coreset(const torch::Tensor& patches, double ratio, int64_t projection_dim,
                             const ProgressCallback& progress = {});

}  // namespace kensa::nn
