#include <kensa/methods/spade/spade_model.h>

#include <kensa/nn/knn.h>

#include <algorithm>

namespace kensa::spade {

torch::Tensor pooled(const torch::Tensor& features, int64_t deep_channels) {
    return features.slice(1, features.size(1) - deep_channels).mean({2, 3});
}

Scores score(const torch::Tensor& test, const torch::Tensor& train, const torch::Tensor& train_pooled,
             int64_t deep_channels, int k_images, int k_pixels) {
    torch::NoGradGuard no_grad;
    const int64_t n = test.size(0), c = test.size(1), g = test.size(2);
    const int64_t k = std::min<int64_t>(k_images, train.size(0));
    const auto images = nn::nearest_neighbours(pooled(test, deep_channels), train_pooled, k);
    Scores out{torch::empty({n, g, g}), images.distances.mean(1).contiguous()};
    const auto by_position = [c](const torch::Tensor& f) { return f.permute({0, 2, 3, 1}).reshape({-1, c}); };
    for (int64_t i = 0; i < n; ++i) {
        const auto gallery = by_position(train.index_select(0, images.indices[i])).contiguous();
        const auto kp = std::min<int64_t>(k_pixels, gallery.size(0));
        const auto pixels = nn::nearest_neighbours(by_position(test[i].unsqueeze(0)), gallery, kp);
        out.grids[i].copy_(pixels.distances.mean(1).reshape({g, g}));
    }
    return out;
}

}  // namespace kensa::spade
