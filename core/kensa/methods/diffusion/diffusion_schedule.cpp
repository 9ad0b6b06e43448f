#include <kensa/methods/diffusion/diffusion_schedule.h>

#include <kensa/base/error.h>

#include <cmath>
#include <utility>

namespace kensa::diffusion {

NoiseSchedule::NoiseSchedule(torch::Tensor betas, torch::Tensor original)
    : m_betas(std::move(betas)), m_original(std::move(original)) {
    const auto opts = torch::TensorOptions().dtype(torch::kFloat64);
    m_abar = torch::cumprod(1.0 - m_betas, 0);
    m_abar_prev = torch::cat({torch::ones({1}, opts), m_abar.slice(0, 0, -1)});
    m_posterior_variance = m_betas * (1.0 - m_abar_prev) / (1.0 - m_abar);
    // beta~_0 is 0: its log is taken from step 1, as the reverse process never samples from it.
    auto clipped = m_posterior_variance.clone();
    if (clipped.size(0) > 1)
        clipped[0] = m_posterior_variance[1];
    m_posterior_log_variance = torch::log(clipped);
    m_posterior_c1 = m_betas * torch::sqrt(m_abar_prev) / (1.0 - m_abar);
    m_posterior_c2 = (1.0 - m_abar_prev) * torch::sqrt(1.0 - m_betas) / (1.0 - m_abar);
}

NoiseSchedule NoiseSchedule::linear(int64_t steps, double beta_start, double beta_end) {
    if (steps < 2)
        throw Error("diffusion: the schedule needs at least 2 steps");
    if (!(beta_start > 0 && beta_start <= beta_end && beta_end < 1))
        throw Error("diffusion: betas must satisfy 0 < start <= end < 1");
    const auto opts = torch::TensorOptions().dtype(torch::kFloat64);
    return NoiseSchedule(torch::linspace(beta_start, beta_end, steps, opts), torch::arange(steps, torch::kLong));
}

NoiseSchedule NoiseSchedule::respaced(int64_t count) const {
    const int64_t steps = size();
    if (count < 2 || count > steps)
        throw Error("diffusion: " + std::to_string(count) + " sampling steps do not fit a schedule of " +
                    std::to_string(steps));
    // t_k = round(k (T - 1) / (count - 1)): evenly spaced, the first and last step kept.
    auto kept = torch::empty({count}, torch::kLong);
    auto* p = kept.data_ptr<int64_t>();
    for (int64_t k = 0; k < count; ++k)
        p[k] = static_cast<int64_t>(std::llround(static_cast<double>(k) * static_cast<double>(steps - 1) /
                                                 static_cast<double>(count - 1)));
    const auto abar = m_abar.index_select(0, kept);
    const auto abar_prev =
        torch::cat({torch::ones({1}, torch::TensorOptions().dtype(torch::kFloat64)), abar.slice(0, 0, -1)});
    return NoiseSchedule(1.0 - abar / abar_prev, m_original.index_select(0, kept));
}

torch::Tensor NoiseSchedule::at(const torch::Tensor& values, const torch::Tensor& t, const torch::Tensor& x) {
    return values.index_select(0, t).to(x.scalar_type()).view({-1, 1, 1, 1});
}

torch::Tensor NoiseSchedule::noised(const torch::Tensor& x0, const torch::Tensor& t, const torch::Tensor& noise) const {
    return at(torch::sqrt(m_abar), t, x0) * x0 + at(torch::sqrt(1.0 - m_abar), t, x0) * noise;
}

Gaussian NoiseSchedule::posterior(const torch::Tensor& x0, const torch::Tensor& xt, const torch::Tensor& t) const {
    const auto mean = at(m_posterior_c1, t, xt) * x0 + at(m_posterior_c2, t, xt) * xt;
    return {mean, at(m_posterior_log_variance, t, xt).expand_as(xt)};
}

torch::Tensor NoiseSchedule::predicted_x0(const torch::Tensor& xt, const torch::Tensor& t,
                                          const torch::Tensor& eps) const {
    const auto x0 = at(torch::rsqrt(m_abar), t, xt) * xt - at(torch::sqrt(1.0 / m_abar - 1.0), t, xt) * eps;
    return x0.clamp(-1.0, 1.0);
}

Gaussian NoiseSchedule::reverse_step(const torch::Tensor& xt, const torch::Tensor& t,
                                     const torch::Tensor& output) const {
    const int64_t c = xt.size(1);
    if (output.dim() != 4 || output.size(1) != 2 * c)
        throw Error("diffusion: the network's output has " + std::to_string(output.size(1)) +
                    " channels where the noise and the variance need " + std::to_string(2 * c));
    const auto eps = output.slice(1, 0, c);
    const auto v = output.slice(1, c, 2 * c);
    const auto fraction = (v + 1.0) / 2.0;
    const auto log_variance =
        fraction * at(torch::log(m_betas), t, xt) + (1.0 - fraction) * at(m_posterior_log_variance, t, xt);
    return {posterior(predicted_x0(xt, t, eps), xt, t).mean, log_variance};
}

torch::Tensor normal_kl(const Gaussian& p, const Gaussian& q) {
    return 0.5 * (-1.0 + q.log_variance - p.log_variance + torch::exp(p.log_variance - q.log_variance) +
                  (p.mean - q.mean).square() * torch::exp(-q.log_variance));
}

}  // namespace kensa::diffusion
