#pragma once
// PatchCore (Roth et al., CVPR 2022) as a Kensa method: a memory bank of locally aware patch features
// of normal images, thinned by a greedy coreset; a patch's anomaly score is its distance to the nearest
// memory patch. LibTorch-free.

#include <kensa/methods/method.h>

namespace kensa::patchcore {

const engine::Method& patchcore_method();

}  // namespace kensa::patchcore
