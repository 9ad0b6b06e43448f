#include <kensa/nn/knn.h>

#include <kensa/base/error.h>
#include <kensa/nn/runtime.h>

#include <algorithm>

namespace kensa::nn {

namespace {
constexpr int64_t kMargin = 16;  // bf16 candidates beyond k, re-ranked exactly (8 missed neighbours in tests)
constexpr int64_t kBf16MinBank = 1024;  // below this the fp32 GEMM is cheap anyway
}  // namespace

torch::Tensor squared_distances(const torch::Tensor& queries, const torch::Tensor& bank) {
    const auto q2 = queries.pow(2).sum(1, /*keepdim=*/true);  // [M, 1]
    const auto b2 = bank.pow(2).sum(1).unsqueeze(0);          // [1, B]
    return torch::addmm(q2 + b2, queries, bank.t(), /*beta=*/1.0, /*alpha=*/-2.0).clamp_min_(0.0);
}

Nearest nearest_neighbours(const torch::Tensor& queries, const torch::Tensor& bank, int64_t k,
                           KnnPrecision precision, int64_t block_bytes) {
    if (queries.dim() != 2 || bank.dim() != 2 || queries.size(1) != bank.size(1))
        throw Error("nearest neighbours: queries " + c10::str(queries.sizes()) + " and bank " +
                    c10::str(bank.sizes()) + " must be [M, D] and [B, D]");
    if (k <= 0 || k > bank.size(0))
        throw Error("nearest neighbours: k = " + std::to_string(k) + " for a bank of " +
                    std::to_string(bank.size(0)));
    torch::NoGradGuard no_grad;
    const auto q = queries.to(torch::kFloat).contiguous(), b = bank.to(torch::kFloat).contiguous();
    const int64_t candidates = std::min(b.size(0), k + kMargin);
    const bool bf16 = precision == KnnPrecision::Auto && cpu_has_native_bf16() && b.size(0) >= kBf16MinBank &&
                      candidates < b.size(0);
    const auto b16 = bf16 ? b.to(torch::kBFloat16) : torch::Tensor();
    const auto b2 = b.pow(2).sum(1);
    const int64_t picked = bf16 ? candidates : k;
    // Per query row: its distances to the bank, then the picked rows' exact differences.
    const int64_t row_bytes = std::max(b.size(0), picked * b.size(1)) * int64_t{sizeof(float)};
    const int64_t rows = std::max<int64_t>(1, block_bytes / row_bytes);
    Nearest out{torch::empty({q.size(0), k}), torch::empty({q.size(0), k}, torch::kLong)};
    for (int64_t begin = 0; begin < q.size(0); begin += rows) {
        const int64_t end = std::min(q.size(0), begin + rows);
        const auto block = q.slice(0, begin, end);
        // Pick by a GEMM: in bf16 by |b|^2 - 2 q.b (|q|^2 is the same for a row), k + margin candidates;
        // in fp32 the k nearest by |q|^2 + |b|^2 - 2 q.b.
        const auto ranking = bf16 ? b2.unsqueeze(0) - 2.0 * block.to(torch::kBFloat16).mm(b16.t()).to(torch::kFloat)
                                  : squared_distances(block, b);
        const auto pick = std::get<1>(ranking.topk(picked, 1, /*largest=*/false));
        // Then the distances from differences, the same on either path (the GEMM form loses digits when q
        // and b are close), and the k nearest of the picked in ascending order.
        const auto exact =
            (b.index_select(0, pick.flatten()).view({end - begin, picked, -1}) - block.unsqueeze(1)).pow(2).sum(2);
        const auto best = exact.topk(k, 1, /*largest=*/false);
        const auto& d = std::get<0>(best);
        const auto i = pick.gather(1, std::get<1>(best));
        out.distances.slice(0, begin, end).copy_(d.sqrt());
        out.indices.slice(0, begin, end).copy_(i);
    }
    return out;
}

}  // namespace kensa::nn
