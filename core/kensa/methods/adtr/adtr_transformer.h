#pragma once
// ADTR's feature-reconstruction transformer (You et al., ECCV 2022, with UniAD's refinements;
// method-internal, includes LibTorch). Input and output are backbone feature grids [N, C, g, g]; the
// anomaly score of a position is how badly the model rebuilds it (adtr_losses.h). Its attention runs on
// the kernels of adtr_kernels.h.
//
// Parameter names (for safetensors files) equal bench/adtr/adtr_pytorch.py's PyTorch twin, whose
// attention blocks are torch.nn.MultiheadAttention ("encoder.0.self_attn.in_proj_weight", ...).

#include <kensa/methods/adtr/adtr_config.h>

#include <torch/torch.h>

#include <memory>
#include <vector>

namespace kensa::adtr {

namespace detail {
class AdtrEncoderLayerImpl;
class AdtrDecoderLayerImpl;
class WeightCache;
}  // namespace detail

// Auto -> BFloat16 or Float32 by nn::cpu_has_native_bf16(); the others unchanged.
Precision resolve_precision(Precision precision);

class AdtrTransformerImpl : public torch::nn::Module {
public:
    // Throws kensa::Error when the configuration is invalid. Parameters are initialised as by
    // reset_parameters().
    explicit AdtrTransformerImpl(const AdtrConfig& config,
                                 Precision precision = Precision::Auto);

    // features: [N, C, g, g] float. Returns the reconstruction [N, C, g, g] float in either precision.
    // Dropout and feature jitter act only in train() mode.
    torch::Tensor forward(const torch::Tensor& features);

    // Xavier-uniform weight matrices, zero biases, unit layer norms, N(0, 1) positional and query
    // embeddings (as torch.nn.Embedding).
    void reset_parameters();

    // Cheap to switch at any time (weights stay fp32); Auto is resolved here.
    void set_precision(Precision precision);
    Precision precision() const { return m_precision; }  // never Auto
    const AdtrConfig& config() const { return m_config; }

private:
    AdtrConfig m_config;
    Precision m_precision = Precision::Float32;
    torch::nn::Linear m_input_proj{nullptr};
    torch::nn::Linear m_output_proj{nullptr};
    torch::Tensor m_pos_embed;     // [g*g, d] learned, added to queries and keys of every attention
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

}  // namespace kensa::adtr
