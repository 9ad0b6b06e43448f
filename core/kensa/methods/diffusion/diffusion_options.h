#pragma once
// The diffusion denoiser's settings ("Removing Anomalies as Noises", Lu et al., ICCV 2023). LibTorch-free.
//
// Sized for a CPU: the paper fine-tunes a 256 px ImageNet diffusion UNet of several hundred million
// parameters; Kensa trains a small UNet from scratch at `resolution` (docs/benchmarks.md measures what
// resolution buys).

namespace kensa::diffusion {

struct DiffusionOptions {
    // The denoiser's network and image side (a multiple of 16: the UNet halves it three times).
    int resolution = 64;
    int base_channels = 32;  // width of the first level; the levels below have 2x
    int res_blocks = 1;      // residual blocks per level on the way down (one more on the way up)

    // Training: epochs over the normal images, AdamW, an exponential moving average of the weights.
    int epochs = 150;
    int batch_size = 8;
    double learning_rate = 2e-4;
    double ema_decay = 0.995;

    // The noise schedule: DDPM's linear betas (1e-4 .. 0.02) over `diffusion_steps` steps.
    int diffusion_steps = 1000;
    // Inspection: the test image noised to `start_step` (of diffusion_steps: enough to drown a defect,
    // not the product's structure), then denoised step by step along `sampling_steps` evenly spaced
    // steps of the schedule (the paper's respacing: 250). 50, not the paper's 200: better on 9 of the
    // quality benchmark's 10 products with alpha 1 (docs/benchmarks.md, "The diffusion denoiser").
    int start_step = 50;
    int sampling_steps = 50;

    // The anomaly map: alpha x the per-pixel KL term + (1 - alpha) x the feature term, each scaled by its
    // spread on the training images. The paper's ensemble is alpha 0.5; at Kensa's 64 px the feature term
    // is the weak one, and the KL term alone is best on the benchmark's mean (and skips the backbone).
    double alpha = 1.0;

    // Throws kensa::Error naming the first bad field.
    void validate() const;
};

}  // namespace kensa::diffusion
