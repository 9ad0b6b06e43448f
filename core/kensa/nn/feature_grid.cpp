#include <kensa/nn/feature_grid.h>

#include <kensa/base/error.h>

#include <algorithm>

namespace kensa::nn {

int64_t default_grid_size(int64_t image_size) { return std::max<int64_t>(8, image_size / 16); }

torch::Tensor to_feature_grid(const std::vector<torch::Tensor>& maps, int64_t grid_size) {
    if (maps.empty()) throw Error("to_feature_grid: no feature maps");
    namespace F = torch::nn::functional;
    std::vector<torch::Tensor> resized;
    resized.reserve(maps.size());
    for (const auto& m : maps) {
        if (m.size(2) == grid_size && m.size(3) == grid_size) {
            resized.push_back(m);
            continue;
        }
        resized.push_back(F::interpolate(m, F::InterpolateFuncOptions()
                                                .size(std::vector<int64_t>{grid_size, grid_size})
                                                .mode(torch::kBilinear)
                                                .align_corners(false)));
    }
    return torch::cat(resized, 1);
}

}  // namespace kensa::nn
