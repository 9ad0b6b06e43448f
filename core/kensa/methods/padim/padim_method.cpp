#include <kensa/methods/padim/padim_method.h>

#include <kensa/base/error.h>
#include <kensa/features/bundle_backbone.h>
#include <kensa/methods/detector_support.h>
#include <kensa/methods/padim/padim_model.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/runtime.h>

#include <nlohmann/json.hpp>

#include <chrono>

namespace kensa::padim {

void PadimOptions::validate() const {
    if (grid_stride != 4 && grid_stride != 8 && grid_stride != 16)
        throw Error("PaDiM: the grid stride must be 4, 8 or 16");
    if (channels < 0)
        throw Error("PaDiM: the channel count must not be negative");
    if (!(regularisation > 0))
        throw Error("PaDiM: the covariance regularisation must be positive");
}

namespace {

using Clock = std::chrono::steady_clock;

class PadimDetector final : public engine::Detector {
public:
    PadimDetector(const model::ModelBundle& bundle, int threads) {
        nn::configure_threads(threads);
        const auto settings = nlohmann::json::parse(bundle.settings_json);
        const auto tensors = nn::to_tensor_dict(bundle.tensors);
        m_features.emplace(bundle, tensors, settings.at("grid").get<int64_t>());
        // Fitted on bf16 features: bf16 here too where the CPU runs it natively; elsewhere fp32, whose features
        // differ from the fitted ones only by bf16 rounding (oneDNN may not run bf16 convolutions there).
        const auto recorded = settings.value("backbone_precision", std::string(to_string(Precision::Float32)));
        const auto precision = parse_precision(recorded);
        if (!precision || *precision == Precision::Auto)
            throw Error("model: PaDiM's backbone precision '" + recorded + "' is unknown");
        m_features->set_precision(*precision == Precision::BFloat16 ? Precision::Auto : Precision::Float32);
        const auto find = [&](const char* name) {
            const auto it = tensors.find(name);
            if (it == tensors.end())
                throw Error(std::string("model: tensor '") + name + "' is missing");
            return it->second;
        };
        m_channels = find("padim.channels");
        const Gaussians gaussians{find("padim.mean"), find("padim.precision")};
        try {
            nn::check_channel_subset(m_channels, m_features->channels());
        } catch (const Error& e) {
            throw Error(std::string("model: PaDiM's channel list is malformed (") + e.what() + ")");
        }
        const int64_t p = m_features->grid() * m_features->grid(), c = m_channels.size(0);
        if (gaussians.mean.sizes() != torch::IntArrayRef{p, c} ||
            gaussians.precision.sizes() != torch::IntArrayRef{p, c, c})
            throw Error("model: PaDiM's tensors do not fit its grid and backbone");
        m_gaussians = pack(gaussians);
    }

    cv::Size grid_size() const override { return engine::square(m_features->grid()); }

    std::vector<engine::GridScore> score(const std::vector<cv::Mat>& images) override {
        return engine::to_grid_scores(mahalanobis(m_features->extract(images, m_channels), m_gaussians));
    }

private:
    std::optional<engine::BundleFeatures> m_features;
    torch::Tensor m_channels;
    PackedGaussians m_gaussians;
};

class PadimMethod final : public engine::Method {
public:
    std::string_view id() const override { return "padim"; }
    std::string_view name() const override { return "PaDiM"; }
    std::string_view summary() const override {
        return "Mahalanobis distance to a Gaussian of normal features at each position (Defard et al. 2021)";
    }

    engine::FitResult fit(const std::vector<cv::Mat>& normal, const std::vector<engine::DefectSample>&,
                          const engine::TrainingConfig& config, const ProgressCallback& progress) const override {
        const auto& o = config.padim;
        o.validate();
        torch::NoGradGuard no_grad;
        engine::FitResult fit;
        auto& result = fit.result;
        auto features_config = engine::one_pass_features(config, o.grid_stride);
        features_config.precision = o.precision;
        engine::BackboneFeatures backbone(features_config);
        const int64_t all = backbone.channels();
        const int64_t d = o.channels > 0 && o.channels < all ? o.channels : all;
        const auto channels = std::get<0>(torch::randperm(all, torch::kLong).slice(0, 0, d).sort());
        auto t0 = Clock::now();
        const auto features = backbone.extract(normal, progress, channels);
        result.feature_seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        t0 = Clock::now();
        report(progress, {"training", 0, 1, "Gaussians", 0.0});
        const auto gaussians = fit_gaussians(features, o.regularisation);
        report(progress, {"training", 1, 1, "Gaussians", 0.0});
        result.training_seconds = std::chrono::duration<double>(Clock::now() - t0).count();

        auto& bundle = result.bundle;
        bundle.settings_json =
            nlohmann::json{{"grid", backbone.grid()},
                           {"channels", d},
                           {"regularisation", o.regularisation},
                           {"backbone_precision", to_string(backbone.backbone().precision())}}
                .dump();
        auto tensors = engine::describe_backbone(bundle, backbone);
        tensors.emplace("padim.channels", channels.contiguous());
        tensors.emplace("padim.mean", gaussians.mean);
        tensors.emplace("padim.precision", gaussians.precision);
        bundle.tensors = nn::to_archive(tensors);
        bundle.training_json = nlohmann::json{{"channels_of", all}}.dump();
        return fit;
    }

    std::unique_ptr<engine::Detector> load(const model::ModelBundle& bundle, int threads) const override {
        return engine::load_detector<PadimDetector>("PaDiM", bundle, threads);
    }
};

}  // namespace

const engine::Method& padim_method() {
    static const PadimMethod method;
    return method;
}

}  // namespace kensa::padim
