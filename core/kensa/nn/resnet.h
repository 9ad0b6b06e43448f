#pragma once
// torchvision's ResNet-18/34 (0.14), cut after layer3. Parameter and buffer names equal torchvision's
// state_dict keys ("layer2.0.downsample.1.running_var"), so a torchvision state_dict restricted to
// conv1, bn1 and layer1..layer3 loads directly (scripts/export_torchvision_backbone.py writes such a file).

#include <kensa/nn/backbone.h>
#include <kensa/nn/folded_conv_bn.h>

#include <memory>

namespace kensa::nn {

// Stem (conv1, bn1, ReLU, max-pool) and layer1..layer3 of BasicBlocks; layer4 and fc are left out.
class ResNetImpl : public torch::nn::Module {
public:
    explicit ResNetImpl(int depth);  // 18 or 34; throws Error otherwise

    // x: normalised images. Returns the outputs of layer1, layer2, layer3.
    std::vector<torch::Tensor> forward(torch::Tensor x);

private:
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::BatchNorm2d m_bn1{nullptr};
    torch::nn::Sequential m_layer1{nullptr};
    torch::nn::Sequential m_layer2{nullptr};
    torch::nn::Sequential m_layer3{nullptr};
    FoldedConvBn m_folded1;
};
TORCH_MODULE(ResNet);

// Feature stages layer1/2/3 (64, 128, 256 channels at strides 4, 8, 16), ImageNet normalisation,
// id "resnet18" or "resnet34". Random init as torchvision's; load weights with
// load_module_weights(b->module(), file). Throws Error for a depth other than 18 or 34.
std::unique_ptr<Backbone> make_resnet_backbone(int depth);

}  // namespace kensa::nn
