#include <kensa/nn/mobilenet_v2.h>

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

// The conv with BatchNorm folded in: w' = w * s, b' = beta - mean * s, s = gamma / sqrt(var + eps).
// A stride-2 3x3 kernel becomes 4x4 with a zero first row and column under symmetric padding 1: the
// same windows as Keras's bottom/right padding, without copying the input into a padded tensor.
struct ConvBnImpl::Folded {
    torch::Tensor weight;  // channels-last
    torch::Tensor bias;
    int64_t padding = 0;
    std::vector<std::pair<const void*, int64_t>> stamp;  // (storage, version) of each source tensor
};

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
    const auto f = folded();
    const std::array<int64_t, 2> stride{m_stride, m_stride}, padding{f->padding, f->padding}, dilation{1, 1};
    // oneDNN directly: at::conv2d sends 1x1 convs of small batches on one thread to im2col + BLAS.
    auto y = at::hasMKLDNN()
                 ? at::mkldnn_convolution(x, f->weight, f->bias, padding, stride, dilation, m_groups)
                 : at::conv2d(x, f->weight, f->bias, stride, padding, dilation, m_groups);
    return m_relu6 ? y.clamp_(0.0, 6.0) : y;
}

std::shared_ptr<const ConvBnImpl::Folded> ConvBnImpl::folded() {
    const std::array<torch::Tensor, 5> sources{m_conv->weight, m_bn->weight, m_bn->bias, m_bn->running_mean,
                                               m_bn->running_var};
    std::vector<std::pair<const void*, int64_t>> stamp;
    for (const auto& t : sources)
        stamp.emplace_back(t.data_ptr(), t._version());

    std::lock_guard lock(m_folded_mutex);
    if (m_folded && m_folded->stamp == stamp)
        return m_folded;

    torch::NoGradGuard no_grad;
    auto f = std::make_shared<Folded>();
    const auto scale = m_bn->weight / torch::sqrt(m_bn->running_var + m_bn->options.eps());
    auto weight = m_conv->weight * scale.view({-1, 1, 1, 1});
    f->bias = (m_bn->bias - m_bn->running_mean * scale).contiguous();
    if (m_stride == 2) {
        weight = torch::constant_pad_nd(weight, {1, 0, 1, 0});
        f->padding = 1;
    } else {
        f->padding = m_kernel / 2;
    }
    f->weight = weight.contiguous(at::MemoryFormat::ChannelsLast);
    f->stamp = std::move(stamp);
    m_folded = std::move(f);
    return m_folded;
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

// glibc serves allocations above its mmap threshold (32 MB at most) from fresh pages, and the page faults
// then cost more than the convolutions: a batch of 8 at 224 ran at 43 ms/image against 4.5 in chunks.
// Chunks keep the largest activation (96 channels at stride 2) under 16 MB.
int64_t images_per_chunk(int64_t height, int64_t width) {
    constexpr int64_t kBudget = int64_t{16} << 20;
    const int64_t bytes = 96 * (height / 2) * (width / 2) * static_cast<int64_t>(sizeof(float));
    return std::max<int64_t>(1, kBudget / std::max<int64_t>(1, bytes));
}

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
        const int64_t chunk = images_per_chunk(normalized.size(2), normalized.size(3));
        std::vector<std::vector<torch::Tensor>> parts(stages().size());
        for (int64_t start = 0; start < normalized.size(0); start += chunk) {
            auto maps =
                m_net->forward(normalized.narrow(0, start, std::min(chunk, normalized.size(0) - start)));
            for (size_t s = 0; s < maps.size(); ++s)
                parts[s].push_back(std::move(maps[s]));
        }
        std::vector<torch::Tensor> out;
        for (auto& p : parts)
            out.push_back((p.size() == 1 ? p.front() : torch::cat(p)).contiguous());
        return out;
    }

private:
    MobileNetV2 m_net;
};

}  // namespace

std::unique_ptr<Backbone> make_mobilenet_v2_backbone() {
    return std::make_unique<MobileNetV2Backbone>();
}

}  // namespace kensa::nn
