#include <kensa/methods/diffusion/diffusion_method.h>

#include <kensa/base/error.h>
#include <kensa/features/bundle_backbone.h>
#include <kensa/methods/detector_support.h>
#include <kensa/methods/diffusion/diffusion_scorer.h>
#include <kensa/methods/diffusion/diffusion_training.h>
#include <kensa/nn/image_tensor.h>
#include <kensa/nn/runtime.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>

namespace kensa::diffusion {

void DiffusionOptions::validate() const {
    if (resolution < 16 || resolution % 16 != 0)
        throw Error("diffusion: the resolution must be a positive multiple of 16");
    if (base_channels < 8 || base_channels % 8 != 0)
        throw Error("diffusion: the UNet width must be a multiple of 8, at least 8");
    if (res_blocks < 1)
        throw Error("diffusion: the UNet needs at least one residual block per level");
    if (epochs < 1 || batch_size < 1)
        throw Error("diffusion: epochs and batch size must be positive");
    if (!(learning_rate > 0))
        throw Error("diffusion: the learning rate must be positive");
    if (!(ema_decay >= 0 && ema_decay < 1))
        throw Error("diffusion: the weight average's decay must be in [0, 1)");
    if (diffusion_steps < 10)
        throw Error("diffusion: the noise schedule needs at least 10 steps");
    if (sampling_steps < 2 || sampling_steps > diffusion_steps)
        throw Error("diffusion: the sampling steps must be between 2 and the schedule's steps");
    if (start_step < 1 || start_step >= diffusion_steps)
        throw Error("diffusion: the start step must be between 1 and the schedule's last step");
    if (!(alpha >= 0 && alpha <= 1))
        throw Error("diffusion: alpha must be in [0, 1]");
}

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kFeatureStride = 8;       // the feature term's grid: 28 x 28 for 224 px
constexpr int kCalibrationImages = 16;  // training images that set the terms' statistics
// Start steps besides the trained one whose statistics a model keeps (inspection may start from any of them).
constexpr int kCalibratedStarts[] = {50, 100, 200, 300, 400};
constexpr uint64_t kNoiseSeed = 20231002;

UNetShape unet_shape(const DiffusionOptions& o) {
    UNetShape shape;
    shape.base_channels = o.base_channels;
    shape.res_blocks = o.res_blocks;
    shape.mults = {1, 2, 2, 2};
    shape.attention_heads = 4;
    return shape;
}

DiffusionOptions options_from(const nlohmann::json& s) {
    DiffusionOptions o;
    o.resolution = s.at("resolution").get<int>();
    o.base_channels = s.at("base_channels").get<int>();
    o.res_blocks = s.at("res_blocks").get<int>();
    o.diffusion_steps = s.at("diffusion_steps").get<int>();
    o.sampling_steps = s.at("sampling_steps").get<int>();
    o.start_step = s.at("start_step").get<int>();
    o.alpha = s.at("alpha").get<double>();
    o.validate();
    return o;
}

// A model's term statistics for one start step, as its settings keep them.
nlohmann::json statistics_json(int start_step, const TermStatistics& s) {
    return {{"start_step", start_step},
            {"kl_mean", s.kl_mean},
            {"kl_std", s.kl_std},
            {"feature_mean", s.feature_mean},
            {"feature_std", s.feature_std}};
}

TermStatistics statistics_from(const nlohmann::json& s) {
    return {s.at("kl_mean").get<double>(), s.at("kl_std").get<double>(), s.at("feature_mean").get<double>(),
            s.at("feature_std").get<double>()};
}

class DiffusionDetector final : public engine::Detector {
public:
    DiffusionDetector(const model::ModelBundle& bundle, int threads) {
        nn::configure_threads(threads);
        const auto settings = nlohmann::json::parse(bundle.settings_json);
        try {
            m_options = options_from(settings);
        } catch (const Error& e) {
            throw Error(std::string("model: ") + e.what());
        }
        // The terms' statistics for the start step inspection runs from.
        bool calibrated = false;
        for (const auto& s : settings.at("statistics"))
            if (s.at("start_step").get<int>() == m_options.start_step) {
                m_statistics = statistics_from(s);
                calibrated = true;
            }
        if (!calibrated)
            throw Error("model: the denoiser has no statistics for start step " + std::to_string(m_options.start_step));
        const auto tensors = nn::to_tensor_dict(bundle.tensors);
        m_features.emplace(bundle, tensors, settings.at("feature_grid").get<int64_t>());
        const auto std_it = tensors.find("diffusion.feature_std");
        if (std_it == tensors.end() || std_it->second.dim() != 1 || std_it->second.size(0) != m_features->channels())
            throw Error("model: the denoiser's feature statistics are missing or do not fit its backbone");
        DenoiserUNet unet(unet_shape(m_options));
        nn::load_module_state(*unet, nn::strip_prefix(tensors, "diffusion.unet."), "model (denoiser)");
        m_scorer.emplace(unet, NoiseSchedule::linear(m_options.diffusion_steps), m_options.sampling_steps,
                         m_options.start_step, settings.at("noise_seed").get<uint64_t>(),
                         [this](const std::vector<cv::Mat>& images) { return m_features->extract(images); },
                         std_it->second);
    }

    cv::Size grid_size() const override { return engine::square(m_options.resolution); }

    std::vector<engine::GridScore> score(const std::vector<cv::Mat>& images) override {
        const auto terms = m_scorer->terms(images, m_options.resolution, /*with_features=*/m_options.alpha < 1.0);
        return engine::to_grid_scores(DenoiserScorer::combine(terms, m_statistics, m_options.alpha));
    }

private:
    DiffusionOptions m_options;
    TermStatistics m_statistics;
    std::optional<engine::BundleFeatures> m_features;
    std::optional<DenoiserScorer> m_scorer;
};

class DiffusionMethod final : public engine::Method {
public:
    std::string_view id() const override { return "diffusion"; }
    std::string_view name() const override { return "Diffusion denoiser"; }
    std::string_view summary() const override {
        return "noises each image and denoises it back; scores where the denoiser disagrees with the image (Lu et "
               "al. 2023)";
    }
    bool compared_by_default() const override { return false; }  // 10-20 minutes of training per product

    engine::FitResult fit(const std::vector<cv::Mat>& normal, const std::vector<engine::DefectSample>&,
                          const engine::TrainingConfig& config, const ProgressCallback& progress) const override {
        const auto& o = config.diffusion;
        o.validate();
        engine::FitResult fit;
        auto& result = fit.result;
        auto features_config = engine::one_pass_features(config, kFeatureStride);
        engine::BackboneFeatures backbone(features_config);
        const auto small = at_resolution(normal, o.resolution);

        // The feature term's per-channel spread, from the training images as the denoiser sees them.
        auto t0 = Clock::now();
        torch::Tensor feature_std;
        {
            torch::NoGradGuard no_grad;
            const auto features = backbone.extract(small, progress);
            feature_std = features.transpose(0, 1).reshape({features.size(1), -1}).std(1).clamp_min(1e-6);
        }
        result.feature_seconds = std::chrono::duration<double>(Clock::now() - t0).count();

        t0 = Clock::now();
        const auto schedule = NoiseSchedule::linear(o.diffusion_steps);
        const auto images = nn::images_to_tensor(small, o.resolution) * 2.0 - 1.0;
        DenoiserTrainingRecord record;
        auto unet = train_denoiser(DenoiserUNet(unet_shape(o)), schedule, images, o, config.seed, progress, record);
        result.epoch_losses = record.epoch_losses;
        result.epoch_seconds = record.epoch_seconds;

        // Each term's mean and spread on training images, so that alpha mixes like with like; for the start
        // step asked for and a few others, so that a model can be inspected from those too (the ablation).
        std::vector<cv::Mat> calibration;
        for (size_t i = 0; i < small.size() && calibration.size() < kCalibrationImages;
             i += std::max<size_t>(1, small.size() / kCalibrationImages))
            calibration.push_back(small[i]);
        const auto features = [&backbone](const std::vector<cv::Mat>& batch) { return backbone.extract(batch, {}); };
        std::vector<int> starts{o.start_step};
        for (const int t : kCalibratedStarts)
            if (t != o.start_step && t < o.diffusion_steps)
                starts.push_back(t);
        nlohmann::json statistics = nlohmann::json::array();
        int64_t denoising_steps = 0;
        for (const int start : starts) {
            report(progress, {"training", 1, 1, "calibrating the terms", 0.0});
            DenoiserScorer scorer(unet, schedule, o.sampling_steps, start, kNoiseSeed, features, feature_std);
            if (start == o.start_step)
                denoising_steps = scorer.denoising_steps();
            statistics.push_back(statistics_json(start, term_statistics(scorer.terms(calibration, o.resolution))));
        }
        result.training_seconds = std::chrono::duration<double>(Clock::now() - t0).count();

        auto& bundle = result.bundle;
        bundle.settings_json = nlohmann::json{{"resolution", o.resolution},
                                              {"base_channels", o.base_channels},
                                              {"res_blocks", o.res_blocks},
                                              {"diffusion_steps", o.diffusion_steps},
                                              {"sampling_steps", o.sampling_steps},
                                              {"start_step", o.start_step},
                                              {"alpha", o.alpha},
                                              {"feature_grid", backbone.grid()},
                                              {"noise_seed", kNoiseSeed},
                                              {"statistics", statistics}}
                                   .dump();
        auto tensors = engine::describe_backbone(bundle, backbone);
        for (auto& [name, tensor] : nn::with_prefix(nn::module_state(*unet), "diffusion.unet."))
            tensors.emplace(name, tensor);
        tensors.emplace("diffusion.feature_std", feature_std.to(torch::kFloat).contiguous());
        bundle.tensors = nn::to_archive(tensors);
        int64_t parameters = 0;
        for (const auto& p : unet->parameters())
            parameters += p.numel();
        bundle.training_json = nlohmann::json{{"epochs", o.epochs},
                                              {"batch_size", o.batch_size},
                                              {"learning_rate", o.learning_rate},
                                              {"ema_decay", o.ema_decay},
                                              {"parameters", parameters},
                                              {"denoising_steps", denoising_steps}}
                                   .dump();
        return fit;
    }

    std::unique_ptr<engine::Detector> load(const model::ModelBundle& bundle, int threads) const override {
        return engine::load_detector<DiffusionDetector>("Diffusion denoiser", bundle, threads);
    }
};

}  // namespace

const engine::Method& diffusion_method() {
    static const DiffusionMethod method;
    return method;
}

}  // namespace kensa::diffusion
