#pragma once
// The small diffusion denoiser the tests train (32 px, width 16, 25 sampling steps): seconds per model
// instead of minutes, and steps of milliseconds. The epochs stay the caller's: 150 separate an obvious
// defect on the tests' generated images (90 do not), a few exercise the plumbing.

#include <kensa/methods/diffusion/diffusion_options.h>

namespace kensa::test {

inline void use_tiny_denoiser(diffusion::DiffusionOptions& o) {
    o.resolution = 32;
    o.base_channels = 16;
    o.learning_rate = 1e-3;
    o.sampling_steps = 25;
}

}  // namespace kensa::test
