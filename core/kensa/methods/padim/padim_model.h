#pragma once
// PaDiM's arithmetic on feature tensors (method-internal; includes LibTorch), apart from images and bundles
// so tests can check it against an independent NumPy implementation on the same features.

#include <torch/torch.h>

namespace kensa::padim {

struct Gaussians {
    torch::Tensor mean;       // [g*g, C]
    torch::Tensor precision;  // [g*g, C, C], the inverse of each position's regularised covariance
};

// One multivariate Gaussian per grid position over features [N, C, g, g]: the sample mean and the unbiased
// covariance + regularisation * I, inverted in double precision.
Gaussians fit_gaussians(const torch::Tensor& features, double regularisation);

// Mahalanobis distance of every position of features [N, C, g, g] to its Gaussian: [N, g, g].
torch::Tensor mahalanobis(const torch::Tensor& features, const Gaussians& gaussians);

}  // namespace kensa::padim
