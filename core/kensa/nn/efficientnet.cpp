#include <kensa/nn/efficientnet.h>

#include <kensa/base/error.h>
#include <kensa/nn/batch_chunks.h>
#include <kensa/nn/folded_conv_bn.h>

#include <algorithm>
#include <cmath>

namespace kensa::nn {

namespace {

// torchvision rounds scaled widths to multiples of 8, never more than 10% below the exact value.
int64_t make_divisible(double value, int64_t divisor = 8) {
    int64_t rounded = std::max(divisor, static_cast<int64_t>(value + divisor / 2.0) / divisor * divisor);
    if (rounded < 0.9 * value)
        rounded += divisor;
    return rounded;
}

// One row of EfficientNet's stage table, before width/depth scaling.
struct StageConfig {
    int64_t expand_ratio;
    int64_t kernel;
    int64_t stride;
    int64_t in_channels;
    int64_t out_channels;
    int64_t layers;
};

constexpr StageConfig kB0Stages[] = {
    {1, 3, 1, 32, 16, 1},  {6, 3, 2, 16, 24, 2},   {6, 5, 2, 24, 40, 2},   {6, 3, 2, 40, 80, 3},
    {6, 5, 1, 80, 112, 3}, {6, 5, 2, 112, 192, 4}, {6, 3, 1, 192, 320, 1},
};
constexpr double kB4Width = 1.4;
constexpr double kB4Depth = 1.8;

// torchvision's Conv2dNormActivation: children "0" (conv, no bias) and "1" (BatchNorm2d with PyTorch's
// default eps 1e-5, which torchvision keeps for B0-B4), then SiLU unless it is a linear projection.
class ConvBnActImpl : public torch::nn::Module {
public:
    ConvBnActImpl(int64_t in, int64_t out, int64_t kernel, int64_t stride, int64_t groups, bool activation)
        : m_conv(register_module("0", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel)
                                                            .stride(stride)
                                                            .padding((kernel - 1) / 2)
                                                            .groups(groups)
                                                            .bias(false)))),
          m_bn(register_module("1", torch::nn::BatchNorm2d(out))),
          m_activation(activation) {}

    torch::Tensor forward(torch::Tensor x) {
        x = m_folded(*m_conv, *m_bn, x);
        return m_activation ? torch::silu_(x) : x;
    }

private:
    torch::nn::Conv2d m_conv;
    torch::nn::BatchNorm2d m_bn;
    bool m_activation;
    FoldedConvBn m_folded;
};
TORCH_MODULE(ConvBnAct);

// torchvision's SqueezeExcitation with SiLU inside: x * sigmoid(fc2(silu(fc1(mean(x))))).
class SqueezeExcitationImpl : public torch::nn::Module {
public:
    SqueezeExcitationImpl(int64_t channels, int64_t squeeze)
        : m_fc1(register_module("fc1", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, squeeze, 1)))),
          m_fc2(register_module("fc2", torch::nn::Conv2d(torch::nn::Conv2dOptions(squeeze, channels, 1)))) {}

    torch::Tensor forward(torch::Tensor x) {
        auto scale = x.mean({2, 3}, /*keepdim=*/true);
        scale = torch::sigmoid(m_fc2(torch::silu(m_fc1(scale))));
        return x * scale;
    }

private:
    torch::nn::Conv2d m_fc1;
    torch::nn::Conv2d m_fc2;
};
TORCH_MODULE(SqueezeExcitation);

// Inverted residual block: [1x1 expand] -> depthwise kxk -> squeeze-excitation -> 1x1 project, all in
// the child Sequential "block". Stochastic depth is the identity at inference, so it has no counterpart.
class MBConvImpl : public torch::nn::Module {
public:
    MBConvImpl(int64_t in, int64_t out, int64_t expand_ratio, int64_t kernel, int64_t stride)
        : m_residual(stride == 1 && in == out) {
        const int64_t expanded = make_divisible(static_cast<double>(in * expand_ratio));
        torch::nn::Sequential block;
        if (expanded != in)
            block->push_back(ConvBnAct(in, expanded, 1, 1, 1, true));
        block->push_back(ConvBnAct(expanded, expanded, kernel, stride, expanded, true));
        block->push_back(SqueezeExcitation(expanded, std::max<int64_t>(1, in / 4)));
        block->push_back(ConvBnAct(expanded, out, 1, 1, 1, false));
        m_block = register_module("block", block);
    }

    torch::Tensor forward(torch::Tensor x) {
        auto y = m_block->forward(x);
        return m_residual ? y + x : y;
    }

private:
    torch::nn::Sequential m_block{nullptr};
    bool m_residual;
};
TORCH_MODULE(MBConv);

// The mean and std torchvision's ImageNet weights were trained with.
class EfficientNetB4Backbone : public Backbone {
public:
    EfficientNetB4Backbone() {
        m_stages = {
            {"features.1", 2, 24}, {"features.2", 4, 32}, {"features.3", 8, 56}, {"features.5", 16, 160}};
        m_indices = {1, 2, 3, 5};
    }

    std::string id() const override { return "efficientnet_b4"; }
    std::vector<FeatureStage> stages() const override { return m_stages; }
    InputNormalization normalization() const override { return kImageNetNormalization; }
    torch::nn::Module& module() override { return *m_net; }

protected:
    std::vector<torch::Tensor> forward_stages(const torch::Tensor& normalized) override {
        // The largest map is features.2's first expansion: 144 channels at stride 2.
        const int64_t peak =
            144 * (normalized.size(2) / 2) * (normalized.size(3) / 2) * int64_t{sizeof(float)};
        return forward_in_chunks(normalized, images_per_chunk(peak),
                                 [this](const torch::Tensor& x) { return m_net->forward(x, m_indices); });
    }

private:
    std::vector<FeatureStage> m_stages;
    std::vector<int64_t> m_indices;
    EfficientNetB4 m_net;
};

}  // namespace

EfficientNetB4Impl::EfficientNetB4Impl() {
    const int64_t stem = make_divisible(kB0Stages[0].in_channels * kB4Width);
    m_features->push_back(ConvBnAct(3, stem, 3, 2, 1, true));
    for (const auto& cfg : kB0Stages) {
        const int64_t in = make_divisible(cfg.in_channels * kB4Width);
        const int64_t out = make_divisible(cfg.out_channels * kB4Width);
        const auto layers = static_cast<int64_t>(std::ceil(cfg.layers * kB4Depth));
        torch::nn::Sequential stage;
        for (int64_t i = 0; i < layers; ++i)
            stage->push_back(
                MBConv(i == 0 ? in : out, out, cfg.expand_ratio, cfg.kernel, i == 0 ? cfg.stride : 1));
        m_features->push_back(stage);
    }
    register_module("features", m_features);

    // torchvision's initialisation, so a random-init backbone here is distributed like torchvision's.
    torch::NoGradGuard no_grad;
    for (auto& m : modules(/*include_self=*/false)) {
        if (auto* conv = m->as<torch::nn::Conv2d>()) {
            torch::nn::init::kaiming_normal_(conv->weight, 0.0, torch::kFanOut);
            if (conv->bias.defined())
                conv->bias.zero_();
        } else if (auto* bn = m->as<torch::nn::BatchNorm2d>()) {
            bn->weight.fill_(1.0);
            bn->bias.zero_();
        }
    }
}

std::vector<torch::Tensor> EfficientNetB4Impl::forward(torch::Tensor x, const std::vector<int64_t>& indices) {
    if (indices.empty())
        return {};
    if (!std::is_sorted(indices.begin(), indices.end()) || indices.front() < 0 ||
        std::adjacent_find(indices.begin(), indices.end()) != indices.end() ||
        indices.back() >= static_cast<int64_t>(m_features->size()))
        throw Error("EfficientNet-B4: stage indices must be ascending, distinct and within features.0.." +
                    std::to_string(m_features->size() - 1));
    // Channels-last all the way: what oneDNN's convolutions run fastest on (see folded_conv_bn.h).
    x = x.contiguous(at::MemoryFormat::ChannelsLast);
    std::vector<torch::Tensor> out;
    auto wanted = indices.begin();
    for (int64_t i = 0; i <= indices.back(); ++i) {
        x = m_features[i]->as<ConvBnAct>() ? m_features[i]->as<ConvBnAct>()->forward(x)
                                           : m_features[i]->as<torch::nn::Sequential>()->forward(x);
        if (*wanted == i) {
            out.push_back(x.contiguous());  // callers may assume the default (NCHW) layout
            ++wanted;
        }
    }
    return out;
}

std::unique_ptr<Backbone> make_efficientnet_b4_backbone() {
    return std::make_unique<EfficientNetB4Backbone>();
}

}  // namespace kensa::nn
