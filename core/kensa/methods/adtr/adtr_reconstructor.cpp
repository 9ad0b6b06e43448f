#include <kensa/methods/adtr/adtr_reconstructor.h>

#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_settings.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/runtime.h>
#include <kensa/nn/tensor_dict.h>

namespace kensa::adtr {

FeatureStandardisation read_feature_standardisation(const nn::TensorDict& tensors, int channels,
                                                    const std::string& source) {
    FeatureStandardisation out;
    for (auto [name, target] : {std::pair{"features.mean", &out.mean}, std::pair{"features.std", &out.std}}) {
        auto it = tensors.find(name);
        if (it == tensors.end() || it->second.dim() != 1 || it->second.size(0) != channels)
            throw Error(source + ": tensor '" + name + "' is missing or has the wrong shape");
        *target = it->second;
    }
    return out;
}

AdtrReconstructor::AdtrReconstructor(const model::ModelBundle& b, int threads)
    : m_config(config_from_settings(b.settings_json)) {
    nn::configure_threads(threads);
    const auto tensors = nn::to_tensor_dict(b.tensors);
    if (tensors.count("score.channel_scale"))
        throw Error("model: trained with residual normalisation, which this Kensa no longer runs: train it again");
    m_features.emplace(b, tensors, m_config.grid);
    if (m_features->channels() != m_config.channels)
        throw Error("model: the transformer expects " + std::to_string(m_config.channels) +
                    " feature channels, but backbone " + b.backbone + " gives a different number");
    m_standardisation = read_feature_standardisation(tensors, m_config.channels, "model");
    m_memory = read_memory(b.settings_json, tensors, m_config.channels, m_features->backbone());
    m_transformer = AdtrTransformer(m_config);
    nn::load_module_state(*m_transformer, nn::strip_prefix(tensors, "adtr."), "model (transformer)");
    m_transformer->eval();
}

Reconstruction AdtrReconstructor::run(const std::vector<cv::Mat>& images) {
    torch::NoGradGuard no_grad;
    Reconstruction r;
    const auto& source = m_memory.source;
    torch::Tensor raw;
    if (m_memory.enabled() && !source.own_grid()) {
        auto [grids, memory_grids] = m_features->extract_with(images, {source.grid, source.first_stage, {}});
        raw = std::move(grids);
        r.memory_features = nn::local_patches(memory_grids, source.neighbourhood);
    } else {
        raw = m_features->extract(images);
    }
    r.features = nn::standardize_features(raw, m_standardisation.mean, m_standardisation.std);
    r.reconstruction = m_transformer->forward(r.features).to(torch::kFloat32);
    if (m_memory.enabled() && source.own_grid())
        r.memory_features = r.features;
    return r;
}

}  // namespace kensa::adtr
