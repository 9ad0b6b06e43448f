#include <kensa/methods/patchcore/patchcore_model.h>

#include <kensa/base/error.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/knn.h>

#include <algorithm>

namespace kensa::patchcore {

Scores score_patches(const torch::Tensor& patches, const torch::Tensor& memory, int reweight_neighbours) {
    torch::NoGradGuard no_grad;
    const int64_t n = patches.size(0), g = patches.size(2);
    const auto flat = nn::grid_rows(patches);
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
