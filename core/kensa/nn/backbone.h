#pragma once
// The frozen, pretrained CNN that turns images into multi-scale feature maps (ADTR step 2).

#include <kensa/base/precision.h>

#include <torch/torch.h>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace kensa::nn {

// One output stage: its name in the original network, its stride relative to the input, its width.
struct FeatureStage {
    std::string name;
    int64_t stride = 0;
    int64_t channels = 0;
};

// Per-channel affine map from RGB in [0, 1] to what the weights were trained on.
struct InputNormalization {
    std::array<float, 3> mean{0.f, 0.f, 0.f};
    std::array<float, 3> std{1.f, 1.f, 1.f};
};

// torchvision's ImageNet statistics, for backbones trained with them.
inline constexpr InputNormalization kImageNetNormalization{{0.485f, 0.456f, 0.406f},
                                                           {0.229f, 0.224f, 0.225f}};

// Contract: images are [N, 3, H, W] float32 RGB in [0, 1] with H and W multiples of 32. extract() applies
// the backbone's own normalisation and returns one map per stage(), [N, channels, H/stride, W/stride],
// computed in eval mode without autograd. Backbones are frozen: nothing here is ever trained.
class Backbone {
public:
    virtual ~Backbone() = default;

    virtual std::string id() const = 0;
    virtual std::vector<FeatureStage> stages() const = 0;
    virtual InputNormalization normalization() const = 0;
    virtual torch::nn::Module& module() = 0;

    // Stage maps are float32 whatever the precision.
    std::vector<torch::Tensor> extract(const torch::Tensor& images);

    // Float32 is the reference. BFloat16 runs the convolutions in bf16 (oneDNN, fp32 accumulation) with bf16
    // activations between them: about 2x faster where the CPU has native bf16 dot products, but features
    // differ by bf16 rounding, so a model records which one it was fitted with. Auto resolves to BFloat16
    // on such CPUs and to Float32 elsewhere. BFloat16 throws kensa::Error where oneDNN cannot run bf16
    // convolutions at all (CPUs without AVX-512: nn::cpu_runs_bf16_convolutions).
    void set_precision(Precision precision);
    Precision precision() const { return m_precision; }  // Float32 or BFloat16

    // Loads pretrained weights (safetensors; names, shapes and dtypes checked). Backbones that
    // precompute something from their weights (e.g. folded BatchNorm) override this.
    virtual void load_weights(const std::filesystem::path& path);

    int64_t total_channels() const;

protected:
    // Receives normalised images; called under NoGradGuard with module() in eval mode.
    virtual std::vector<torch::Tensor> forward_stages(const torch::Tensor& normalized) = 0;

private:
    Precision m_precision = Precision::Float32;
};

// Normalises, then forwards: the shared part of every extract() (also used by parity tests).
torch::Tensor normalize_images(const torch::Tensor& images, const InputNormalization& norm);

}  // namespace kensa::nn
