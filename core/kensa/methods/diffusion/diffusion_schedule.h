#pragma once
// DDPM's noise schedule and its closed forms (Ho et al. 2020; the learned variance of Nichol & Dhariwal
// 2021), for the diffusion denoiser. Method-internal: includes LibTorch.
//
// Notation: beta_t, alpha_t = 1 - beta_t, abar_t = prod_{s<=t} alpha_s (abar_{-1} = 1). Images are in
// [-1, 1]. Per-step values are float64 tensors [K]; per-image step indices are int64 [N].

#include <torch/torch.h>

#include <cstdint>

namespace kensa::diffusion {

// A diagonal Gaussian per element.
struct Gaussian {
    torch::Tensor mean;
    torch::Tensor log_variance;
};

class NoiseSchedule {
public:
    // beta_t evenly from beta_start to beta_end over `steps` steps (DDPM: 1e-4 .. 0.02, 1000 steps).
    static NoiseSchedule linear(int64_t steps, double beta_start = 1e-4, double beta_end = 0.02);

    // `count` steps evenly spaced over this schedule (first and last kept), their betas recomputed so that
    // abar stays the same at the kept steps: beta_k = 1 - abar_{t_k} / abar_{t_{k-1}} (guided-diffusion's
    // respacing). original_step(k) is t_k.
    NoiseSchedule respaced(int64_t count) const;

    int64_t size() const { return m_betas.size(0); }
    int64_t original_step(int64_t k) const { return m_original[k].item<int64_t>(); }
    const torch::Tensor& original_steps() const { return m_original; }
    const torch::Tensor& betas() const { return m_betas; }
    const torch::Tensor& alphas_cumprod() const { return m_abar; }
    const torch::Tensor& posterior_variance() const { return m_posterior_variance; }

    // x_t = sqrt(abar_t) x0 + sqrt(1 - abar_t) noise.
    torch::Tensor noised(const torch::Tensor& x0, const torch::Tensor& t, const torch::Tensor& noise) const;

    // q(x_{t-1} | x_t, x0): mean = c1 x0 + c2 x_t with c1 = beta_t sqrt(abar_{t-1}) / (1 - abar_t),
    // c2 = (1 - abar_{t-1}) sqrt(alpha_t) / (1 - abar_t); variance beta~_t = beta_t (1 - abar_{t-1}) /
    // (1 - abar_t), its log clipped at t = 0 (where it is 0) to t = 1's.
    Gaussian posterior(const torch::Tensor& x0, const torch::Tensor& xt, const torch::Tensor& t) const;

    // x0 from a noise prediction: x_t / sqrt(abar_t) - sqrt(1 / abar_t - 1) eps, clamped to [-1, 1].
    torch::Tensor predicted_x0(const torch::Tensor& xt, const torch::Tensor& t, const torch::Tensor& eps) const;

    // p(x_{t-1} | x_t) from the network's output [N, 2C, H, W]: the noise prediction (first C channels) and
    // v in [-1, 1] (the rest), log variance = f log beta_t + (1 - f) log beta~_t with f = (v + 1) / 2; the
    // mean is the posterior mean at the predicted x0.
    Gaussian reverse_step(const torch::Tensor& xt, const torch::Tensor& t, const torch::Tensor& output) const;

private:
    NoiseSchedule(torch::Tensor betas, torch::Tensor original);
    // values[t] shaped to broadcast over x: [N, 1, 1, 1], in x's dtype.
    static torch::Tensor at(const torch::Tensor& values, const torch::Tensor& t, const torch::Tensor& x);

    torch::Tensor m_betas, m_original, m_abar, m_abar_prev, m_posterior_variance, m_posterior_log_variance,
        m_posterior_c1, m_posterior_c2;
};

// KL(N(mean1, exp(logvar1)) || N(mean2, exp(logvar2))) per element, in nats:
// 0.5 (-1 + logvar2 - logvar1 + exp(logvar1 - logvar2) + (mean1 - mean2)^2 exp(-logvar2)).
torch::Tensor normal_kl(const Gaussian& p, const Gaussian& q);

}  // namespace kensa::diffusion
