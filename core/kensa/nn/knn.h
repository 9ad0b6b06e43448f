#pragma once
// Nearest neighbours by Euclidean distance, as blocked matrix products: what PatchCore, SPADE and the
// greedy coreset need.
//
// Where the CPU has native bf16 dot products and the bank is large, the candidates come from a bf16 GEMM
// (4-6x faster than fp32 here) and the k nearest of the best k + 16 are then found with exact fp32
// distances: the result is exact unless a true neighbour ranks below k + 16 in bf16 (an error of about
// 2^-8 of |q| |b| in a squared distance), which tests/nn/test_knn.cpp checks does not happen on real
// feature statistics. Elsewhere, and for small banks, everything is fp32.

#include <torch/torch.h>

namespace kensa::nn {

struct Nearest {
    torch::Tensor distances;  // [M, k] ascending, float
    torch::Tensor indices;    // [M, k] into the bank's rows, long
};

enum class KnnPrecision { Auto, Float32 };

// For each query row of queries [M, D], its k nearest rows of bank [B, D] (k <= B), in blocks of queries
// so no temporary exceeds `block_bytes`. Kept under glibc's largest heap block (32 MB, see
// batch_chunks.h): larger ones are fresh mmaps whose page faults took more time than the arithmetic.
Nearest nearest_neighbours(const torch::Tensor& queries, const torch::Tensor& bank, int64_t k,
                           KnnPrecision precision = KnnPrecision::Auto, int64_t block_bytes = int64_t{16} << 20);

// Squared Euclidean distances [M, B] of every query row to every bank row (fp32, clamped at 0).
torch::Tensor squared_distances(const torch::Tensor& queries, const torch::Tensor& bank);

}  // namespace kensa::nn
