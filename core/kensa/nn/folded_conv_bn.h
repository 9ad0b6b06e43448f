#pragma once
// Conv2d followed by an eval-mode BatchNorm2d, run as one convolution for frozen-backbone inference: the
// one folding every backbone uses (MobileNetV2's ConvBn, EfficientNet's and ResNet's conv + bn pairs).
//
// Why: LibTorch 1.13 eager on CPU runs NCHW depthwise convs through oneDNN with a weight reorder on every
// call, sends small-batch 1x1 convs to im2col + BLAS, and spends as long in batch-norm as in the convs.
// Folding the batch-norm into the conv, keeping weights and activations channels-last and calling oneDNN
// directly made torchvision's EfficientNet-B4 stages ~5x faster, with outputs equal to ~1e-4.
// Header-only so backbones can share it without a build change.

#include <torch/torch.h>

#include <array>
#include <mutex>
#include <utility>

namespace kensa::nn {

class FoldedConvBn {
public:
    // w' = w * s, b' = beta - mean * s (+ conv bias * s), s = gamma / sqrt(var + eps); weight
    // channels-last.
    struct Weights {
        torch::Tensor weight;
        torch::Tensor bias;
    };

    // The folded weights of conv + bn, refolded whenever a weight or statistic has changed (e.g. after
    // loading). pad_top_left: the kernel gets a zero first row and column (a stride-2 3x3 kernel becomes
    // 4x4), which under symmetric padding 1 gives Keras's bottom/right padding without copying the input.
    // Safe to call from concurrent inference: the copy is built and handed out under a lock. dtype kBFloat16
    // gives the same weights rounded to bf16 (for a backbone run in bf16: Backbone::set_precision).
    Weights weights(const torch::Tensor& conv_weight, const torch::Tensor& conv_bias, torch::nn::BatchNorm2dImpl& bn,
                    bool pad_top_left = false, torch::ScalarType dtype = torch::kFloat) {
        // In-place updates (load_module_weights copies into the tensors) bump a tensor's version;
        // replacing a tensor changes its storage. Either way the folded copy is stale.
        const std::array<const torch::Tensor*, 5> sources{&conv_weight, &bn.weight, &bn.bias, &bn.running_mean,
                                                          &bn.running_var};
        Stamp stamp;
        for (size_t i = 0; i < sources.size(); ++i)
            stamp[i] = {sources[i]->data_ptr(), sources[i]->_version()};

        std::lock_guard lock(m_mutex);
        if (!m_folded.weight.defined() || stamp != m_stamp) {
            torch::NoGradGuard no_grad;
            const auto scale = bn.weight / torch::sqrt(bn.running_var + bn.options.eps());
            auto weight = conv_weight * scale.view({-1, 1, 1, 1});
            auto bias = bn.bias - bn.running_mean * scale;
            if (conv_bias.defined())
                bias = bias + conv_bias * scale;
            if (pad_top_left)
                weight = torch::constant_pad_nd(weight, {1, 0, 1, 0});
            m_folded = {weight.contiguous(at::MemoryFormat::ChannelsLast), bias.contiguous()};
            m_folded_bf16 = {};
            m_stamp = stamp;
        }
        if (dtype != torch::kBFloat16)
            return m_folded;
        if (!m_folded_bf16.weight.defined())
            m_folded_bf16 = {m_folded.weight.to(torch::kBFloat16).contiguous(at::MemoryFormat::ChannelsLast),
                             m_folded.bias.to(torch::kBFloat16)};
        return m_folded_bf16;
    }

    // bn(conv(x)). Folded when both modules are in eval mode, autograd is off and x is a CPU float or
    // bf16 tensor (then computed in bf16); otherwise the two modules run as they are.
    torch::Tensor operator()(torch::nn::Conv2dImpl& conv, torch::nn::BatchNorm2dImpl& bn, const torch::Tensor& x) {
        const auto dtype = x.scalar_type();
        if (conv.is_training() || bn.is_training() || torch::GradMode::is_enabled() || !x.device().is_cpu() ||
            (dtype != torch::kFloat32 && dtype != torch::kBFloat16) || !at::hasMKLDNN())
            return bn.forward(conv.forward(x));
        const auto [weight, bias] = weights(conv.weight, conv.bias, bn, false, dtype);
        const auto& o = conv.options;
        const auto& padding = c10::get<torch::ExpandingArray<2>>(o.padding());
        return at::mkldnn_convolution(x.contiguous(at::MemoryFormat::ChannelsLast), weight, bias, *padding,
                                      *o.stride(), *o.dilation(), o.groups());
    }

private:
    using Stamp = std::array<std::pair<const void*, int64_t>, 5>;

    std::mutex m_mutex;
    Stamp m_stamp{};
    Weights m_folded;
    Weights m_folded_bf16;  // m_folded rounded to bf16, made on first use
};

}  // namespace kensa::nn
