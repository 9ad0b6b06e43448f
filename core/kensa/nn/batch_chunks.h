#pragma once
// Running a backbone on a large batch a few images at a time.
//
// Why: glibc serves every allocation above 32 MiB with a fresh mmap, so a batch whose activations exceed
// that pays page faults for each such tensor on every forward. EfficientNet-B4 at 224 px and batch 8
// (58 MB maps) ran 5x slower per image than at batch 4 here; in chunks that stay below the limit it runs
// as fast as the small batches. Header-only so backbones can share it without a build change.

#include <torch/torch.h>

#include <algorithm>
#include <vector>

namespace kensa::nn {

// Largest allocation glibc keeps in its heap (DEFAULT_MMAP_THRESHOLD_MAX on 64-bit).
inline constexpr int64_t kHeapAllocationLimit = int64_t{32} << 20;

// How many images to run at once when the largest activation takes `peak_bytes_per_image` per image.
inline int64_t images_per_chunk(int64_t peak_bytes_per_image) {
    return std::max<int64_t>(1, kHeapAllocationLimit / std::max<int64_t>(1, peak_bytes_per_image));
}

// forward(images) -> per-stage maps, run on slices of at most `chunk` images and concatenated per stage,
// so the result equals forward(images).
template <class Forward>
std::vector<torch::Tensor> forward_in_chunks(const torch::Tensor& images, int64_t chunk, Forward&& forward) {
    const int64_t n = images.size(0);
    if (n <= chunk)
        return forward(images);
    std::vector<std::vector<torch::Tensor>> per_stage;
    for (int64_t begin = 0; begin < n; begin += chunk) {
        auto maps = forward(images.slice(0, begin, std::min(n, begin + chunk)));
        per_stage.resize(maps.size());
        for (size_t s = 0; s < maps.size(); ++s)
            per_stage[s].push_back(std::move(maps[s]));
    }
    std::vector<torch::Tensor> out;
    out.reserve(per_stage.size());
    for (auto& parts : per_stage)
        out.push_back(torch::cat(parts));
    return out;
}

}  // namespace kensa::nn
