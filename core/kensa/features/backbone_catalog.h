#pragma once
// The backbones Kensa offers, and where their pretrained weights come from. No LibTorch here.

#include <filesystem>
#include <string>
#include <vector>

namespace kensa::engine {

inline constexpr const char* kDefaultBackbone = "mobilenet_v2";

struct BackboneInfo {
    std::string id;                  // "mobilenet_v2", "efficientnet_b4", "resnet18", "resnet34"
    std::string display_name;        // "MobileNetV2 (ImageNet, via nsfwjs)"
    std::string weights_file;        // default file name on the weights search path
    std::string description;         // one line: stages, strides, channels
    std::string how_to_get_weights;  // what a user runs when the file is missing
};

const std::vector<BackboneInfo>& backbone_catalog();
const BackboneInfo& backbone_info(const std::string& id);  // throws Error listing the known ids

// The default weights file of a backbone on the search path (kensa/base/paths.h), or empty.
std::filesystem::path find_backbone_weights(const std::string& id);

// `explicit_path` when given (it must exist), else the default file; throws Error with
// how_to_get_weights when neither exists.
std::filesystem::path resolve_backbone_weights(const std::string& id,
                                               const std::filesystem::path& explicit_path = {});

}  // namespace kensa::engine
