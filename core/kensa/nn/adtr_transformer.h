#pragma once
// ADTR's feature-reconstruction transformer (You et al., ECCV 2022, with UniAD's refinements) and its
// losses. Input and output are backbone feature grids [N, C, g, g]; the anomaly score of a position is
// how badly the model reconstructs it.
//
// Parameter names (for safetensors files) equal bench/adtr/adtr_pytorch.py's PyTorch twin, whose
// attention blocks are torch.nn.MultiheadAttention ("encoder.0.self_attn.in_proj_weight", ...).

#include <kensa/model/adtr_config.h>

#include <torch/torch.h>

#include <memory>
#include <vector>

namespace kensa::nn {

namespace detail {
class AdtrEncoderLayerImpl;
class AdtrDecoderLayerImpl;
class WeightCache;
// For tests: run the portable scalar dropout/softmax kernels even where AVX2/AVX-512 ones exist.
void use_portable_kernels(bool portable);
}  // namespace detail

// True when the CPU has native bf16 dot products (avx512_bf16; AMX CPUs have it too): there oneDNN's
// bf16 GEMMs run 4-6x faster than fp32 BLAS. Elsewhere bf16 is emulated and slower than fp32.
bool cpu_has_native_bf16();
// Auto -> BFloat16 or Float32 by cpu_has_native_bf16(); the others unchanged.
model::Precision resolve_precision(model::Precision precision);

class AdtrTransformerImpl : public torch::nn::Module {
public:
    // Throws kensa::Error when the configuration is invalid. Parameters are initialised as by
    // reset_parameters().
    explicit AdtrTransformerImpl(const model::AdtrConfig& config,
                                 model::Precision precision = model::Precision::Auto);

    // features: [N, C, g, g] float. Returns the reconstruction [N, C, g, g] float in either precision.
    // Dropout and feature jitter act only in train() mode.
    torch::Tensor forward(const torch::Tensor& features);

    // Xavier-uniform weight matrices, zero biases, unit layer norms, N(0, 1) positional and query
    // embeddings (as torch.nn.Embedding).
    void reset_parameters();

    // Cheap to switch at any time (weights stay fp32); Auto is resolved here.
    void set_precision(model::Precision precision);
    model::Precision precision() const { return m_precision; }  // never Auto
    const model::AdtrConfig& config() const { return m_config; }

private:
    model::AdtrConfig m_config;
    model::Precision m_precision = model::Precision::Float32;
    torch::nn::Linear m_input_proj{nullptr};
    torch::nn::Linear m_output_proj{nullptr};
    torch::Tensor m_pos_embed;     // [g*g, d], added to queries and keys of every attention (a buffer when sine)
    torch::Tensor m_shared_query;  // [g*g, d] in QueryMode::Shared, else undefined
    torch::nn::ModuleList m_encoder{nullptr};
    torch::nn::ModuleList m_decoder{nullptr};
    torch::nn::LayerNorm m_encoder_norm{nullptr};  // pre-norm only
    torch::nn::LayerNorm m_decoder_norm{nullptr};
    std::vector<std::shared_ptr<detail::AdtrEncoderLayerImpl>> m_encoder_layers;
    std::vector<std::shared_ptr<detail::AdtrDecoderLayerImpl>> m_decoder_layers;
    // Additive attention masks [g*g, g*g] (-inf inside the window, 0 outside) per compute dtype;
    // undefined when neighbour_mask is 0. Not parameters: they follow from the configuration.
    torch::Tensor m_mask_f32;
    torch::Tensor m_mask_bf16;
    std::shared_ptr<detail::WeightCache> m_weight_cache;  // bf16 weights for no-grad calls
};
TORCH_MODULE(AdtrTransformer);

// UniAD's additive neighbourhood mask [g*g, g*g]: -inf where |row - row'| and |col - col'| are both at
// most window / 2 (a position and its neighbours), 0 elsewhere.
torch::Tensor neighbourhood_mask(int grid, int window);

// Fixed 2-D position codes [g*g, dim] (dim a multiple of 4): the first dim/2 channels code the row, the
// rest the column, as sin/cos pairs at frequencies 10000^(-2k/(dim/2)) of the position scaled to 2 pi.
torch::Tensor sine_position_embedding(int grid, int dim);

// Dropout whose mask comes from a counter-based hash seeded from torch's default generator: the same
// distribution as torch::dropout at a fraction of its cost on this stack (whose per-element Bernoulli
// sampling dominated a training step). Identity when !train or p == 0.
torch::Tensor fast_dropout(const torch::Tensor& x, double p, bool train);

// Softmax over the last dimension, then dropout with fast_dropout's masks (train && p > 0), in one
// pass forward and one backward; fp32 or bf16 (computed in fp32). What the attention layers use.
torch::Tensor softmax_dropout(const torch::Tensor& scores, double p, bool train);

// ---- Scores and losses. reconstruction and features are [N, C, g, g]; y marks anomalies with 1.

// Per-position anomaly score: the L2 norm over channels of (reconstruction - features), [N, g, g]; with
// channel_scale [C], each channel's difference is divided by it first.
torch::Tensor anomaly_grid(const torch::Tensor& reconstruction, const torch::Tensor& features,
                           const torch::Tensor& channel_scale = {});

// Normal-only training loss: mean squared error over all elements.
torch::Tensor reconstruction_loss(const torch::Tensor& reconstruction, const torch::Tensor& features);

// The normal-only loss per position, [N, g, g]: mean_c d(c,u)^2 (its mean over positions is
// reconstruction_loss).
torch::Tensor squared_difference(const torch::Tensor& reconstruction, const torch::Tensor& features);

// ADTR+'s per-position pseudo-Huber difference phi(u) = sqrt(mean_c d(c,u)^2 + 1) - 1, [N, g, g], i.e.
// pseudo_huber(squared_difference(...)).
torch::Tensor pseudo_huber_difference(const torch::Tensor& reconstruction, const torch::Tensor& features);
torch::Tensor pseudo_huber(const torch::Tensor& squared);

// ADTR+ pixel-level loss for phi [N, g, g] and y [N, g, g] (1 = anomalous position), per image
//   L = mean_u((1 - y) phi) - alpha log(1 - exp(-mean_u(y phi)))
// averaged over the batch. The second term is left out for images without anomalous positions (where
// it would be log 0), and mean_u(y phi) is floored at 1e-6 so a perfectly reconstructed defect gives a
// large but finite loss.
torch::Tensor pixel_level_loss(const torch::Tensor& phi, const torch::Tensor& y, double alpha = 0.003);

// The same with the normal term on `pull` [N, g, g] instead of phi (the push stays on phi):
//   L = mean_u((1 - y) pull) - alpha log(1 - exp(-mean_u(y phi))).
torch::Tensor pixel_level_loss(const torch::Tensor& pull, const torch::Tensor& phi, const torch::Tensor& y,
                               double alpha);

// ADTR+ image-level loss for phi [N, g, g] and y [N] (1 = anomalous image): with q the mean of the k
// largest phi of an image (all of them when it has fewer than k),
//   L = (1 - y) q - alpha y log(1 - exp(-q)),
// averaged over the batch; q is floored at 1e-6 inside the log.
torch::Tensor image_level_loss(const torch::Tensor& phi, const torch::Tensor& y, double alpha = 0.003,
                               int k = 20);

}  // namespace kensa::nn
