#pragma once
// PatchCore (Roth et al., CVPR 2022) settings. LibTorch-free.

#include <cstdint>

namespace kensa::patchcore {

struct PatchCoreOptions {
    // Locally aware patch features: the backbone's two mid-level stages (the last two of Kensa's
    // backbones: strides 8 and 16), each position averaged over its 3 x 3 neighbourhood, on a stride-8 grid
    // (28 x 28 for 224 px).
    int grid_stride = 8;
    int neighbourhood = 3;
    double coreset_ratio = 0.1;  // the memory bank keeps this share of all training patches (greedy k-center)
    int projection_dim = 128;    // coreset distances on a random projection to this many dimensions (0: none)
    int reweight_neighbours = 9;  // the image score's re-weighting: neighbours of the nearest memory patch

    // Throws kensa::Error naming the first bad field.
    void validate() const;
};

}  // namespace kensa::patchcore
