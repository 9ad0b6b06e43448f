#include <kensa/methods/diffusion/diffusion_scorer.h>

#include <kensa/base/error.h>
#include <kensa/nn/image_tensor.h>

#include <ATen/CPUGeneratorImpl.h>

#include <utility>

namespace kensa::diffusion {

std::vector<cv::Mat> at_resolution(const std::vector<cv::Mat>& images, int64_t side) {
    std::vector<cv::Mat> out;
    out.reserve(images.size());
    for (const auto& image : images)
        out.push_back(nn::resized_square(image, side));
    return out;
}

DenoiserScorer::DenoiserScorer(DenoiserUNet unet, const NoiseSchedule& schedule, int64_t sampling_steps,
                               int64_t start_step, uint64_t seed, FeatureFunction features,
                               torch::Tensor feature_std)
    : m_unet(std::move(unet)),
      m_sampling(schedule.respaced(sampling_steps)),
      m_seed(seed),
      m_features(std::move(features)),
      m_feature_std(std::move(feature_std)) {
    if (start_step < 1 || start_step >= schedule.size())
        throw Error("diffusion: the start step must lie within the schedule (1.." + std::to_string(schedule.size() - 1) +
                    ")");
    // The last kept step at or below start_step; at least one denoising step.
    const auto kept = m_sampling.original_steps();
    m_start = 1;
    for (int64_t k = 1; k < kept.size(0); ++k)
        if (kept[k].item<int64_t>() <= start_step)
            m_start = k;
    m_unet->eval();
}

DenoiserTerms DenoiserScorer::terms(const std::vector<cv::Mat>& images, int64_t resolution, bool with_features) {
    torch::NoGradGuard no_grad;
    const auto small = at_resolution(images, resolution);
    const auto x0 = nn::images_to_tensor(small, resolution) * 2.0 - 1.0;
    const int64_t n = x0.size(0);
    auto generator = at::make_generator<at::CPUGeneratorImpl>(m_seed);
    const auto noise = [&] { return torch::randn({1, x0.size(1), resolution, resolution}, generator).expand_as(x0); };

    auto t = torch::full({n}, m_start, torch::kLong);
    auto x = m_sampling.noised(x0, t, noise());
    auto kl = torch::zeros({n, resolution, resolution});
    for (int64_t k = m_start; k >= 0; --k) {
        t.fill_(k);
        const auto output = m_unet->forward(x, torch::full({n}, m_sampling.original_step(k), torch::kLong));
        const auto reverse = m_sampling.reverse_step(x, t, output);
        // Step 0's posterior is a point (x0 itself): its KL measures the variance floor, not the image.
        if (k > 0) {
            kl += normal_kl(m_sampling.posterior(x0, x, t), reverse).mean(1);
            x = reverse.mean + torch::exp(0.5 * reverse.log_variance) * noise();
        } else {
            x = reverse.mean;
        }
    }
    const auto reconstruction = x.clamp(-1.0, 1.0);
    if (!with_features)
        return {kl.to(torch::kFloat), torch::zeros_like(kl, torch::kFloat), reconstruction};

    const auto test_features = m_features(small);
    const auto reconstructed_features = m_features(nn::tensor_to_images((reconstruction + 1.0) / 2.0));
    const auto scale = m_feature_std.view({1, -1, 1, 1});
    auto feature = ((test_features - reconstructed_features) / scale).square().mean(1, /*keepdim=*/true);
    namespace F = torch::nn::functional;
    feature = F::interpolate(feature, F::InterpolateFuncOptions()
                                          .size(std::vector<int64_t>{resolution, resolution})
                                          .mode(torch::kBilinear)
                                          .align_corners(false))
                  .squeeze(1);
    return {kl.to(torch::kFloat), feature, reconstruction};
}

torch::Tensor DenoiserScorer::combine(const DenoiserTerms& terms, const TermStatistics& s, double alpha) {
    return alpha * (terms.kl - s.kl_mean) / s.kl_std + (1.0 - alpha) * (terms.feature - s.feature_mean) / s.feature_std;
}

TermStatistics term_statistics(const DenoiserTerms& terms) {
    const auto spread = [](const torch::Tensor& x) { return std::max(x.std().item<double>(), 1e-12); };
    return {terms.kl.mean().item<double>(), spread(terms.kl), terms.feature.mean().item<double>(),
            spread(terms.feature)};
}

}  // namespace kensa::diffusion
