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

// The Gaussians as the distance kernel reads them: each (symmetric) precision matrix as its upper triangle,
// row by row, with the off-diagonal entries doubled — half the bytes, and reading them is what the distance
// costs (125 MB of full matrices per batch at stride 4 with 100 channels).
struct PackedGaussians {
    torch::Tensor mean;       // [g*g, C]
    torch::Tensor triangles;  // [g*g, C*(C+1)/2]
};
PackedGaussians pack(const Gaussians& gaussians);

// Mahalanobis distance of every position of features [N, C, g, g] to its Gaussian: [N, g, g]. `portable`
// forces the plain C++ kernel where the CPU would run the AVX-512 one (for tests).
torch::Tensor mahalanobis(const torch::Tensor& features, const PackedGaussians& gaussians, bool portable = false);
torch::Tensor mahalanobis(const torch::Tensor& features, const Gaussians& gaussians);

}  // namespace kensa::padim
