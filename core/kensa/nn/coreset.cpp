#include <kensa/nn/coreset.h>

#include <kensa/base/error.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace kensa::nn {

torch::Tensor greedy_coreset(const torch::Tensor& patches, const torch::Tensor& projection, int64_t count,
                             int64_t start, const ProgressCallback& progress) {
    torch::NoGradGuard no_grad;
    const int64_t total = patches.size(0);
    if (count <= 0 || count > total || start < 0 || start >= total)
        throw Error("coreset: " + std::to_string(count) + " of " + std::to_string(total) + " patches from " +
                    std::to_string(start));
    const auto points = (projection.defined() ? patches.matmul(projection) : patches).to(torch::kFloat).contiguous();
    const auto norms = points.pow(2).sum(1);
    auto chosen = torch::empty({count}, torch::kLong);
    auto* out = chosen.data_ptr<int64_t>();
    // Squared distance of every point to its nearest chosen one; one matrix-vector product per pick.
    const auto distance_to = [&](int64_t i) {
        return (norms - 2.0 * points.mv(points[i]) + norms[i]).clamp_min_(0.0);
    };
    auto nearest = distance_to(start);
    out[0] = start;
    report(progress, {"coreset", 1, count});
    for (int64_t k = 1; k < count; ++k) {
        const int64_t next = nearest.argmax().item<int64_t>();
        out[k] = next;
        nearest = torch::minimum(nearest, distance_to(next));
        if ((k & 63) == 0 || k + 1 == count)
            report(progress, {"coreset", k + 1, count});
    }
    return chosen;
}

CoresetChoice sample_coreset(const torch::Tensor& patches, double ratio, int64_t projection_dim,
                             const ProgressCallback& progress) {
    const int64_t rows = patches.size(0), c = patches.size(1);
    CoresetChoice choice;
    torch::Tensor projection;
    if (projection_dim > 0 && projection_dim < c) {
        projection = torch::randn({c, projection_dim}) / std::sqrt(static_cast<double>(projection_dim));
        choice.projection_dim = projection_dim;
    }
    const auto count = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(ratio * static_cast<double>(rows))));
    const int64_t start = torch::randint(rows, {1}, torch::kLong).item<int64_t>();
    choice.chosen = greedy_coreset(patches, projection, std::min(count, rows), start, progress);
    return choice;
}

}  // namespace kensa::nn
