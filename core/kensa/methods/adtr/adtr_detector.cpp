#include <kensa/methods/adtr/adtr_detector.h>

#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_settings.h>
#include <kensa/methods/adtr/adtr_transformer.h>
#include <kensa/features/bundle_backbone.h>
#include <kensa/methods/detector_support.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/runtime.h>
#include <kensa/nn/tensor_dict.h>

#include <optional>

namespace kensa::adtr {

namespace {

class AdtrDetector final : public engine::Detector {
public:
    AdtrDetector(const model::ModelBundle& b, int threads) : m_config(config_from_settings(b.settings_json)) {
        nn::configure_threads(threads);
        const auto tensors = nn::to_tensor_dict(b.tensors);
        if (tensors.count("score.channel_scale"))
            throw Error("model: trained with residual normalisation, which this Kensa no longer runs: train it again");
        m_features.emplace(b, tensors, m_config.grid);
        if (m_features->channels() != m_config.channels)
            throw Error("model: the transformer expects " + std::to_string(m_config.channels) +
                        " feature channels, but backbone " + b.backbone + " gives a different number");
        for (auto [name, target] :
             {std::pair{"features.mean", &m_feature_mean}, std::pair{"features.std", &m_feature_std}}) {
            auto it = tensors.find(name);
            if (it == tensors.end() || it->second.dim() != 1 || it->second.size(0) != m_config.channels)
                throw Error(std::string("model: tensor '") + name + "' is missing or has the wrong shape");
            *target = it->second;
        }
        m_transformer = AdtrTransformer(m_config);
        nn::load_module_state(*m_transformer, nn::strip_prefix(tensors, "adtr."), "model (transformer)");
        m_transformer->eval();
    }

    cv::Size grid_size() const override { return {m_config.grid, m_config.grid}; }

    std::vector<engine::GridScore> score(const std::vector<cv::Mat>& images) override {
        torch::NoGradGuard no_grad;
        const auto features = nn::standardize_features(m_features->extract(images), m_feature_mean, m_feature_std);
        const auto reconstruction = m_transformer->forward(features).to(torch::kFloat32);
        return engine::to_grid_scores(anomaly_grid(reconstruction, features));
    }

private:
    AdtrConfig m_config;
    std::optional<engine::BundleFeatures> m_features;  // the bundle's backbone on the transformer's grid
    AdtrTransformer m_transformer{nullptr};
    torch::Tensor m_feature_mean, m_feature_std;  // per-channel standardisation learned in training
};

}  // namespace

std::unique_ptr<engine::Detector> load_adtr_detector(const model::ModelBundle& bundle, int threads) {
    return std::make_unique<AdtrDetector>(bundle, threads);
}

}  // namespace kensa::adtr
