#include <kensa/nn/mobilenet_v2.h>

#include <kensa/nn/batch_chunks.h>

#include <ATen/Context.h>

#include <algorithm>
#include <array>
#include <utility>

namespace kensa::nn {

namespace {

constexpr double kBatchNormEps = 1e-3;  // Keras's default; LibTorch's 1e-5 costs ~13 in block_5 activations

// (out channels, stride) of blocks 1..10, all with expansion 6; block 0 is 32 -> 16, expansion 1.
constexpr std::array<std::pair<int64_t, int64_t>, 10> kBlocks{
    {{24, 2}, {24, 1}, {32, 2}, {32, 1}, {32, 1}, {64, 2}, {64, 1}, {64, 1}, {64, 1}, {96, 1}}};
constexpr std::array<size_t, 3> kStageBlocks{2, 5, 10};

}  // namespace

ConvBnImpl::ConvBnImpl(int64_t in_channels, int64_t out_channels, int64_t kernel, int64_t stride,
                       bool depthwise, bool relu6)
    : m_kernel(kernel), m_stride(stride), m_groups(depthwise ? in_channels : 1), m_relu6(relu6) {
    m_conv =
        register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in_channels, out_channels, kernel)
                                                      .stride(stride)
                                                      .groups(m_groups)
                                                      .bias(false)));
    m_bn = register_module(
        "bn", torch::nn::BatchNorm2d(torch::nn::BatchNorm2dOptions(out_channels).eps(kBatchNormEps)));
}

torch::Tensor ConvBnImpl::forward(const torch::Tensor& x) {
    // The folded copy carries no gradient to the weights: only for frozen inference.
    const bool fold = m_fold && !is_training() && !torch::GradMode::is_enabled();
    return fold ? forward_folded(x) : forward_literal(x);
}

torch::Tensor ConvBnImpl::forward_literal(const torch::Tensor& x) {
    namespace F = torch::nn::functional;
    const bool pad_after = m_stride == 2;
    const auto input = pad_after ? F::pad(x, F::PadFuncOptions({0, 1, 0, 1})) : x;
    const auto options =
        F::Conv2dFuncOptions().stride(m_stride).groups(m_groups).padding(pad_after ? 0 : m_kernel / 2);
    auto y = m_bn->forward(F::conv2d(input, m_conv->weight, options));
    return m_relu6 ? torch::clamp(y, 0.0, 6.0) : y;
}

torch::Tensor ConvBnImpl::forward_folded(const torch::Tensor& x) {
    // Stride 2: Keras pads bottom/right only; the folded kernel gets a zero first row and column instead
    // and symmetric padding 1, the same windows without copying the input into a padded tensor.
    const bool stride2 = m_stride == 2;
    const auto [weight, bias] = m_folded.weights(m_conv->weight, m_conv->bias, *m_bn, stride2, x.scalar_type());
    const int64_t pad = stride2 ? 1 : m_kernel / 2;
    const std::array<int64_t, 2> stride{m_stride, m_stride}, padding{pad, pad}, dilation{1, 1};
    // oneDNN directly: at::conv2d sends 1x1 convs of small batches on one thread to im2col + BLAS.
    auto y = at::hasMKLDNN() ? at::mkldnn_convolution(x, weight, bias, padding, stride, dilation, m_groups)
                             : at::conv2d(x, weight, bias, stride, padding, dilation, m_groups);
    return m_relu6 ? y.clamp_(0.0, 6.0) : y;
}

InvertedResidualImpl::InvertedResidualImpl(int64_t in_channels, int64_t out_channels, int64_t stride,
                                           int64_t expansion)
    : m_residual(stride == 1 && in_channels == out_channels) {
    const int64_t hidden = in_channels * expansion;
    if (expansion != 1)
        m_expand = register_module("expand", ConvBn(in_channels, hidden, 1, 1, false, true));
    m_depthwise = register_module("depthwise", ConvBn(hidden, hidden, 3, stride, true, true));
    m_project = register_module("project", ConvBn(hidden, out_channels, 1, 1, false, false));
}

torch::Tensor InvertedResidualImpl::forward(const torch::Tensor& x) {
    auto y = m_project->forward(m_depthwise->forward(m_expand ? m_expand->forward(x) : x));
    if (!m_residual)
        return y;
    // The projection's output is a fresh tensor, so adding in place is safe without autograd.
    return torch::GradMode::is_enabled() ? y + x : y.add_(x);
}

void InvertedResidualImpl::set_fold_batch_norm(bool enabled) {
    for (auto* conv : {&m_expand, &m_depthwise, &m_project})
        if (*conv)
            (*conv)->set_fold_batch_norm(enabled);
}

MobileNetV2Impl::MobileNetV2Impl() {
    m_stem = register_module("stem", ConvBn(3, 32, 3, 2, false, true));
    m_blocks->push_back(InvertedResidual(32, 16, 1, 1));
    int64_t in = 16;
    for (const auto& [out, stride] : kBlocks) {
        m_blocks->push_back(InvertedResidual(in, out, stride, 6));
        in = out;
    }
    register_module("blocks", m_blocks);
}

std::vector<torch::Tensor> MobileNetV2Impl::forward(torch::Tensor x) {
    if (!is_training())
        x = x.contiguous(at::MemoryFormat::ChannelsLast);  // oneDNN's native layout
    x = m_stem->forward(x);
    std::vector<torch::Tensor> stages;
    for (size_t i = 0; i <= kStageBlocks.back(); ++i) {
        x = m_blocks[i]->as<InvertedResidual>()->forward(x);
        if (std::find(kStageBlocks.begin(), kStageBlocks.end(), i) != kStageBlocks.end())
            stages.push_back(x);
    }
    return stages;
}

void MobileNetV2Impl::set_fold_batch_norm(bool enabled) {
    m_stem->set_fold_batch_norm(enabled);
    for (const auto& block : *m_blocks)
        block->as<InvertedResidual>()->set_fold_batch_norm(enabled);
}

namespace {

class MobileNetV2Backbone final : public Backbone {
public:
    std::string id() const override { return "mobilenet_v2"; }
    std::vector<FeatureStage> stages() const override {
        return {{"block_2_add", 4, 24}, {"block_5_add", 8, 32}, {"block_10_project_BN", 16, 96}};
    }
    InputNormalization normalization() const override { return {}; }
    torch::nn::Module& module() override { return *m_net; }

protected:
    std::vector<torch::Tensor> forward_stages(const torch::Tensor& normalized) override {
        // The largest activation is 96 channels at stride 2; twice it per image keeps chunks at 16 MB,
        // where batches of 8 at 224 px ran at 4.5 ms/image instead of 43 (batch_chunks.h says why).
        const int64_t peak =
            2 * 96 * (normalized.size(2) / 2) * (normalized.size(3) / 2) * static_cast<int64_t>(sizeof(float));
        auto maps = forward_in_chunks(normalized, images_per_chunk(peak),
                                      [this](const torch::Tensor& x) { return m_net->forward(x); });
        for (auto& m : maps)
            m = m.contiguous();
        return maps;
    }

private:
    MobileNetV2 m_net;
};

}  // namespace

std::unique_ptr<Backbone> make_mobilenet_v2_backbone() {
    return std::make_unique<MobileNetV2Backbone>();
}

}  // namespace kensa::nn
