#include <kensa/nn/knn.h>

#include <kensa/base/error.h>

#include <algorithm>

namespace kensa::nn {

torch::Tensor squared_distances(const torch::Tensor& queries, const torch::Tensor& bank) {
    const auto q2 = queries.pow(2).sum(1, /*keepdim=*/true);  // [M, 1]
    const auto b2 = bank.pow(2).sum(1).unsqueeze(0);          // [1, B]
    return torch::addmm(q2 + b2, queries, bank.t(), /*beta=*/1.0, /*alpha=*/-2.0).clamp_min_(0.0);
}

Nearest nearest_neighbours(const torch::Tensor& queries, const torch::Tensor& bank, int64_t k, int64_t block_bytes) {
    if (queries.dim() != 2 || bank.dim() != 2 || queries.size(1) != bank.size(1))
        throw Error("nearest neighbours: queries " + c10::str(queries.sizes()) + " and bank " +
                    c10::str(bank.sizes()) + " must be [M, D] and [B, D]");
    if (k <= 0 || k > bank.size(0))
        throw Error("nearest neighbours: k = " + std::to_string(k) + " for a bank of " +
                    std::to_string(bank.size(0)));
    torch::NoGradGuard no_grad;
    const auto q = queries.to(torch::kFloat).contiguous(), b = bank.to(torch::kFloat).contiguous();
    const int64_t rows = std::max<int64_t>(1, block_bytes / (b.size(0) * int64_t{sizeof(float)}));
    Nearest out{torch::empty({q.size(0), k}), torch::empty({q.size(0), k}, torch::kLong)};
    for (int64_t begin = 0; begin < q.size(0); begin += rows) {
        const int64_t end = std::min(q.size(0), begin + rows);
        const auto [d, i] = squared_distances(q.slice(0, begin, end), b).topk(k, 1, /*largest=*/false);
        out.distances.slice(0, begin, end).copy_(d.sqrt());
        out.indices.slice(0, begin, end).copy_(i);
    }
    return out;
}

}  // namespace kensa::nn
