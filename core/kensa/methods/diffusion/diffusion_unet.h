#pragma once
// The denoiser's network: a small UNet in the style of DDPM / guided-diffusion (residual blocks with the
// step's embedding, GroupNorm and SiLU, self-attention at the lowest resolution), predicting the noise
// and the variance interpolation v of each pixel. Method-internal: includes LibTorch.

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace kensa::diffusion {

struct UNetShape {
    int64_t image_channels = 3;
    int64_t base_channels = 32;
    int64_t res_blocks = 1;                 // per level on the way down; one more on the way up
    std::vector<int64_t> mults{1, 2, 2, 2};  // channels per level / base; the image is halved between levels
    int64_t attention_heads = 4;            // at the lowest resolution (0: none)
};

class DenoiserUNetImpl : public torch::nn::Module {
public:
    explicit DenoiserUNetImpl(const UNetShape& shape);

    // x [N, C, S, S] (S a multiple of 2^(levels - 1)), t [N] int64 diffusion steps -> [N, 2C, S, S]: the
    // predicted noise, then v in [-1, 1] (NoiseSchedule::reverse_step).
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& t);

    const UNetShape& shape() const { return m_shape; }

private:
    UNetShape m_shape;
    torch::nn::Sequential m_time{nullptr};
    torch::nn::Conv2d m_in{nullptr};
    torch::nn::ModuleList m_down{nullptr};  // residual blocks and downsamplers, in order
    torch::nn::ModuleList m_middle{nullptr};
    torch::nn::ModuleList m_up{nullptr};    // residual blocks (taking a skip) and upsamplers, in order
    torch::nn::GroupNorm m_out_norm{nullptr};
    torch::nn::Conv2d m_out{nullptr};
};
TORCH_MODULE(DenoiserUNet);

// sin/cos features of the step at geometric frequencies 1 .. 1/10000 (the Transformer's), [N, dim].
torch::Tensor step_embedding(const torch::Tensor& t, int64_t dim);

}  // namespace kensa::diffusion
