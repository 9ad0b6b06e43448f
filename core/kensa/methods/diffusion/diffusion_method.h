#pragma once
// The diffusion denoiser of "Removing Anomalies as Noises for Industrial Defect Localization" (Lu et al.,
// ICCV 2023) as a Kensa method: a DDPM trained on normal images; a test image is noised to an intermediate
// step and denoised back step by step, and the anomaly map mixes the per-pixel KL divergence between the
// forward posterior and the model's reverse steps with a backbone-feature comparison of the image and its
// reconstruction (diffusion_scorer.h). LibTorch-free.

#include <kensa/methods/method.h>

namespace kensa::diffusion {

const engine::Method& diffusion_method();

}  // namespace kensa::diffusion
