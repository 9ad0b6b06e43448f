#include <kensa/nn/resnet.h>

#include <kensa/base/error.h>
#include <kensa/nn/batch_chunks.h>
#include <kensa/nn/folded_conv_bn.h>

namespace kensa::nn {

namespace {

torch::nn::Conv2d conv(int64_t in, int64_t out, int64_t kernel, int64_t stride) {
    return torch::nn::Conv2d(
        torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding((kernel - 1) / 2).bias(false));
}

// relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)); the shortcut is a strided 1x1 conv + BN
// ("downsample.0", "downsample.1") when the block changes resolution or width.
class BasicBlockImpl : public torch::nn::Module {
public:
    BasicBlockImpl(int64_t in, int64_t out, int64_t stride)
        : m_conv1(register_module("conv1", conv(in, out, 3, stride))),
          m_bn1(register_module("bn1", torch::nn::BatchNorm2d(out))),
          m_conv2(register_module("conv2", conv(out, out, 3, 1))),
          m_bn2(register_module("bn2", torch::nn::BatchNorm2d(out))) {
        if (stride != 1 || in != out) {
            m_down_conv = conv(in, out, 1, stride);
            m_down_bn = torch::nn::BatchNorm2d(out);
            register_module("downsample", torch::nn::Sequential(m_down_conv, m_down_bn));
        }
    }

    torch::Tensor forward(torch::Tensor x) {
        auto y = m_folded2(*m_conv2, *m_bn2, m_folded1(*m_conv1, *m_bn1, x).relu_());
        y += m_down_conv ? m_folded_down(*m_down_conv, *m_down_bn, x) : x;
        return y.relu_();
    }

private:
    torch::nn::Conv2d m_conv1;
    torch::nn::BatchNorm2d m_bn1;
    torch::nn::Conv2d m_conv2;
    torch::nn::BatchNorm2d m_bn2;
    torch::nn::Conv2d m_down_conv{nullptr};
    torch::nn::BatchNorm2d m_down_bn{nullptr};
    FoldedConvBn m_folded1;
    FoldedConvBn m_folded2;
    FoldedConvBn m_folded_down;
};
TORCH_MODULE(BasicBlock);

torch::nn::Sequential make_layer(int64_t in, int64_t out, int64_t blocks, int64_t stride) {
    torch::nn::Sequential layer;
    for (int64_t i = 0; i < blocks; ++i)
        layer->push_back(BasicBlock(i == 0 ? in : out, out, i == 0 ? stride : 1));
    return layer;
}

class ResNetBackbone : public Backbone {
public:
    explicit ResNetBackbone(int depth) : m_depth(depth), m_net(depth) {}

    std::string id() const override { return "resnet" + std::to_string(m_depth); }
    std::vector<FeatureStage> stages() const override {
        return {{"layer1", 4, 64}, {"layer2", 8, 128}, {"layer3", 16, 256}};
    }
    InputNormalization normalization() const override { return kImageNetNormalization; }
    torch::nn::Module& module() override { return *m_net; }

protected:
    std::vector<torch::Tensor> forward_stages(const torch::Tensor& normalized) override {
        // The largest map is conv1's output: 64 channels at stride 2.
        const int64_t peak =
            64 * (normalized.size(2) / 2) * (normalized.size(3) / 2) * int64_t{sizeof(float)};
        return forward_in_chunks(normalized, images_per_chunk(peak),
                                 [this](const torch::Tensor& x) { return m_net->forward(x); });
    }

private:
    int m_depth;
    ResNet m_net;
};

}  // namespace

ResNetImpl::ResNetImpl(int depth) {
    if (depth != 18 && depth != 34)
        throw Error("ResNet-" + std::to_string(depth) + " is not available; use ResNet-18 or ResNet-34");
    const bool deep = depth == 34;
    m_conv1 = register_module("conv1", conv(3, 64, 7, 2));
    m_bn1 = register_module("bn1", torch::nn::BatchNorm2d(64));
    m_layer1 = register_module("layer1", make_layer(64, 64, deep ? 3 : 2, 1));
    m_layer2 = register_module("layer2", make_layer(64, 128, deep ? 4 : 2, 2));
    m_layer3 = register_module("layer3", make_layer(128, 256, deep ? 6 : 2, 2));

    // torchvision's initialisation, so a random-init backbone here is distributed like torchvision's.
    torch::NoGradGuard no_grad;
    for (auto& m : modules(/*include_self=*/false)) {
        if (auto* c = m->as<torch::nn::Conv2d>()) {
            torch::nn::init::kaiming_normal_(c->weight, 0.0, torch::kFanOut, torch::kReLU);
        } else if (auto* bn = m->as<torch::nn::BatchNorm2d>()) {
            bn->weight.fill_(1.0);
            bn->bias.zero_();
        }
    }
}

std::vector<torch::Tensor> ResNetImpl::forward(torch::Tensor x) {
    // Channels-last all the way: what oneDNN's convolutions run fastest on (see folded_conv_bn.h).
    x = m_folded1(*m_conv1, *m_bn1, x.contiguous(at::MemoryFormat::ChannelsLast)).relu_();
    x = torch::max_pool2d(x, /*kernel_size=*/3, /*stride=*/2, /*padding=*/1);
    auto c1 = m_layer1->forward(x);
    auto c2 = m_layer2->forward(c1);
    auto c3 = m_layer3->forward(c2);
    // Callers may assume the default (NCHW) layout.
    return {c1.contiguous(), c2.contiguous(), c3.contiguous()};
}

std::unique_ptr<Backbone> make_resnet_backbone(int depth) {
    return std::make_unique<ResNetBackbone>(depth);
}

}  // namespace kensa::nn
