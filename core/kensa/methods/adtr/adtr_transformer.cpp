#include <kensa/methods/adtr/adtr_transformer.h>

#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_kernels.h>
#include <kensa/nn/runtime.h>

#include <cmath>
#include <limits>
#include <mutex>
#include <unordered_map>

namespace kensa::adtr {

using torch::Tensor;

// ------------------------------------------------------------------------------------------ precision

Precision resolve_precision(Precision precision) {
    if (precision != Precision::Auto)
        return precision;
    return nn::cpu_has_native_bf16() ? Precision::BFloat16 : Precision::Float32;
}

Tensor neighbourhood_mask(int grid, int window) {
    const auto idx = torch::arange(grid * grid, torch::kLong);
    const auto row = idx.div(grid, "floor"), col = idx.remainder(grid);
    const int half = window / 2;
    const auto near = (row.unsqueeze(1) - row.unsqueeze(0)).abs().le(half) &
                      (col.unsqueeze(1) - col.unsqueeze(0)).abs().le(half);
    return torch::zeros({grid * grid, grid * grid}).masked_fill(near, -std::numeric_limits<float>::infinity());
}

// ------------------------------------------------------------------------------------------ layers

namespace detail {

// Compute-dtype copies of parameters for inference, where a bf16 model would otherwise convert all its
// weights on every call. Entries hold the source tensor (so its address stays unique) and its version
// counter, which optimiser steps and weight loading bump.
class WeightCache {
public:
    Tensor get(const Tensor& w, torch::ScalarType dtype) {
        std::lock_guard<std::mutex> lock(m_mutex);
        auto& e = m_entries[w.unsafeGetTensorImpl()];
        if (!e.value.defined() || e.version != w._version() || e.value.scalar_type() != dtype) {
            e.source = w;
            e.version = w._version();
            e.value = w.detach().to(dtype);
        }
        return e.value;
    }
    void clear() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_entries.clear();
    }

private:
    struct Entry {
        Tensor source, value;
        int64_t version = -1;
    };
    std::mutex m_mutex;
    std::unordered_map<const c10::TensorImpl*, Entry> m_entries;
};

// What every layer needs to know about the pass in progress.
struct Pass {
    torch::ScalarType dtype;  // of GEMM inputs and outputs; the residual stream stays fp32
    bool train;
    double dropout;
    Tensor pos_compute;   // positional embedding [T, d] in dtype
    Tensor encoder_mask;  // additive [T, T] in dtype, or undefined
    Tensor decoder_mask;

    WeightCache* cache = nullptr;  // set when no gradients are recorded

    Tensor cast(const Tensor& t) const { return t.scalar_type() == dtype ? t : t.to(dtype); }
    Tensor weight(const Tensor& w) const {
        if (w.scalar_type() == dtype)
            return w;
        return cache ? cache->get(w, dtype) : w.to(dtype);
    }
    Tensor drop(const Tensor& t) const { return fast_dropout(t, dropout, train); }
};

Tensor linear(const Pass& pass, const Tensor& x, const Tensor& w, const Tensor& b) {
    return at::linear(pass.cast(x), pass.weight(w), pass.weight(b));
}

// Multi-head attention with torch.nn.MultiheadAttention's parameters (in_proj_weight = [Wq; Wk; Wv]).
// Computed directly: fused projections where inputs coincide, one batched GEMM per product, the scale
// and the mask folded into baddbmm.
class AdtrAttentionImpl : public torch::nn::Module {
public:
    AdtrAttentionImpl(int dim, int heads) : m_dim(dim), m_heads(heads) {
        in_proj_weight = register_parameter("in_proj_weight", torch::empty({3 * dim, dim}));
        in_proj_bias = register_parameter("in_proj_bias", torch::zeros({3 * dim}));
        out_proj = register_module("out_proj", torch::nn::Linear(dim, dim));
    }

    void reset_parameters() {
        torch::NoGradGuard no_grad;
        torch::nn::init::xavier_uniform_(in_proj_weight);
        in_proj_bias.zero_();
        torch::nn::init::xavier_uniform_(out_proj->weight);
        out_proj->bias.zero_();
    }

    // query: [N or 1, T, d] (queries with positions already added), key [N, T, d] (with positions),
    // value [N, T, d]; key and value may be the same tensor, and query may be key (self-attention with
    // positions on q and k). All in the compute dtype. Returns [N, T, d] in the compute dtype.
    Tensor forward(const Pass& pass, const Tensor& query, const Tensor& key, const Tensor& value,
                   const Tensor& mask) {
        const int64_t d = m_dim;
        const auto w = pass.weight(in_proj_weight), b = pass.weight(in_proj_bias);
        Tensor q, k, v;
        if (query.is_same(key)) {
            auto qk = at::linear(query, w.narrow(0, 0, 2 * d), b.narrow(0, 0, 2 * d));
            q = qk.narrow(-1, 0, d);
            k = qk.narrow(-1, d, d);
        } else {
            q = at::linear(query, w.narrow(0, 0, d), b.narrow(0, 0, d));
            k = at::linear(key, w.narrow(0, d, d), b.narrow(0, d, d));
        }
        v = at::linear(value, w.narrow(0, 2 * d, d), b.narrow(0, 2 * d, d));

        const int64_t n = value.size(0), t_q = query.size(1), t_k = key.size(1);
        const int64_t h = m_heads, hd = d / h;
        // [N, T, d] -> [N*H, T, hd]: one copy each, so the batched GEMMs see contiguous operands.
        auto heads = [&](const Tensor& x, int64_t tokens) {
            return x.reshape({x.size(0), tokens, h, hd})
                .transpose(1, 2)
                .expand({n, h, tokens, hd})
                .reshape({n * h, tokens, hd});
        };
        const auto qh = heads(q, t_q), kh = heads(k, t_k), vh = heads(v, t_k);
        const double scale = 1.0 / std::sqrt(static_cast<double>(hd));
        Tensor scores = mask.defined()
                            ? at::baddbmm(mask, qh, kh.transpose(1, 2), 1.0, scale)
                            : at::baddbmm(m_zero.to(qh.scalar_type()), qh, kh.transpose(1, 2), 0.0, scale);
        auto probs = softmax_dropout(scores, pass.dropout, pass.train);
        auto out = at::bmm(probs, vh).view({n, h, t_q, hd}).transpose(1, 2).reshape({n, t_q, d});
        return linear(pass, out, out_proj->weight, out_proj->bias);
    }

    Tensor in_proj_weight, in_proj_bias;
    torch::nn::Linear out_proj{nullptr};

private:
    int64_t m_dim, m_heads;
    Tensor m_zero = torch::zeros({1});
};
TORCH_MODULE(AdtrAttention);

// linear1 -> ReLU -> dropout -> linear2, as UniAD.
struct FeedForward {
    torch::nn::Linear linear1{nullptr}, linear2{nullptr};

    void create(torch::nn::Module& owner, int dim, int hidden) {
        linear1 = owner.register_module("linear1", torch::nn::Linear(dim, hidden));
        linear2 = owner.register_module("linear2", torch::nn::Linear(hidden, dim));
    }
    void reset_parameters() {
        torch::NoGradGuard no_grad;
        for (auto& l : {linear1, linear2}) {
            torch::nn::init::xavier_uniform_(l->weight);
            l->bias.zero_();
        }
    }
    Tensor operator()(const Pass& pass, const Tensor& x) const {
        return linear(pass, pass.drop(at::relu(linear(pass, x, linear1->weight, linear1->bias))),
                      linear2->weight, linear2->bias);
    }
};

Tensor norm(const torch::nn::LayerNorm& ln, const Tensor& x) {
    return at::layer_norm(x.to(torch::kFloat), {x.size(-1)}, ln->weight, ln->bias, 1e-5);
}

void reset_norm(torch::nn::LayerNorm& ln) {
    torch::NoGradGuard no_grad;
    ln->weight.fill_(1.0);
    ln->bias.zero_();
}

class AdtrEncoderLayerImpl : public torch::nn::Module {
public:
    explicit AdtrEncoderLayerImpl(const AdtrConfig& c) : m_pre_norm(c.pre_norm) {
        self_attn = register_module("self_attn", AdtrAttention(c.hidden_dim, c.heads));
        ffn.create(*this, c.hidden_dim, c.feedforward_dim);
        norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_dim})));
        norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_dim})));
    }

    void reset_parameters() {
        self_attn->reset_parameters();
        ffn.reset_parameters();
        reset_norm(norm1);
        reset_norm(norm2);
    }

    // x: [N, T, d] fp32 residual stream.
    Tensor forward(const Pass& pass, Tensor x) {
        const auto attend = [&](const Tensor& src) {
            const auto s = pass.cast(src);
            const auto qk = s + pass.pos_compute;
            return self_attn->forward(pass, qk, qk, s, pass.encoder_mask);
        };
        if (m_pre_norm) {
            x = x + pass.drop(attend(norm(norm1, x)));
            return x + pass.drop(ffn(pass, norm(norm2, x)));
        }
        x = norm(norm1, x + pass.drop(attend(x)));
        return norm(norm2, x + pass.drop(ffn(pass, x)));
    }

    AdtrAttention self_attn{nullptr};
    FeedForward ffn;
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};

private:
    bool m_pre_norm;
};

// UniAD's decoder layer: the layer's queries attend to the encoder memory, the result attends to the
// previous decoder layer's output (the memory for the first layer), then the FFN. The queries are the
// layer's own learned embedding, a shared one, or the input tokens (QueryMode).
class AdtrDecoderLayerImpl : public torch::nn::Module {
public:
    explicit AdtrDecoderLayerImpl(const AdtrConfig& c) : m_pre_norm(c.pre_norm) {
        if (c.query_mode == QueryMode::PerLayer)
            query = register_parameter("query", torch::empty({c.tokens(), c.hidden_dim}));
        memory_attn = register_module("memory_attn", AdtrAttention(c.hidden_dim, c.heads));
        previous_attn = register_module("previous_attn", AdtrAttention(c.hidden_dim, c.heads));
        ffn.create(*this, c.hidden_dim, c.feedforward_dim);
        const auto opts = torch::nn::LayerNormOptions({c.hidden_dim});
        norm1 = register_module("norm1", torch::nn::LayerNorm(opts));
        norm2 = register_module("norm2", torch::nn::LayerNorm(opts));
        norm3 = register_module("norm3", torch::nn::LayerNorm(opts));
    }

    void reset_parameters() {
        if (query.defined()) {
            torch::NoGradGuard no_grad;
            query.normal_();
        }
        memory_attn->reset_parameters();
        previous_attn->reset_parameters();
        ffn.reset_parameters();
        reset_norm(norm1);
        reset_norm(norm2);
        reset_norm(norm3);
    }

    // tgt: the queries, [T, d] (learned) or [N, T, d] (input tokens), fp32. memory_pos: encoder memory
    // plus positions, memory: encoder memory, previous: last decoder output; [N, T, d] in the compute
    // dtype. Returns [N, T, d] fp32.
    Tensor forward(const Pass& pass, Tensor tgt, const Tensor& memory_pos, const Tensor& memory,
                   const Tensor& previous) {
        const auto& mask = pass.decoder_mask;
        const auto with_pos = [&](const Tensor& x) {
            auto q = pass.cast(x) + pass.pos_compute;
            return q.dim() == 2 ? q.unsqueeze(0) : q;
        };
        const auto previous_pos = previous.is_same(memory) ? memory_pos : previous + pass.pos_compute;
        if (m_pre_norm) {
            tgt = tgt +
                  pass.drop(memory_attn->forward(pass, with_pos(norm(norm1, tgt)), memory_pos, memory, mask));
            tgt = tgt + pass.drop(previous_attn->forward(pass, with_pos(norm(norm2, tgt)), previous_pos,
                                                         previous, mask));
            return tgt + pass.drop(ffn(pass, norm(norm3, tgt)));
        }
        tgt =
            norm(norm1, tgt + pass.drop(memory_attn->forward(pass, with_pos(tgt), memory_pos, memory, mask)));
        tgt =
            norm(norm2,
                 tgt + pass.drop(previous_attn->forward(pass, with_pos(tgt), previous_pos, previous, mask)));
        return norm(norm3, tgt + pass.drop(ffn(pass, tgt)));
    }

    Tensor query;  // [T, d] in QueryMode::PerLayer
    AdtrAttention memory_attn{nullptr}, previous_attn{nullptr};
    FeedForward ffn;
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};

private:
    bool m_pre_norm;
};

}  // namespace detail

// ------------------------------------------------------------------------------------------ transformer

AdtrTransformerImpl::AdtrTransformerImpl(const AdtrConfig& config, Precision precision)
    : m_config(config), m_weight_cache(std::make_shared<detail::WeightCache>()) {
    m_config.validate();
    const auto& c = m_config;
    m_input_proj = register_module("input_proj", torch::nn::Linear(c.channels, c.hidden_dim));
    m_output_proj = register_module("output_proj", torch::nn::Linear(c.hidden_dim, c.channels));
    m_pos_embed = register_parameter("pos_embed", torch::empty({c.tokens(), c.hidden_dim}));
    if (c.query_mode == QueryMode::Shared)
        m_shared_query = register_parameter("query", torch::empty({c.tokens(), c.hidden_dim}));
    m_encoder = register_module("encoder", torch::nn::ModuleList());
    for (int i = 0; i < c.encoder_layers; ++i) {
        m_encoder_layers.push_back(std::make_shared<detail::AdtrEncoderLayerImpl>(c));
        m_encoder->push_back(m_encoder_layers.back());
    }
    m_decoder = register_module("decoder", torch::nn::ModuleList());
    for (int i = 0; i < c.decoder_layers; ++i) {
        m_decoder_layers.push_back(std::make_shared<detail::AdtrDecoderLayerImpl>(c));
        m_decoder->push_back(m_decoder_layers.back());
    }
    const auto norm_opts = torch::nn::LayerNormOptions({c.hidden_dim});
    if (c.pre_norm)
        m_encoder_norm = register_module("encoder_norm", torch::nn::LayerNorm(norm_opts));
    m_decoder_norm = register_module("decoder_norm", torch::nn::LayerNorm(norm_opts));
    if (c.neighbour_mask > 0) {
        m_mask_f32 = neighbourhood_mask(c.grid, c.neighbour_mask);
        m_mask_bf16 = m_mask_f32.to(torch::kBFloat16);
    }
    reset_parameters();
    set_precision(precision);
}

void AdtrTransformerImpl::reset_parameters() {
    torch::NoGradGuard no_grad;
    for (auto& l : {m_input_proj, m_output_proj}) {
        torch::nn::init::xavier_uniform_(l->weight);
        l->bias.zero_();
    }
    m_pos_embed.normal_();
    if (m_shared_query.defined())
        m_shared_query.normal_();
    for (auto& l : m_encoder_layers)
        l->reset_parameters();
    for (auto& l : m_decoder_layers)
        l->reset_parameters();
    if (m_encoder_norm)
        detail::reset_norm(m_encoder_norm);
    detail::reset_norm(m_decoder_norm);
}

void AdtrTransformerImpl::set_precision(Precision precision) {
    m_precision = resolve_precision(precision);
    m_weight_cache->clear();
}

Tensor AdtrTransformerImpl::forward(const Tensor& features) {
    const auto& c = m_config;
    if (features.dim() != 4 || features.size(1) != c.channels || features.size(2) != c.grid ||
        features.size(3) != c.grid)
        throw Error("ADTR transformer expects features [N, " + std::to_string(c.channels) + ", " +
                    std::to_string(c.grid) + ", " + std::to_string(c.grid) + "], got " +
                    c10::str(features.sizes()));
    const int64_t n = features.size(0);

    detail::Pass pass;
    pass.dtype = m_precision == Precision::BFloat16 ? torch::kBFloat16 : torch::kFloat;
    pass.train = is_training();
    pass.dropout = c.dropout;
    if (!torch::GradMode::is_enabled())
        pass.cache = m_weight_cache.get();
    pass.pos_compute = pass.weight(m_pos_embed);
    const auto& mask = pass.dtype == torch::kBFloat16 ? m_mask_bf16 : m_mask_f32;
    if (mask.defined()) {
        pass.decoder_mask = mask;
        if (c.mask_encoder)
            pass.encoder_mask = mask;
    }

    auto tokens = features.to(torch::kFloat).flatten(2).transpose(1, 2).contiguous();  // [N, T, C]
    if (pass.train && c.jitter_scale > 0.0) {
        // One uniform draw per batch, unused: jitter once had a per-batch probability, and the draw keeps
        // the random stream - and so every model trained with a given seed - as it was.
        (void)torch::rand({1});
        const auto sigma = tokens.norm(2, -1, /*keepdim=*/true) * (c.jitter_scale / c.channels);
        tokens = tokens + torch::randn_like(tokens) * sigma;
    }
    auto x = detail::linear(pass, tokens, m_input_proj->weight, m_input_proj->bias).to(torch::kFloat);
    const auto input_tokens = x;

    for (auto& layer : m_encoder_layers)
        x = layer->forward(pass, x);
    if (m_encoder_norm)
        x = detail::norm(m_encoder_norm, x);

    const auto memory = pass.cast(x);
    const auto memory_pos = memory + pass.pos_compute;
    Tensor previous = memory;
    for (auto& layer : m_decoder_layers) {
        const Tensor& query = c.query_mode == QueryMode::PerLayer ? layer->query
                              : c.query_mode == QueryMode::Shared ? m_shared_query
                                                                  : input_tokens;
        x = layer->forward(pass, query, memory_pos, memory, previous);
        previous = pass.cast(x);
    }
    x = detail::norm(m_decoder_norm, x);
    auto out = detail::linear(pass, x, m_output_proj->weight, m_output_proj->bias).to(torch::kFloat);
    return out.transpose(1, 2).reshape({n, c.channels, c.grid, c.grid});
}

}  // namespace kensa::adtr
