#pragma once
// torchvision's EfficientNet-B4 (the ADTR paper's backbone), cut after the last feature stage Kensa uses.
// Parameter and buffer names equal torchvision 0.14's state_dict keys ("features.3.1.block.2.fc1.weight"),
// so a torchvision state_dict restricted to `features.0`..`features.7` loads directly
// (scripts/export_torchvision_backbone.py writes such a file).

#include <kensa/nn/backbone.h>

#include <memory>

namespace kensa::nn {

// The stem and the seven MBConv stages (`features.0`..`features.7`) of torchvision's EfficientNet-B4.
// The head conv (`features.8`) and the classifier are left out. All stages are always registered, so one
// weights file fits every choice of output stages; forward() stops after the last stage it is asked for.
class EfficientNetB4Impl : public torch::nn::Module {
public:
    EfficientNetB4Impl();

    // x: normalised images. Returns the outputs of `features.<i>` for each i in `indices` (ascending).
    std::vector<torch::Tensor> forward(torch::Tensor x, const std::vector<int64_t>& indices);

private:
    torch::nn::ModuleList m_features;
};
TORCH_MODULE(EfficientNetB4);

// Feature stages `features.1/2/3/5` (24, 32, 56, 160 channels at strides 2, 4, 8, 16: UniAD's 272
// channels), id "efficientnet_b4". Random init as torchvision's (kaiming-normal convs); load weights with
// load_module_weights(b->module(), f).
std::unique_ptr<Backbone> make_efficientnet_b4_backbone();

}  // namespace kensa::nn
