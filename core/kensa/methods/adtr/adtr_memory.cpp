#include <kensa/methods/adtr/adtr_memory.h>

#include <kensa/base/error.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/knn.h>

#include <nlohmann/json.hpp>

namespace kensa::adtr {

torch::Tensor memory_distance(const torch::Tensor& features, const torch::Tensor& bank) {
    const auto nearest = nn::nearest_neighbours(nn::grid_rows(features), bank, 1);
    return nearest.distances.view({features.size(0), features.size(2), features.size(3)});
}

torch::Tensor row_owners(const torch::Tensor& features) {
    return torch::arange(features.size(0), torch::kLong).repeat_interleave(features.size(2) * features.size(3));
}

torch::Tensor leave_own_image_out_distance(const torch::Tensor& features, const torch::Tensor& bank,
                                           const torch::Tensor& owners) {
    if (features.size(0) < 2)
        throw Error("ADTR memory: at least 2 training images are needed");
    std::vector<torch::Tensor> out;
    for (int64_t i = 0; i < features.size(0); ++i) {
        const auto others = bank.index_select(0, (owners != i).nonzero().squeeze(1));
        out.push_back(memory_distance(features.slice(0, i, i + 1), others));
    }
    return torch::cat(out);
}

torch::Tensor combined_grid(const torch::Tensor& reconstruction_error, const torch::Tensor& distance,
                            const MemoryTerm& memory) {
    auto error = reconstruction_error;
    if (error.sizes() != distance.sizes()) {
        namespace F = torch::nn::functional;
        const auto size = std::vector<int64_t>{distance.size(1), distance.size(2)};
        error = F::interpolate(error.unsqueeze(1),
                               F::InterpolateFuncOptions().size(size).mode(torch::kBilinear).align_corners(false))
                    .squeeze(1);
    }
    return error / memory.reconstruction_scale + (memory.weight / memory.memory_scale) * distance;
}

std::string with_memory_settings(const std::string& settings_json, const MemoryTerm& memory) {
    auto j = nlohmann::json::parse(settings_json);
    j["memory"] = {{"weight", memory.weight},
                   {"reconstruction_scale", memory.reconstruction_scale},
                   {"memory_scale", memory.memory_scale}};
    if (!memory.source.own_grid())
        j["memory"]["source"] = {{"grid", memory.source.grid},
                                 {"first_stage", memory.source.first_stage},
                                 {"neighbourhood", memory.source.neighbourhood}};
    return j.dump();
}

MemoryTerm read_memory(const std::string& settings_json, const std::map<std::string, torch::Tensor>& tensors,
                       int64_t transformer_channels, const nn::Backbone& backbone) {
    MemoryTerm memory;
    try {
        const auto j = nlohmann::json::parse(settings_json);
        if (!j.contains("memory"))
            return memory;
        const auto& m = j.at("memory");
        memory.weight = m.at("weight");
        memory.reconstruction_scale = m.at("reconstruction_scale");
        memory.memory_scale = m.at("memory_scale");
        if (m.contains("source")) {
            const auto& s = m.at("source");
            memory.source.grid = s.at("grid");
            memory.source.first_stage = s.at("first_stage");
            memory.source.neighbourhood = s.at("neighbourhood");
        }
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("ADTR settings: the memory is malformed (") + e.what() + ")");
    }
    if (!(memory.weight >= 0) || !(memory.reconstruction_scale > 0) || !(memory.memory_scale > 0))
        throw Error("ADTR settings: the memory's weight must not be negative and its scales must be positive");
    const auto& source = memory.source;
    if (source.grid < 0 || source.grid > 1024 || source.neighbourhood < 1 || source.neighbourhood % 2 == 0)
        throw Error("ADTR settings: the memory's grid or neighbourhood is out of range");
    const int64_t channels =
        source.own_grid() ? transformer_channels : nn::grid_channels(backbone, source.first_stage);
    const auto it = tensors.find("memory.bank");
    if (it == tensors.end() || it->second.dim() != 2 || it->second.size(0) < 1 || it->second.size(1) != channels ||
        it->second.scalar_type() != torch::kFloat)
        throw Error("model: tensor 'memory.bank' is missing or does not fit the features");
    memory.bank = it->second;
    return memory;
}

}  // namespace kensa::adtr
