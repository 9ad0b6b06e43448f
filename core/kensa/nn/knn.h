#pragma once
// Exact nearest neighbours by Euclidean distance, as blocked matrix products: what PatchCore, SPADE and
// the greedy coreset need. fp32 (the methods are checked against NumPy to 1e-4; bf16 distances are not
// that close).

#include <torch/torch.h>

namespace kensa::nn {

struct Nearest {
    torch::Tensor distances;  // [M, k] ascending, float
    torch::Tensor indices;    // [M, k] into the bank's rows, long
};

// For each query row of queries [M, D], its k nearest rows of bank [B, D] (k <= B). Computed as
// |q|^2 + |b|^2 - 2 q.b in blocks of queries so at most `block_bytes` of distances exist at once.
Nearest nearest_neighbours(const torch::Tensor& queries, const torch::Tensor& bank, int64_t k,
                           int64_t block_bytes = int64_t{64} << 20);

// Squared Euclidean distances [M, B] of every query row to every bank row (clamped at 0).
torch::Tensor squared_distances(const torch::Tensor& queries, const torch::Tensor& bank);

}  // namespace kensa::nn
