#pragma once
// ADTR's memory term (method-internal; includes LibTorch): beside the reconstruction error, each grid
// position's distance to the nearest standardised feature of the normal training images, at any position.
// The transformer rebuilds some defects almost as well as normal surface (gravel's contamination, the
// objects' deformations), while the features still set them apart: docs/benchmarks.md, "Why ADTR loses
// where it loses". Stored in a bundle as the tensor "memory.bank" and the settings' "memory" object.

#include <torch/torch.h>

#include <map>
#include <string>

namespace kensa::adtr {

struct MemoryTerm {
    torch::Tensor bank;  // [M, C] standardised normal training features, a row per image position
    // The score is reconstruction error / reconstruction_scale + weight x memory distance / memory_scale;
    // each scale is its term's mean on the training images, so the weight does not depend on the backbone.
    double weight = 0;
    double reconstruction_scale = 1;
    double memory_scale = 1;

    bool enabled() const { return bank.defined(); }
};

// features [N, C, g, g] -> their rows [N g g, C], a bank.
torch::Tensor feature_rows(const torch::Tensor& features);

// Per position of features [N, C, g, g], the distance to the nearest bank row -> [N, g, g].
torch::Tensor memory_distance(const torch::Tensor& features, const torch::Tensor& bank);

// The same for the images the bank was built from (bank = feature_rows(features)): each image against the
// other images' rows only, else every distance would be 0.
torch::Tensor leave_own_image_out_distance(const torch::Tensor& features);

// The score grid [N, g, g] from the two terms' grids.
torch::Tensor combined_grid(const torch::Tensor& reconstruction_error, const torch::Tensor& distance,
                            const MemoryTerm& memory);

// ADTR's settings (adtr_settings.h) with the memory's weight and scales added as "memory".
std::string with_memory_settings(const std::string& settings_json, const MemoryTerm& memory);

// The memory of a bundle's settings and tensors; not enabled() for models without one (trained before it,
// or with weight 0). Throws kensa::Error when the settings or the bank are malformed.
MemoryTerm read_memory(const std::string& settings_json, const std::map<std::string, torch::Tensor>& tensors,
                       int64_t channels);

}  // namespace kensa::adtr
