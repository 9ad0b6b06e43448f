#include <kensa/methods/padim/padim_model.h>

#include <kensa/base/error.h>

namespace kensa::padim {

namespace {
// [N, C, g, g] -> [g*g, N, C]
torch::Tensor by_position(const torch::Tensor& features) {
    return features.flatten(2).permute({2, 0, 1});
}
}  // namespace

Gaussians fit_gaussians(const torch::Tensor& features, double regularisation) {
    torch::NoGradGuard no_grad;
    const int64_t n = features.size(0), c = features.size(1);
    if (n < 2)
        throw Error("PaDiM needs at least 2 training images");
    const auto x = by_position(features).to(torch::kDouble);  // [P, N, C]
    const auto mean = x.mean(1);                                // [P, C]
    const auto centred = x - mean.unsqueeze(1);
    auto covariance = centred.transpose(1, 2).bmm(centred) / static_cast<double>(n - 1);  // [P, C, C]
    covariance += regularisation * torch::eye(c, torch::kDouble).unsqueeze(0);
    return {mean.to(torch::kFloat).contiguous(), torch::linalg_inv(covariance).to(torch::kFloat).contiguous()};
}

torch::Tensor mahalanobis(const torch::Tensor& features, const Gaussians& gaussians) {
    torch::NoGradGuard no_grad;
    const int64_t n = features.size(0), g = features.size(2);
    const auto d = by_position(features).to(torch::kFloat) - gaussians.mean.unsqueeze(1);  // [P, N, C]
    const auto squared = (d.bmm(gaussians.precision) * d).sum(2);                         // [P, N]
    return squared.clamp_min(0.0).sqrt().t().reshape({n, g, g}).contiguous();
}

}  // namespace kensa::padim
