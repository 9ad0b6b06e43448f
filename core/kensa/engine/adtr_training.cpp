#include <kensa/engine/adtr_training.h>

#include <kensa/base/error.h>
#include <kensa/engine/backbone_features.h>
#include <kensa/engine/inspector.h>
#include <kensa/nn/adtr_plus_loss.h>
#include <kensa/nn/adtr_transformer.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/runtime.h>
#include <kensa/nn/tensor_dict.h>

#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>

namespace kensa::engine {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// The q-quantile of values with linear interpolation between order statistics (numpy's default).
float quantile(std::vector<float> values, double q) {
    if (values.empty())
        return model::Thresholds::kUnset;
    const double pos = q * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, values.size() - 1);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
    const float a = values[lo];
    const float b =
        hi == lo ? a : *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end());
    return a + static_cast<float>(pos - static_cast<double>(lo)) * (b - a);
}

// Every k-th image goes to the hold-out: spread over the folder, and the same on every machine.
// Returns, per image, whether it is held out.
std::vector<bool> holdout_mask(size_t count, const TrainingConfig& config) {
    const auto n = static_cast<int>(count);
    int wanted = std::max(config.min_holdout, static_cast<int>(std::lround(config.holdout_fraction * n)));
    wanted = std::min(wanted, n / 2);  // never more than half of the training data
    const int stride = wanted > 0 ? n / wanted : n + 1;
    std::vector<bool> held(count, false);
    int taken = 0;
    for (int i = 0; i < n; ++i) {
        if (wanted > 0 && (i % stride) == stride - 1 && taken < wanted) {
            held[static_cast<size_t>(i)] = true;
            ++taken;
        }
    }
    return held;
}

// The image resized as images_to_tensor resizes it, so synthetic defects are drawn at the model's
// input size (cheap, and what the backbone sees) and an unaltered copy gives the cached features.
cv::Mat to_model_size(const cv::Mat& image, int size) {
    if (image.cols == size && image.rows == size)
        return image;
    cv::Mat out;
    cv::resize(image, out, cv::Size(size, size), 0, 0,
               (image.cols > size || image.rows > size) ? cv::INTER_AREA : cv::INTER_LINEAR);
    return out;
}

// Labels [N, g, g] from masks.
torch::Tensor grid_labels(const std::vector<cv::Mat>& masks, int64_t grid, double min_fraction) {
    auto labels = torch::empty({static_cast<int64_t>(masks.size()), grid, grid});
    for (size_t i = 0; i < masks.size(); ++i) {
        const cv::Mat cells = mask_to_grid(masks[i], static_cast<int>(grid), min_fraction);
        std::memcpy(labels[static_cast<int64_t>(i)].data_ptr<float>(), cells.ptr<float>(),
                    sizeof(float) * static_cast<size_t>(grid * grid));
    }
    return labels;
}

nlohmann::json synthetic_json(const SyntheticSchedule& schedule, const AnomalyTrainingConfig& a,
                              uint64_t seed) {
    auto generators = nlohmann::json::array();
    const auto& mix = schedule.mix();
    for (size_t i = 0; i < mix.size(); ++i) {
        nlohmann::json params = nlohmann::json::object();
        for (const auto& spec : mix.generator(i).info().params)
            params[spec.name] = mix.generator(i).param(spec.name);
        generators.push_back({{"id", mix.generator(i).id()}, {"share", mix.share(i)}, {"params", params}});
    }
    return {{"share", a.synthetic_share},
            {"seed", seed},
            {"generators", generators},
            {"texture_folder", a.synthetic_mix.texture_folder.string()}};
}

// Calls fn(batch, reconstruction) over the features in eval mode, without gradients.
template <typename Fn>
void for_each_reconstruction(nn::AdtrTransformerImpl& transformer, const torch::Tensor& features,
                             int batch_size, Fn&& fn) {
    torch::NoGradGuard no_grad;
    for (int64_t begin = 0; begin < features.size(0); begin += batch_size) {
        const auto batch = features.slice(0, begin, std::min<int64_t>(begin + batch_size, features.size(0)));
        fn(batch, transformer.forward(batch).to(torch::kFloat));
    }
}

// Per-channel RMS of (reconstruction - features) over the (training) features.
torch::Tensor residual_rms(nn::AdtrTransformerImpl& transformer, const torch::Tensor& features,
                           int batch_size) {
    auto sum = torch::zeros({features.size(1)}, torch::kDouble);
    for_each_reconstruction(transformer, features, batch_size,
                            [&](const auto& batch, const auto& reconstruction) {
                                sum += (reconstruction - batch).pow(2).sum({0, 2, 3}).to(torch::kDouble);
                            });
    const double count = static_cast<double>(features.size(0) * features.size(2) * features.size(3));
    return (sum / count).sqrt().to(torch::kFloat).clamp_min(1e-3);
}

// Mean and standard deviation [g, g] of the anomaly grid at each position over the (training) features.
std::pair<torch::Tensor, torch::Tensor> position_statistics(nn::AdtrTransformerImpl& transformer,
                                                            const torch::Tensor& features, int batch_size,
                                                            const torch::Tensor& channel_scale) {
    std::vector<torch::Tensor> grids;
    for_each_reconstruction(transformer, features, batch_size,
                            [&](const auto& batch, const auto& reconstruction) {
                                grids.push_back(nn::anomaly_grid(reconstruction, batch, channel_scale));
                            });
    const auto all = torch::cat(grids, 0);
    const auto mean = all.mean(0);
    // Floor: a position the model rebuilds perfectly on every image must not turn noise into alarms.
    const auto stddev = all.std(0).clamp_min(1e-3 + 0.01 * mean.mean().item<double>());
    return {mean.contiguous(), stddev.contiguous()};
}

void validate(const TrainingConfig& c, size_t images) {
    if (images < 2)
        throw Error("training needs at least 2 normal images, got " + std::to_string(images));
    if (c.epochs <= 0)
        throw Error("epochs must be positive");
    if (c.batch_size <= 0)
        throw Error("batch size must be positive");
    if (!(c.learning_rate > 0))
        throw Error("learning rate must be positive");
    if (!(c.image_quantile > 0 && c.image_quantile <= 1) || !(c.pixel_quantile > 0 && c.pixel_quantile <= 1))
        throw Error("threshold quantiles must be in (0, 1]");
}

}  // namespace

TrainingResult train_adtr(const std::vector<cv::Mat>& normal_images, const TrainingConfig& config,
                          const ProgressCallback& progress) {
    TrainingData data;
    data.normal = normal_images;
    return train_adtr(data, config, progress);
}

TrainingResult train_adtr(const TrainingData& data, const TrainingConfig& config,
                          const ProgressCallback& progress) {
    validate(config, data.normal.size());
    if (!data.normal_paths.empty() && data.normal_paths.size() != data.normal.size())
        throw Error("training data: " + std::to_string(data.normal_paths.size()) + " names for " +
                    std::to_string(data.normal.size()) + " normal images");
    const auto& ac = config.anomaly;
    const TrainingMode mode = resolve_mode(ac, data.defects.size());
    const bool plus = mode == TrainingMode::AnomalyAvailable;
    static const std::vector<DefectSample> k_none;
    const auto& defects = plus ? data.defects : k_none;  // forced normal-only ignores them
    validate(ac, defects);
    // Synthetic defects and marked defects moved onto normal images: both drawn afresh every epoch.
    const bool move_defects = !defects.empty() && ac.moved_defect_share > 0;
    std::optional<SyntheticSchedule> synthetic;
    if (plus && (ac.synthetic || move_defects))
        synthetic.emplace(ac.synthetic_mix, ac.synthetic ? ac.synthetic_share : 0.0, config.seed);

    nn::configure_threads(config.features.threads);
    torch::manual_seed(static_cast<uint64_t>(config.seed));

    TrainingResult result;
    result.mode = mode;
    result.defect_images = static_cast<int>(defects.size());
    std::vector<cv::Mat> train_images, holdout_images;
    const auto is_held = holdout_mask(data.normal.size(), config);
    for (size_t i = 0; i < data.normal.size(); ++i)
        (is_held[i] ? holdout_images : train_images).push_back(data.normal[i]);
    result.train_images = static_cast<int>(train_images.size());
    result.holdout_images = static_cast<int>(holdout_images.size());
    result.training_images = data.normal_paths;
    for (const auto& d : defects)
        if (!d.path.empty())
            result.training_images.push_back(d.path);

    const auto& fc = config.features;
    BackboneFeatures backbone(fc);
    const int64_t grid = backbone.grid();
    const auto extract = [&](const std::vector<cv::Mat>& images, const ProgressCallback& cb) {
        return backbone.extract(images, cb);
    };

    auto t0 = Clock::now();
    // The backbone is frozen: its features are computed once and reused every epoch.
    const auto raw = extract(train_images, progress);
    // Backbone channels differ in scale by orders of magnitude (MobileNetV2's reach 40, others stay
    // near 0): standardising each channel over the normal images lets every channel count in the
    // reconstruction error, and lets the transformer's LayerNorm-ed outputs reach the targets.
    const auto mean = raw.mean({0, 2, 3});
    const auto stddev = raw.std({0, 2, 3}).clamp_min(1e-4);
    const auto features = nn::standardize_features(raw, mean, stddev);
    // Real defects are fixed too: their features and labels are computed once, with the normal
    // images' standardisation (defects must not shift what "normal" means).
    torch::Tensor defect_features, defect_labels;
    if (!defects.empty()) {
        std::vector<cv::Mat> images, masks;
        for (const auto& d : defects) {
            images.push_back(d.image);
            masks.push_back(d.mask);
        }
        defect_features = nn::standardize_features(extract(images, progress), mean, stddev);
        defect_labels = grid_labels(masks, grid, ac.mask_cell_fraction);
    }
    std::vector<cv::Mat> model_size_images;  // synthetic defects are drawn on these
    if (synthetic)
        for (const auto& image : train_images)
            model_size_images.push_back(to_model_size(image, fc.image_size));
    if (move_defects) {
        std::vector<cv::Mat> images, masks;
        for (const auto& d : defects) {
            images.push_back(to_model_size(d.image, fc.image_size));
            cv::Mat mask;
            cv::resize(d.mask, mask, images.back().size(), 0, 0, cv::INTER_AREA);
            masks.push_back(mask > 0);  // any coverage: a speck must not vanish
        }
        synthetic->move_marked_defects(std::make_shared<data::synthetic::DefectTransplant>(images, masks),
                                       ac.moved_defect_share);
    }
    result.feature_seconds = seconds_since(t0);

    model::AdtrConfig adtr = config.adtr;
    adtr.channels = static_cast<int>(backbone.channels());
    adtr.grid = static_cast<int>(grid);
    nn::AdtrTransformer transformer(adtr, config.precision);
    torch::optim::AdamW optimizer(
        transformer->parameters(),
        torch::optim::AdamWOptions(config.learning_rate).weight_decay(config.weight_decay));
    nn::AdtrPlusLossOptions loss_options;
    loss_options.pixel_level = ac.objective != AnomalyObjective::Image;
    loss_options.image_level = ac.objective != AnomalyObjective::Pixel;
    loss_options.alpha = ac.alpha;
    loss_options.k = ac.top_k;
    loss_options.restore_weight = ac.restore_weight;
    loss_options.pseudo_huber_pull = ac.pseudo_huber_pull;

    t0 = Clock::now();
    const int64_t n_normal = features.size(0);
    const int64_t n = n_normal + (defect_features.defined() ? defect_features.size(0) : 0);
    const auto normal_labels = torch::zeros({n_normal, grid, grid});
    const auto all_features = defect_features.defined() ? torch::cat({features, defect_features}) : features;
    const auto all_labels =
        defect_features.defined() ? torch::cat({normal_labels, defect_labels}) : normal_labels;
    const auto steps_for = [&](int64_t rows) { return (rows + config.batch_size - 1) / config.batch_size; };
    // Every epoch: the normal images, the marked defects, then defect copies up to max_epoch_size.
    int64_t total_steps = 0;
    if (synthetic) {
        // The epsilon keeps 1.4 x 45 = 62.99999... at 63.
        const auto largest =
            static_cast<int64_t>(std::floor(ac.max_epoch_size * static_cast<double>(n_normal) + 1e-6));
        const auto room = std::max<int64_t>(largest - n, 0);
        synthetic->limit_draws(static_cast<size_t>(room));
        if (room == 0)
            result.warnings.push_back(
                "the " + std::to_string(n - n_normal) + " marked defects fill the largest epoch (" +
                std::to_string(largest) + " rows for " + std::to_string(n_normal) +
                " normal training images): no synthetic or moved defects are added. Raise the largest epoch "
                "size (--max-epoch-size) or add normal images to train on them too.");
        for (int epoch = 0; epoch < config.epochs; ++epoch)
            total_steps +=
                steps_for(n + static_cast<int64_t>(synthetic->picks(model_size_images.size(), epoch).size()));
    } else {
        total_steps = steps_for(n) * config.epochs;
    }
    const int decay_epoch = static_cast<int>(std::ceil(0.8 * config.epochs));
    int64_t step = 0;
    transformer->train();
    for (int epoch = 0; epoch < config.epochs; ++epoch) {
        const auto epoch_start = Clock::now();
        if (epoch == decay_epoch)
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(config.learning_rate * 0.1);
        auto epoch_features = all_features;
        auto epoch_labels = all_labels;
        auto epoch_clean = all_features;            // per row: the image before a defect was drawn on it
        auto epoch_restorable = torch::zeros({n});  // 1: a drawn defect, epoch_clean holds its clean image
        if (synthetic) {
            // Fresh defects on copies of a share of the normal images; only those go through the backbone.
            const auto synthetic_start = Clock::now();
            const auto draws = synthetic->draw(model_size_images, epoch);
            result.synthetic_per_epoch.push_back(static_cast<int>(draws.size()));
            if (!draws.empty()) {
                std::vector<cv::Mat> images, masks;
                std::vector<int64_t> rows;
                for (const auto& d : draws) {
                    images.push_back(d.image);
                    masks.push_back(d.mask);
                    rows.push_back(static_cast<int64_t>(d.index));
                }
                const auto index = torch::tensor(rows, torch::kLong);
                epoch_features =
                    torch::cat({all_features, nn::standardize_features(extract(images, {}), mean, stddev)});
                epoch_labels = torch::cat({all_labels, grid_labels(masks, grid, ac.mask_cell_fraction)});
                epoch_clean = torch::cat({all_features, all_features.index_select(0, index)});
                epoch_restorable = torch::cat({epoch_restorable, torch::ones({index.size(0)})});
            }
            result.synthetic_seconds.push_back(seconds_since(synthetic_start));
        }
        const int64_t rows_now = epoch_features.size(0);
        const auto order = torch::randperm(rows_now, torch::kLong);
        double loss_sum = 0.0;
        const int64_t steps_now = steps_for(rows_now);
        for (int64_t begin = 0; begin < rows_now; begin += config.batch_size) {
            const auto rows = order.slice(0, begin, std::min(begin + config.batch_size, rows_now));
            const auto batch = epoch_features.index_select(0, rows);
            const auto reconstruction = transformer->forward(batch);
            // Clean features only where some defect can have them (synthetic or moved ones).
            const auto loss =
                plus ? nn::adtr_plus_loss(reconstruction, batch, epoch_labels.index_select(0, rows),
                                          loss_options,
                                          synthetic ? epoch_clean.index_select(0, rows) : torch::Tensor(),
                                          epoch_restorable.index_select(0, rows))
                     : nn::reconstruction_loss(reconstruction, batch);
            optimizer.zero_grad();
            loss.backward();
            torch::nn::utils::clip_grad_norm_(transformer->parameters(), config.grad_clip);
            optimizer.step();
            const double value = loss.item<double>();
            loss_sum += value;
            ++step;
            report(progress,
                   {"training", step, total_steps,
                    "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(config.epochs), value});
        }
        result.epoch_losses.push_back(loss_sum / static_cast<double>(steps_now));
        result.epoch_seconds.push_back(seconds_since(epoch_start));
    }
    transformer->eval();
    torch::Tensor channel_scale;
    if (config.normalize_residuals)
        channel_scale = residual_rms(*transformer, features, config.batch_size);
    torch::Tensor position_mean, position_std;
    if (config.normalize_positions)
        std::tie(position_mean, position_std) =
            position_statistics(*transformer, features, config.batch_size, channel_scale);
    result.training_seconds = seconds_since(t0);

    auto& bundle = result.bundle;
    const auto backbone_state = nn::module_state(backbone.backbone().module());
    bundle.backbone = fc.backbone;
    bundle.backbone_weights_checksum = model::tensor_checksum(nn::to_archive(backbone_state));
    bundle.image_size = fc.image_size;
    bundle.first_feature_stage = backbone.first_stage();
    bundle.adtr = adtr;
    bundle.gaussian_sigma = config.map.gaussian_sigma;
    bundle.score_pool = config.map.score_pool;
    auto tensors = nn::with_prefix(nn::module_state(*transformer), "adtr.");
    tensors.merge(nn::with_prefix(backbone_state, "backbone."));
    tensors.emplace("features.mean", mean);
    tensors.emplace("features.std", stddev);
    if (channel_scale.defined())
        tensors.emplace("score.channel_scale", channel_scale);
    if (position_mean.defined()) {
        tensors.emplace("score.position_mean", position_mean);
        tensors.emplace("score.position_std", position_std);
    }
    bundle.tensors = nn::to_archive(tensors);

    // Thresholds from normal images the model never saw, scored exactly as inference will score them.
    if (!holdout_images.empty()) {
        Inspector inspector(bundle, fc.threads);
        const auto held = inspector.inspect(holdout_images, [&](const Progress& p) {
            return !progress || progress({"thresholds", p.done, p.total});
        });
        std::vector<float> scores, pixels;
        for (const auto& r : held) {
            scores.push_back(r.score);
            pixels.insert(pixels.end(), r.map.begin<float>(), r.map.end<float>());
        }
        bundle.thresholds.image = quantile(scores, config.image_quantile);
        bundle.thresholds.pixel = quantile(pixels, config.pixel_quantile);
        bundle.thresholds.normal_quantile = config.image_quantile;
        bundle.thresholds.holdout_images = result.holdout_images;
    }

    nlohmann::json record{
        {"mode", plus ? "anomaly-available" : "normal-only"},
        {"mode_requested", std::string(to_string(ac.mode))},
        {"train_images", result.train_images},
        {"holdout_images", result.holdout_images},
        {"epochs", config.epochs},
        {"batch_size", config.batch_size},
        {"learning_rate", config.learning_rate},
        {"weight_decay", config.weight_decay},
        {"grad_clip", config.grad_clip},
        {"normalize_residuals", config.normalize_residuals},
        {"normalize_positions", config.normalize_positions},
        {"seed", config.seed},
        {"precision", std::string(model::to_string(transformer->precision()))},
        {"image_quantile", config.image_quantile},
        {"pixel_quantile", config.pixel_quantile},
        {"random_init_backbone", fc.random_init},
        {"feature_seconds", result.feature_seconds},
        {"training_seconds", result.training_seconds},
        {"epoch_seconds", result.epoch_seconds},
        {"epoch_losses", result.epoch_losses},
        {"training_images", result.training_images},
    };
    if (!result.warnings.empty())
        record["warnings"] = result.warnings;
    if (!plus && !data.defects.empty()) {
        // Chosen for training but unused in forced normal-only mode: still kept out of evaluation, so
        // this model is compared with an anomaly-available one on the same test images.
        std::vector<std::string> set_aside;
        for (const auto& d : data.defects)
            if (!d.path.empty())
                set_aside.push_back(d.path);
        record["set_aside_images"] = set_aside;
    }
    if (plus) {
        // Per defect type: how many real defect images and which.
        std::map<std::string, std::vector<std::string>> by_type;
        for (const auto& d : defects)
            by_type[d.defect_type].push_back(d.path);
        nlohmann::json types = nlohmann::json::object();
        for (const auto& [type, paths] : by_type)
            types[type] = {{"count", paths.size()}, {"paths", paths}};
        record["anomaly"] = {
            {"objective", std::string(to_string(ac.objective))},
            {"alpha", ac.alpha},
            {"top_k", ac.top_k},
            {"restore_weight", ac.restore_weight},
            {"pull", ac.pseudo_huber_pull ? "pseudo_huber" : "squared"},
            {"mask_cell_fraction", ac.mask_cell_fraction},
            {"defect_images", result.defect_images},
            {"defect_types", types},
            {"synthetic",
             ac.synthetic ? synthetic_json(*synthetic, ac, config.seed) : nlohmann::json(nullptr)},
            {"moved_defect_share", synthetic ? synthetic->moved_defect_share() : 0.0},
            {"max_epoch_size", ac.max_epoch_size},
            {"synthetic_per_epoch", result.synthetic_per_epoch},
            {"synthetic_seconds", result.synthetic_seconds},
        };
    }
    bundle.training_json = record.dump();
    return result;
}

}  // namespace kensa::engine
