#include <kensa/nn/feature_grid.h>

#include <kensa/base/error.h>
#include <kensa/nn/image_tensor.h>

#include <algorithm>

namespace kensa::nn {

int64_t default_grid_size(int64_t image_size) {
    return std::max<int64_t>(8, image_size / 16);
}

torch::Tensor to_feature_grid(const std::vector<torch::Tensor>& maps, int64_t grid_size) {
    if (maps.empty())
        throw Error("to_feature_grid: no feature maps");
    namespace F = torch::nn::functional;
    std::vector<torch::Tensor> resized;
    resized.reserve(maps.size());
    for (const auto& m : maps) {
        if (m.size(2) == grid_size && m.size(3) == grid_size) {
            resized.push_back(m);
            continue;
        }
        // Shrinking averages every input cell (area); point-sampling (bilinear) would skip 3 of every
        // 4 columns of a stride-4 stage, and with them thin defects such as scratches.
        const bool shrink = m.size(2) > grid_size || m.size(3) > grid_size;
        auto options = F::InterpolateFuncOptions().size(std::vector<int64_t>{grid_size, grid_size});
        if (shrink)
            options.mode(torch::kArea);
        else
            options.mode(torch::kBilinear).align_corners(false);
        resized.push_back(F::interpolate(m, options));
    }
    return torch::cat(resized, 1);
}

namespace {
// The stage maps cut to the given channels of their concatenation (ascending); stages left empty go.
std::vector<torch::Tensor> keep_channels(const std::vector<torch::Tensor>& maps, const torch::Tensor& channels) {
    std::vector<torch::Tensor> kept;
    int64_t offset = 0;
    for (const auto& m : maps) {
        const int64_t c = m.size(1);
        const auto local = channels.masked_select((channels >= offset) & (channels < offset + c)) - offset;
        // In the stage's memory layout (channels-last from the backbones): resizing then runs the same
        // kernel, with the same rounding, as on the whole stage.
        if (local.numel() > 0)
            kept.push_back(local.numel() == c ? m : m.index_select(1, local).contiguous(m.suggest_memory_format()));
        offset += c;
    }
    return kept;
}
}  // namespace

void check_channel_subset(const torch::Tensor& channels, int64_t available) {
    if (channels.dim() != 1 || channels.numel() == 0 || channels.scalar_type() != torch::kLong)
        throw Error("channel subset: expected a non-empty list of int64 indices");
    if (channels.min().item<int64_t>() < 0 || channels.max().item<int64_t>() >= available)
        throw Error("channel subset: an index is outside the " + std::to_string(available) + " channels");
    if (channels.numel() > 1 && !(channels.slice(0, 1) > channels.slice(0, 0, -1)).all().item<bool>())
        throw Error("channel subset: the indices are not in ascending order");
}

torch::Tensor extract_feature_grids(Backbone& backbone, const std::vector<cv::Mat>& images,
                                    int64_t image_size, int64_t grid_size, int64_t batch_size,
                                    const ProgressCallback& progress, int64_t first_stage,
                                    const torch::Tensor& channels) {
    return extract_feature_grid_sets(backbone, images, image_size, {{grid_size, first_stage, channels}}, batch_size,
                                     progress)[0];
}

std::vector<torch::Tensor> extract_feature_grid_sets(Backbone& backbone, const std::vector<cv::Mat>& images,
                                                     int64_t image_size, const std::vector<GridSpec>& specs,
                                                     int64_t batch_size, const ProgressCallback& progress) {
    const auto total = static_cast<int64_t>(images.size());
    std::vector<torch::Tensor> out;
    for (const auto& spec : specs) {
        const int64_t all_channels = grid_channels(backbone, spec.first_stage);
        if (spec.channels.defined())
            check_channel_subset(spec.channels, all_channels);
        const int64_t channels = spec.channels.defined() ? spec.channels.numel() : all_channels;
        out.push_back(torch::empty({total, channels, spec.grid, spec.grid}));
    }
    report(progress, {"features", 0, total});
    for (int64_t begin = 0; begin < total; begin += batch_size) {
        const int64_t end = std::min(begin + batch_size, total);
        const std::vector<cv::Mat> chunk(images.begin() + begin, images.begin() + end);
        const auto stages = backbone.extract(images_to_tensor(chunk, image_size));
        for (size_t s = 0; s < specs.size(); ++s) {
            std::vector<torch::Tensor> maps(stages.begin() + specs[s].first_stage, stages.end());
            if (specs[s].channels.defined())
                maps = keep_channels(maps, specs[s].channels);
            out[s].slice(0, begin, end).copy_(to_feature_grid(maps, specs[s].grid));
        }
        report(progress, {"features", end, total});
    }
    return out;
}

int64_t grid_channels(const Backbone& backbone, int64_t first_stage) {
    const auto stages = backbone.stages();
    if (first_stage < 0 || first_stage >= static_cast<int64_t>(stages.size()))
        throw Error("feature stage " + std::to_string(first_stage) + " out of range: the backbone has " +
                    std::to_string(stages.size()) + " stages");
    int64_t channels = 0;
    for (auto i = static_cast<size_t>(first_stage); i < stages.size(); ++i)
        channels += stages[i].channels;
    return channels;
}

torch::Tensor local_patches(const torch::Tensor& grids, int neighbourhood) {
    if (neighbourhood <= 1)
        return grids;
    namespace F = torch::nn::functional;
    return F::avg_pool2d(grids, F::AvgPool2dFuncOptions(neighbourhood).stride(1).padding(neighbourhood / 2));
}

torch::Tensor grid_rows(const torch::Tensor& grids) {
    TORCH_CHECK(grids.dim() == 4, "grid_rows: expected [N, C, g, g]");
    return grids.permute({0, 2, 3, 1}).reshape({-1, grids.size(1)}).contiguous();
}

torch::Tensor standardize_features(const torch::Tensor& grids, const torch::Tensor& mean,
                                   const torch::Tensor& std) {
    return (grids - mean.view({1, -1, 1, 1})) / std.view({1, -1, 1, 1});
}

}  // namespace kensa::nn
