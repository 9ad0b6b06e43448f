#include <kensa/nn/backbone_factory.h>

#include <kensa/base/error.h>
#include <kensa/nn/efficientnet.h>
#include <kensa/nn/mobilenet_v2.h>
#include <kensa/nn/resnet.h>

namespace kensa::nn {

std::vector<std::string> backbone_ids() {
    return {"mobilenet_v2", "efficientnet_b4", "resnet18", "resnet34"};
}

std::unique_ptr<Backbone> create_backbone(const std::string& id) {
    if (id == "mobilenet_v2")
        return make_mobilenet_v2_backbone();
    if (id == "efficientnet_b4")
        return make_efficientnet_b4_backbone();
    if (id == "resnet18")
        return make_resnet_backbone(18);
    if (id == "resnet34")
        return make_resnet_backbone(34);
    std::string known;
    for (const auto& k : backbone_ids())
        known += (known.empty() ? "" : ", ") + k;
    throw Error("unknown backbone '" + id + "' (known: " + known + ")");
}

std::unique_ptr<Backbone> load_backbone(const std::string& id, const std::filesystem::path& weights) {
    auto backbone = create_backbone(id);
    backbone->load_weights(weights);
    return backbone;
}

}  // namespace kensa::nn
