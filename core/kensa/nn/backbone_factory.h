#pragma once
// Creating backbones by id. Which weights file belongs to which backbone is the features library's business
// (kensa/features/backbone_catalog.h); here a path is always given explicitly.

#include <kensa/nn/backbone.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace kensa::nn {

// "mobilenet_v2", "efficientnet_b4", "resnet18", "resnet34".
std::vector<std::string> backbone_ids();

// A backbone with random weights (tests, the random-init ablation). Throws Error on an unknown id.
std::unique_ptr<Backbone> create_backbone(const std::string& id);

// A backbone with weights read from a safetensors file (names, shapes and dtypes checked).
std::unique_ptr<Backbone> load_backbone(const std::string& id, const std::filesystem::path& weights);

}  // namespace kensa::nn
