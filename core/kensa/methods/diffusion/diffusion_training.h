#pragma once
// Training the denoiser on normal images (method-internal; includes LibTorch): DDPM's objective with a
// learned variance (Nichol & Dhariwal 2021) — per step, a random diffusion step t per image, the image
// noised to it, and the loss = the noise prediction's mean squared error + the KL of the posterior
// q(x_{t-1} | x_t, x0) against the model's reverse step with its mean held fixed (so this term trains only
// the variance), in bits per dimension. At t = 0 that KL is left out (the paper's decoder likelihood is
// not implemented: inspection never uses step 0's variance). The weights kept are an exponential moving
// average of the trained ones.

#include <kensa/base/progress.h>
#include <kensa/methods/diffusion/diffusion_options.h>
#include <kensa/methods/diffusion/diffusion_schedule.h>
#include <kensa/methods/diffusion/diffusion_unet.h>

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace kensa::diffusion {

struct DenoiserTrainingRecord {
    std::vector<double> epoch_losses;
    std::vector<double> epoch_seconds;
};

// The loss of one batch (images [N, C, S, S] in [-1, 1], steps t [N], noise like images).
torch::Tensor denoiser_loss(DenoiserUNetImpl& unet, const NoiseSchedule& schedule, const torch::Tensor& images,
                            const torch::Tensor& t, const torch::Tensor& noise);

// Trains `unet` for options.epochs passes over `images` and returns the moving average of its weights as a
// new network (eval mode). Reports ("training", step, steps, "epoch e/E", loss) after every step; throws
// Cancelled when progress asks to stop.
DenoiserUNet train_denoiser(DenoiserUNet unet, const NoiseSchedule& schedule, const torch::Tensor& images,
                            const DiffusionOptions& options, uint64_t seed, const ProgressCallback& progress,
                            DenoiserTrainingRecord& record);

}  // namespace kensa::diffusion
