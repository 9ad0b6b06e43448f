#include <kensa/methods/adtr/adtr_memory.h>

#include <kensa/base/error.h>
#include <kensa/nn/knn.h>

#include <nlohmann/json.hpp>

namespace kensa::adtr {

torch::Tensor feature_rows(const torch::Tensor& features) {
    TORCH_CHECK(features.dim() == 4, "feature_rows: expected [N, C, g, g]");
    return features.permute({0, 2, 3, 1}).reshape({-1, features.size(1)}).contiguous();
}

torch::Tensor memory_distance(const torch::Tensor& features, const torch::Tensor& bank) {
    const auto nearest = nn::nearest_neighbours(feature_rows(features), bank, 1);
    return nearest.distances.view({features.size(0), features.size(2), features.size(3)});
}

torch::Tensor leave_own_image_out_distance(const torch::Tensor& features) {
    if (features.size(0) < 2)
        throw Error("ADTR memory: at least 2 training images are needed");
    const auto rows = feature_rows(features);
    const int64_t per_image = features.size(2) * features.size(3);
    std::vector<torch::Tensor> out;
    for (int64_t i = 0; i < features.size(0); ++i) {
        const auto others = torch::cat({rows.slice(0, 0, i * per_image), rows.slice(0, (i + 1) * per_image)});
        out.push_back(memory_distance(features.slice(0, i, i + 1), others));
    }
    return torch::cat(out);
}

torch::Tensor combined_grid(const torch::Tensor& reconstruction_error, const torch::Tensor& distance,
                            const MemoryTerm& memory) {
    return reconstruction_error / memory.reconstruction_scale + (memory.weight / memory.memory_scale) * distance;
}

std::string with_memory_settings(const std::string& settings_json, const MemoryTerm& memory) {
    auto j = nlohmann::json::parse(settings_json);
    j["memory"] = {{"weight", memory.weight},
                   {"reconstruction_scale", memory.reconstruction_scale},
                   {"memory_scale", memory.memory_scale}};
    return j.dump();
}

MemoryTerm read_memory(const std::string& settings_json, const std::map<std::string, torch::Tensor>& tensors,
                       int64_t channels) {
    MemoryTerm memory;
    try {
        const auto j = nlohmann::json::parse(settings_json);
        if (!j.contains("memory"))
            return memory;
        const auto& m = j.at("memory");
        memory.weight = m.at("weight");
        memory.reconstruction_scale = m.at("reconstruction_scale");
        memory.memory_scale = m.at("memory_scale");
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("ADTR settings: the memory is malformed (") + e.what() + ")");
    }
    if (!(memory.weight >= 0) || !(memory.reconstruction_scale > 0) || !(memory.memory_scale > 0))
        throw Error("ADTR settings: the memory's weight must not be negative and its scales must be positive");
    const auto it = tensors.find("memory.bank");
    if (it == tensors.end() || it->second.dim() != 2 || it->second.size(0) < 1 || it->second.size(1) != channels ||
        it->second.scalar_type() != torch::kFloat)
        throw Error("model: tensor 'memory.bank' is missing or does not fit the features");
    memory.bank = it->second;
    return memory;
}

}  // namespace kensa::adtr
