#include <kensa/features/backbone_catalog.h>

#include <kensa/base/error.h>
#include <kensa/base/paths.h>

namespace kensa::engine {

namespace {
BackboneInfo torchvision_backbone(const std::string& id, std::string name, std::string description) {
    const std::string file = id + "_imagenet.safetensors";
    return {id, std::move(name), file, std::move(description),
            "on a machine with internet and torchvision, run scripts/export_torchvision_backbone.py --arch " +
                id + " --weights DEFAULT --out " + file +
                ", then copy the file into $KENSA_WEIGHTS_DIR (or <install>/share/kensa/weights)"};
}
}  // namespace

const std::vector<BackboneInfo>& backbone_catalog() {
    static const std::vector<BackboneInfo> catalog{
        {"mobilenet_v2", "MobileNetV2 (ImageNet, offline default)", "mobilenet_v2_nsfwjs.safetensors",
         "blocks 2/5/10 of Keras MobileNetV2: 24+32+96 channels at strides 4/8/16",
         "run scripts/setup.sh (it converts the ImageNet-trained layers shipped in npm nsfwjs@4.3.0)"},
        torchvision_backbone("efficientnet_b4", "EfficientNet-B4 (torchvision, the paper's backbone)",
                             "torchvision features.1/2/3/5: 24+32+56+160 channels at strides 2/4/8/16"),
        torchvision_backbone("resnet18", "ResNet-18 (torchvision)",
                             "layer1-3: 64+128+256 channels at strides 4/8/16"),
        torchvision_backbone("resnet34", "ResNet-34 (torchvision)",
                             "layer1-3: 64+128+256 channels at strides 4/8/16"),
    };
    return catalog;
}

const BackboneInfo& backbone_info(const std::string& id) {
    for (const auto& info : backbone_catalog())
        if (info.id == id)
            return info;
    std::string known;
    for (const auto& info : backbone_catalog())
        known += (known.empty() ? "" : ", ") + info.id;
    throw Error("unknown backbone '" + id + "' (known: " + known + ")");
}

std::filesystem::path find_backbone_weights(const std::string& id) {
    return find_weights_file(backbone_info(id).weights_file);
}

std::filesystem::path resolve_backbone_weights(const std::string& id,
                                               const std::filesystem::path& explicit_path) {
    const auto& info = backbone_info(id);
    if (!explicit_path.empty()) {
        if (!std::filesystem::is_regular_file(explicit_path))
            throw file_error(explicit_path, "weights file not found");
        return explicit_path;
    }
    if (auto found = find_weights_file(info.weights_file); !found.empty())
        return found;
    std::string searched;
    for (const auto& dir : weights_search_path())
        searched += "\n  " + dir.string();
    throw Error("no weights for backbone '" + id + "': " + info.weights_file +
                " is not in any of:" + searched + "\nTo get it: " + info.how_to_get_weights);
}

}  // namespace kensa::engine
