#include <kensa/methods/diffusion/diffusion_training.h>

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cmath>
#include <string>

namespace kensa::diffusion {

torch::Tensor denoiser_loss(DenoiserUNetImpl& unet, const NoiseSchedule& schedule, const torch::Tensor& images,
                            const torch::Tensor& t, const torch::Tensor& noise) {
    const auto xt = schedule.noised(images, t, noise);
    const auto output = unet.forward(xt, t);
    const int64_t c = images.size(1);
    const auto mse = (output.slice(1, 0, c) - noise).square().mean();
    // The variational term sees the noise prediction detached: it trains the variance only.
    const auto detached = torch::cat({output.slice(1, 0, c).detach(), output.slice(1, c, 2 * c)}, 1);
    const auto kl = normal_kl(schedule.posterior(images, xt, t), schedule.reverse_step(xt, t, detached));
    const auto per_image = kl.mean({1, 2, 3}) / std::log(2.0);
    const auto vb = (per_image * (t > 0).to(per_image.scalar_type())).mean();
    return mse + vb;
}

DenoiserUNet train_denoiser(DenoiserUNet unet, const NoiseSchedule& schedule, const torch::Tensor& images,
                            const DiffusionOptions& options, uint64_t seed, const ProgressCallback& progress,
                            DenoiserTrainingRecord& record) {
    using Clock = std::chrono::steady_clock;
    DenoiserUNet average(unet->shape());
    {
        torch::NoGradGuard no_grad;
        const auto from = unet->parameters();
        auto to = average->parameters();
        for (size_t i = 0; i < from.size(); ++i)
            to[i].copy_(from[i]);
    }
    average->eval();
    unet->train();
    torch::optim::AdamW optimizer(unet->parameters(),
                                  torch::optim::AdamWOptions(options.learning_rate).weight_decay(0.0));
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    const int64_t n = images.size(0), batch = std::min<int64_t>(options.batch_size, n);
    const int64_t steps_per_epoch = (n + batch - 1) / batch, total = steps_per_epoch * options.epochs;
    const auto parameters = unet->parameters();
    auto averaged = average->parameters();
    int64_t step = 0;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        const auto start = Clock::now();
        const auto order = torch::randperm(n, generator, torch::kLong);
        double loss_sum = 0.0;
        for (int64_t first = 0; first < n; first += batch) {
            const auto rows = order.slice(0, first, std::min(first + batch, n));
            const auto x0 = images.index_select(0, rows);
            const auto t = torch::randint(schedule.size(), {rows.size(0)}, generator, torch::kLong);
            const auto noise = torch::randn(x0.sizes(), generator);
            const auto loss = denoiser_loss(*unet, schedule, x0, t, noise);
            optimizer.zero_grad();
            loss.backward();
            torch::nn::utils::clip_grad_norm_(parameters, 1.0);
            optimizer.step();
            {
                torch::NoGradGuard no_grad;
                for (size_t i = 0; i < parameters.size(); ++i)
                    averaged[i].mul_(options.ema_decay).add_(parameters[i].detach(), 1.0 - options.ema_decay);
            }
            const double value = loss.item<double>();
            loss_sum += value;
            ++step;
            report(progress, {"training", step, total,
                              "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(options.epochs), value});
        }
        record.epoch_losses.push_back(loss_sum / static_cast<double>(steps_per_epoch));
        record.epoch_seconds.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    return average;
}

}  // namespace kensa::diffusion
