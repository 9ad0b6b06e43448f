#pragma once
// ADTR's memory term (method-internal; includes LibTorch): beside the reconstruction error, each grid
// position's distance to the nearest normal training feature, at any position. The transformer rebuilds
// some defects almost as well as normal surface (gravel's contamination, the objects' deformations), while
// the features still set them apart: docs/benchmarks.md, "Why ADTR loses where it loses". Stored in a
// bundle as the tensor "memory.bank" and the settings' "memory" object.

#include <kensa/nn/backbone.h>

#include <torch/torch.h>

#include <map>
#include <string>

namespace kensa::adtr {

// Where the memory's features come from.
struct MemorySource {
    // 0: the transformer's own standardised grid, every training position in the bank. Otherwise the
    // backbone's stages from first_stage on a grid of this side (28 for stride 8 at 224 px), as PatchCore's
    // locally aware patches, and a greedy coreset of them in the bank; the reconstruction error is then
    // enlarged to this grid.
    int64_t grid = 0;
    int64_t first_stage = 0;
    int neighbourhood = 1;

    bool own_grid() const { return grid == 0; }
};

struct MemoryTerm {
    torch::Tensor bank;  // [M, C] normal training features, a row per image position (or per coreset patch)
    MemorySource source;
    // The score is reconstruction error / reconstruction_scale + weight x memory distance / memory_scale;
    // each scale is its term's mean on the training images, so the weight does not depend on the backbone.
    double weight = 0;
    double reconstruction_scale = 1;
    double memory_scale = 1;

    bool enabled() const { return bank.defined(); }
};

// Per position of features [N, C, g, g], the distance to the nearest bank row -> [N, g, g].
torch::Tensor memory_distance(const torch::Tensor& features, const torch::Tensor& bank);

// The same for the images a bank was built from, each against the rows of the other images only (else
// every distance would be 0): owners [M] holds the image index of each bank row.
torch::Tensor leave_own_image_out_distance(const torch::Tensor& features, const torch::Tensor& bank,
                                           const torch::Tensor& owners);

// The image index of each row of nn::grid_rows(features).
torch::Tensor row_owners(const torch::Tensor& features);

// The score grid [N, G, G] from the two terms' grids; a reconstruction error on a coarser grid than the
// distance's is enlarged to it (bilinear).
torch::Tensor combined_grid(const torch::Tensor& reconstruction_error, const torch::Tensor& distance,
                            const MemoryTerm& memory);

// ADTR's settings (adtr_settings.h) with the memory's weight, scales and source added as "memory".
std::string with_memory_settings(const std::string& settings_json, const MemoryTerm& memory);

// The memory of a bundle's settings and tensors; not enabled() for models without one (trained before it,
// or with weight 0). The bank must have transformer_channels columns, or, for a memory on a grid of its own,
// as many as backbone's stages from its first stage give. Throws kensa::Error when the settings or the
// bank are malformed.
MemoryTerm read_memory(const std::string& settings_json, const std::map<std::string, torch::Tensor>& tensors,
                       int64_t transformer_channels, const nn::Backbone& backbone);

}  // namespace kensa::adtr
