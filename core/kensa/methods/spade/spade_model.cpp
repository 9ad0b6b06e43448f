#include <kensa/methods/spade/spade_model.h>

#include <kensa/nn/knn.h>

#include <algorithm>
#include <vector>

namespace kensa::spade {

torch::Tensor pooled(const torch::Tensor& features, int64_t deep_channels) {
    return features.slice(1, features.size(1) - deep_channels).mean({2, 3});
}

torch::Tensor by_position(const torch::Tensor& features) {
    return features.permute({0, 2, 3, 1}).reshape({features.size(0), -1, features.size(1)}).contiguous();
}

Scores score(const torch::Tensor& test, const torch::Tensor& train_by_position, const torch::Tensor& train_pooled,
             int64_t deep_channels, int k_images, int k_pixels) {
    torch::NoGradGuard no_grad;
    const int64_t n = test.size(0), g = test.size(2), positions = train_by_position.size(1);
    const int64_t k = std::min<int64_t>(k_images, train_by_position.size(0));
    const auto images = nn::nearest_neighbours(pooled(test, deep_channels), train_pooled, k);
    Scores out{torch::empty({n, g, g}), images.distances.mean(1).contiguous()};
    const auto queries = by_position(test);
    const int64_t image_bytes = positions * train_by_position.size(2) * int64_t{sizeof(float)};
    const int64_t chunk = std::max<int64_t>(1, (int64_t{16} << 20) / image_bytes);
    const int64_t kp = std::min<int64_t>(k_pixels, k * positions);
    for (int64_t i = 0; i < n; ++i) {
        // The k_pixels nearest of each chunk, then the k_pixels nearest of those: the same as one search.
        std::vector<torch::Tensor> nearest;
        for (int64_t begin = 0; begin < k; begin += chunk) {
            const auto chosen = images.indices[i].slice(0, begin, std::min(k, begin + chunk));
            const auto gallery = train_by_position.index_select(0, chosen).view({-1, train_by_position.size(2)});
            nearest.push_back(nn::nearest_neighbours(queries[i], gallery, std::min<int64_t>(kp, gallery.size(0))).distances);
        }
        const auto all = torch::cat(nearest, 1);
        out.grids[i].copy_(std::get<0>(all.topk(kp, 1, /*largest=*/false)).mean(1).reshape({g, g}));
    }
    return out;
}

}  // namespace kensa::spade
