// Nearest neighbours: the bf16-candidate path gives the exact fp32 answer on feature-like data, and both
// agree with brute force.
#include <kensa/base/error.h>
#include <kensa/nn/knn.h>
#include <kensa/nn/runtime.h>

#include <gtest/gtest.h>

namespace {
// Feature-like rows: non-negative (post-ReLU), correlated, with norms far larger than neighbour gaps.
torch::Tensor rows(int64_t n, int64_t d, uint64_t seed) {
    torch::manual_seed(seed);
    const auto base = torch::rand({1, d}) * 3.0;
    return (base + 0.6 * torch::randn({n, d})).clamp_min(0.0);
}
}  // namespace

TEST(Knn, MatchesBruteForce) {
    const auto bank = rows(300, 24, 1), queries = rows(50, 24, 2);
    const auto nearest = kensa::nn::nearest_neighbours(queries, bank, 3, kensa::nn::KnnPrecision::Float32);
    const auto brute = torch::cdist(queries.to(torch::kDouble), bank.to(torch::kDouble)).topk(3, 1, false);
    EXPECT_TRUE(torch::equal(nearest.indices, std::get<1>(brute)));
    EXPECT_TRUE(torch::allclose(nearest.distances.to(torch::kDouble), std::get<0>(brute), 1e-5, 1e-5));
}

TEST(Knn, Bf16CandidatesGiveTheExactNeighbours) {
    if (!kensa::nn::cpu_has_native_bf16())
        GTEST_SKIP() << "no native bf16: the fp32 path is the only one";
    const auto bank = rows(6000, 384, 3), queries = rows(2000, 384, 4);  // PatchCore-sized
    for (int64_t k : {1, 5}) {
        const auto fast = kensa::nn::nearest_neighbours(queries, bank, k);
        const auto exact = kensa::nn::nearest_neighbours(queries, bank, k, kensa::nn::KnnPrecision::Float32);
        // The same neighbours: equal distances (rows are sorted, so near-ties - within fp32 rounding of
        // two ways to compute a distance - may swap indices but not distances).
        if (k == 1)
            EXPECT_TRUE(torch::equal(fast.indices, exact.indices));
        EXPECT_LT(((fast.distances - exact.distances).abs() / exact.distances).max().item<double>(), 1e-5) << "k = " << k;
    }
}

TEST(Knn, BadShapesAreAClearError) {
    EXPECT_THROW(kensa::nn::nearest_neighbours(torch::rand({3, 4}), torch::rand({5, 3}), 1), kensa::Error);
    EXPECT_THROW(kensa::nn::nearest_neighbours(torch::rand({3, 4}), torch::rand({5, 4}), 6), kensa::Error);
}
