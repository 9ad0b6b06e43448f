#include <kensa/methods/patchcore/patchcore_model.h>

#include <kensa/base/error.h>
#include <kensa/nn/knn.h>

#include <algorithm>

namespace kensa::patchcore {

torch::Tensor local_patches(const torch::Tensor& features, int neighbourhood) {
    if (neighbourhood <= 1)
        return features;
    namespace F = torch::nn::functional;
    return F::avg_pool2d(features, F::AvgPool2dFuncOptions(neighbourhood).stride(1).padding(neighbourhood / 2));
}

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

Scores score_patches(const torch::Tensor& patches, const torch::Tensor& memory, int reweight_neighbours) {
    torch::NoGradGuard no_grad;
    const int64_t n = patches.size(0), c = patches.size(1), g = patches.size(2);
    const auto flat = patches.permute({0, 2, 3, 1}).reshape({n * g * g, c}).contiguous();
    const auto nearest = nn::nearest_neighbours(flat, memory, 1);
    Scores out{nearest.distances.reshape({n, g, g}).contiguous(), torch::empty({n})};
    const int64_t support = std::min<int64_t>(reweight_neighbours, memory.size(0));
    for (int64_t i = 0; i < n; ++i) {
        const auto distances = nearest.distances.slice(0, i * g * g, (i + 1) * g * g).squeeze(1);
        const int64_t worst = distances.argmax().item<int64_t>();
        const float s = distances[worst].item<float>();
        // w = 1 - softmax over the worst patch's distances to the support (the memory patch nearest to it
        // and that patch's own nearest memory neighbours), at that patch: a patch far from memory in a
        // sparse region of it weighs more than one in a dense region.
        const auto anchor = memory[nearest.indices[i * g * g + worst][0].item<int64_t>()].unsqueeze(0);
        const auto around = nn::nearest_neighbours(anchor, memory, support).indices[0];
        const auto query = flat[i * g * g + worst].unsqueeze(0);
        const auto d = (memory.index_select(0, around) - query).pow(2).sum(1).sqrt();  // as the kNN's distances
        const float w = 1.f - torch::softmax(d, 0)[0].item<float>();
        out.images[i] = w * s;
    }
    return out;
}

}  // namespace kensa::patchcore
