#pragma once
// PaDiM (Defard et al., 2021) as a Kensa method: per grid position, a multivariate Gaussian of the normal
// images' multi-stage features (a random channel subset); a position's anomaly score is its Mahalanobis
// distance. LibTorch-free.

#include <kensa/methods/method.h>

namespace kensa::padim {

const engine::Method& padim_method();

}  // namespace kensa::padim
