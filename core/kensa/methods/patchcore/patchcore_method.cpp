#include <kensa/methods/patchcore/patchcore_method.h>

#include <kensa/base/error.h>
#include <kensa/features/bundle_backbone.h>
#include <kensa/methods/detector_support.h>
#include <kensa/methods/patchcore/patchcore_model.h>
#include <kensa/nn/coreset.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/runtime.h>

#include <nlohmann/json.hpp>

#include <chrono>

namespace kensa::patchcore {

void PatchCoreOptions::validate() const {
    if (grid_stride != 4 && grid_stride != 8 && grid_stride != 16)
        throw Error("PatchCore: the grid stride must be 4, 8 or 16");
    if (neighbourhood < 1 || neighbourhood % 2 == 0)
        throw Error("PatchCore: the neighbourhood must be an odd size");
    if (!(coreset_ratio > 0 && coreset_ratio <= 1))
        throw Error("PatchCore: the coreset ratio must be in (0, 1]");
    if (projection_dim < 0 || reweight_neighbours < 1)
        throw Error("PatchCore: the projection size must not be negative, the re-weighting neighbours positive");
}

namespace {

using Clock = std::chrono::steady_clock;

class PatchCoreDetector final : public engine::Detector {
public:
    PatchCoreDetector(const model::ModelBundle& bundle, int threads) {
        nn::configure_threads(threads);
        const auto settings = nlohmann::json::parse(bundle.settings_json);
        m_neighbourhood = settings.at("neighbourhood");
        m_reweight = settings.at("reweight_neighbours");
        const auto tensors = nn::to_tensor_dict(bundle.tensors);
        m_features.emplace(bundle, tensors, settings.at("grid").get<int64_t>());
        const auto it = tensors.find("patchcore.memory");
        if (it == tensors.end() || it->second.dim() != 2 || it->second.size(1) != m_features->channels())
            throw Error("model: tensor 'patchcore.memory' is missing or does not fit the backbone");
        m_memory = it->second;
    }

    cv::Size grid_size() const override { return engine::square(m_features->grid()); }

    std::vector<engine::GridScore> score(const std::vector<cv::Mat>& images) override {
        const auto scores = score_patches(nn::local_patches(m_features->extract(images), m_neighbourhood), m_memory, m_reweight);
        return engine::to_grid_scores(scores.grids, scores.images);
    }

private:
    std::optional<engine::BundleFeatures> m_features;
    torch::Tensor m_memory;
    int m_neighbourhood = 3, m_reweight = 9;
};

class PatchCoreMethod final : public engine::Method {
public:
    std::string_view id() const override { return "patchcore"; }
    std::string_view name() const override { return "PatchCore"; }
    std::string_view summary() const override {
        return "distance of each patch to the nearest of a coreset of normal patches (Roth et al. 2022)";
    }

    engine::FitResult fit(const std::vector<cv::Mat>& normal, const std::vector<engine::DefectSample>&,
                          const engine::TrainingConfig& config, const ProgressCallback& progress) const override {
        const auto& o = config.patchcore;
        o.validate();
        torch::NoGradGuard no_grad;
        engine::FitResult fit;
        auto& result = fit.result;
        auto features_config = engine::one_pass_features(config, o.grid_stride);
        features_config.first_stage = -2;  // the two mid-level (last two) stages
        engine::BackboneFeatures backbone(features_config);
        auto t0 = Clock::now();
        const auto patches = nn::local_patches(backbone.extract(normal, progress), o.neighbourhood);
        result.feature_seconds = std::chrono::duration<double>(Clock::now() - t0).count();

        t0 = Clock::now();
        const auto flat = nn::grid_rows(patches);
        const auto coreset = nn::sample_coreset(flat, o.coreset_ratio, o.projection_dim, [&](const Progress& p) {
            return !progress || progress({"training", p.done, p.total, "coreset", 0.0});
        });
        const auto memory = flat.index_select(0, coreset.chosen).contiguous();
        result.training_seconds = std::chrono::duration<double>(Clock::now() - t0).count();

        auto& bundle = result.bundle;
        bundle.settings_json = nlohmann::json{{"grid", backbone.grid()},
                                              {"neighbourhood", o.neighbourhood},
                                              {"reweight_neighbours", o.reweight_neighbours},
                                              {"coreset_ratio", o.coreset_ratio},
                                              {"projection_dim", coreset.projection_dim}}
                                   .dump();
        auto tensors = engine::describe_backbone(bundle, backbone);
        tensors.emplace("patchcore.memory", memory);
        bundle.tensors = nn::to_archive(tensors);
        bundle.training_json = nlohmann::json{{"mode", "normal-only"},
                                              {"patches", flat.size(0)},
                                              {"memory_patches", memory.size(0)}}
                                   .dump();
        return fit;
    }

    std::unique_ptr<engine::Detector> load(const model::ModelBundle& bundle, int threads) const override {
        return engine::load_detector<PatchCoreDetector>("PatchCore", bundle, threads);
    }
};

}  // namespace

const engine::Method& patchcore_method() {
    static const PatchCoreMethod method;
    return method;
}

}  // namespace kensa::patchcore
