#include <kensa/methods/spade/spade_method.h>

#include <kensa/base/error.h>
#include <kensa/features/bundle_backbone.h>
#include <kensa/methods/detector_support.h>
#include <kensa/methods/spade/spade_model.h>
#include <kensa/nn/runtime.h>

#include <nlohmann/json.hpp>

#include <chrono>

namespace kensa::spade {

void SpadeOptions::validate() const {
    if (k_images < 1 || k_pixels < 1)
        throw Error("SPADE: K (images) and kappa (pixels) must be positive");
    if (grid_stride != 4 && grid_stride != 8 && grid_stride != 16)
        throw Error("SPADE: the grid stride must be 4, 8 or 16");
}

namespace {

using Clock = std::chrono::steady_clock;

class SpadeDetector final : public engine::Detector {
public:
    SpadeDetector(const model::ModelBundle& bundle, int threads) {
        nn::configure_threads(threads);
        const auto settings = nlohmann::json::parse(bundle.settings_json);
        m_k_images = settings.at("k_images");
        m_k_pixels = settings.at("k_pixels");
        m_deep = settings.at("deep_channels");
        const auto tensors = nn::to_tensor_dict(bundle.tensors);
        m_features.emplace(bundle, tensors, settings.at("grid").get<int64_t>());
        const auto train = tensors.find("spade.features"), pooled = tensors.find("spade.pooled");
        if (m_deep <= 0 || m_deep > m_features->channels() || m_k_images < 1 || m_k_pixels < 1)
            throw Error("model: SPADE's settings do not fit its backbone");
        if (train == tensors.end() || pooled == tensors.end() || train->second.dim() != 4 ||
            train->second.size(0) == 0 || train->second.size(1) != m_features->channels() ||
            train->second.size(2) != m_features->grid() || train->second.size(3) != m_features->grid() ||
            pooled->second.sizes() != torch::IntArrayRef{train->second.size(0), m_deep})
            throw Error("model: SPADE's tensors are missing or do not fit its grid and backbone");
        m_train = by_position(train->second);
        m_pooled = pooled->second;
    }

    cv::Size grid_size() const override { return engine::square(m_features->grid()); }

    std::vector<engine::GridScore> score(const std::vector<cv::Mat>& images) override {
        const auto scores = spade::score(m_features->extract(images), m_train, m_pooled, m_deep, m_k_images, m_k_pixels);
        return engine::to_grid_scores(scores.grids, scores.images);
    }

private:
    std::optional<engine::BundleFeatures> m_features;
    torch::Tensor m_train, m_pooled;
    int m_k_images = 50, m_k_pixels = 1;
    int64_t m_deep = 0;
};

class SpadeMethod final : public engine::Method {
public:
    std::string_view id() const override { return "spade"; }
    std::string_view name() const override { return "SPADE"; }
    std::string_view summary() const override {
        return "nearest normal images by a deep feature, then each position's distance to their feature "
               "pyramids (Cohen & Hoshen 2020)";
    }

    engine::FitResult fit(const std::vector<cv::Mat>& normal, const std::vector<engine::DefectSample>&,
                          const engine::TrainingConfig& config, const ProgressCallback& progress) const override {
        const auto& o = config.spade;
        o.validate();
        torch::NoGradGuard no_grad;
        engine::FitResult fit;
        auto& result = fit.result;
        auto features_config = engine::one_pass_features(config, o.grid_stride);
        engine::BackboneFeatures backbone(features_config);
        const auto t0 = Clock::now();
        const auto features = backbone.extract(normal, progress).contiguous();
        const int64_t deep = backbone.backbone().stages().back().channels;
        const auto image_features = pooled(features, deep).contiguous();
        result.feature_seconds = std::chrono::duration<double>(Clock::now() - t0).count();

        auto& bundle = result.bundle;
        bundle.settings_json = nlohmann::json{{"grid", backbone.grid()},
                                              {"k_images", o.k_images},
                                              {"k_pixels", o.k_pixels},
                                              {"deep_channels", deep}}
                                   .dump();
        auto tensors = engine::describe_backbone(bundle, backbone);
        tensors.emplace("spade.features", features);
        tensors.emplace("spade.pooled", image_features);
        bundle.tensors = nn::to_archive(tensors);
        bundle.training_json = "{}";
        return fit;
    }

    std::unique_ptr<engine::Detector> load(const model::ModelBundle& bundle, int threads) const override {
        return engine::load_detector<SpadeDetector>("SPADE", bundle, threads);
    }
};

}  // namespace

const engine::Method& spade_method() {
    static const SpadeMethod method;
    return method;
}

}  // namespace kensa::spade
