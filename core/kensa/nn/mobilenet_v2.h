#pragma once
// Keras's MobileNetV2 (alpha 1.0) up to block_10_project_BN: the ImageNet-pretrained, frozen part of the
// model in npm nsfwjs@4.3.0, Kensa's default backbone. scripts/prepare_backbone_weights.sh converts its
// weights; the tensor names are this module's ("blocks.3.depthwise.bn.running_var").

#include <kensa/nn/backbone.h>
#include <kensa/nn/folded_conv_bn.h>

#include <memory>

namespace kensa::nn {

// Conv (no bias) + BatchNorm (eps 1e-3, as Keras) + optional ReLU6, padded as Keras pads: 'same' at
// stride 1, and at stride 2 one zero row and column on the bottom/right only (symmetric padding would
// shift every window by a pixel). Registered as "conv" and "bn".
//
// In eval mode without autograd and with folding on (the default) it runs a copy of the conv with the
// BatchNorm folded in, through oneDNN on channels-last tensors; the copy is rebuilt whenever a weight
// tensor changes (loading copies into the tensors, which bumps their version).
class ConvBnImpl : public torch::nn::Module {
public:
    ConvBnImpl(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t stride, bool depthwise,
               bool relu6);

    torch::Tensor forward(const torch::Tensor& x);

    void set_fold_batch_norm(bool enabled) { m_fold = enabled; }

private:
    torch::Tensor forward_literal(const torch::Tensor& x);
    torch::Tensor forward_folded(const torch::Tensor& x);

    torch::nn::Conv2d m_conv{nullptr};
    torch::nn::BatchNorm2d m_bn{nullptr};
    int64_t m_kernel = 1;
    int64_t m_stride = 1;
    int64_t m_groups = 1;
    bool m_relu6 = false;
    bool m_fold = true;
    FoldedConvBn m_folded;
};
TORCH_MODULE(ConvBn);

// expand (1x1, absent when expansion is 1) -> depthwise 3x3 -> project (1x1, linear), plus the input
// when stride is 1 and the width is kept.
class InvertedResidualImpl : public torch::nn::Module {
public:
    InvertedResidualImpl(int64_t in_channels, int64_t out_channels, int64_t stride, int64_t expansion);

    torch::Tensor forward(const torch::Tensor& x);

    void set_fold_batch_norm(bool enabled);

private:
    ConvBn m_expand{nullptr};
    ConvBn m_depthwise{nullptr};
    ConvBn m_project{nullptr};
    bool m_residual = false;
};
TORCH_MODULE(InvertedResidual);

// Conv1 ("stem") and blocks 0..10 ("blocks.<i>", Keras's expanded_conv and block_1..block_10).
class MobileNetV2Impl : public torch::nn::Module {
public:
    MobileNetV2Impl();

    // x: normalised images [N, 3, H, W], H and W multiples of 32. Returns the outputs of block_2_add
    // (24 channels, stride 4), block_5_add (32, stride 8) and block_10_project_BN (96, stride 16), in
    // channels-last memory format in eval mode.
    std::vector<torch::Tensor> forward(torch::Tensor x);

    // Off: every layer runs conv, BatchNorm and ReLU6 as written (a check on the folded path).
    void set_fold_batch_norm(bool enabled);

private:
    ConvBn m_stem{nullptr};
    torch::nn::ModuleList m_blocks;
};
TORCH_MODULE(MobileNetV2);

// id "mobilenet_v2": the three stages above, input RGB in [0, 1] as nsfwjs feeds it (mean 0, std 1).
// Random init; load the converted weights with load_weights() or load_module_weights(b->module(), file).
std::unique_ptr<Backbone> make_mobilenet_v2_backbone();

}  // namespace kensa::nn
