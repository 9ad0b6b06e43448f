#pragma once
// ADTR (You et al., ECCV 2022) as a Kensa method: a frozen CNN's multi-scale features, rebuilt by a
// transformer trained on normal images (and, as ADTR+, on defects); the reconstruction error is the
// anomaly grid. LibTorch-free.

#include <kensa/methods/method.h>

namespace kensa::adtr {

const engine::Method& adtr_method();

}  // namespace kensa::adtr
