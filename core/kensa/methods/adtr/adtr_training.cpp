#include <kensa/methods/adtr/adtr_training.h>

#include <kensa/base/error.h>
#include <kensa/base/utf8.h>
#include <kensa/features/backbone_features.h>
#include <kensa/features/bundle_backbone.h>
#include <kensa/methods/detector_support.h>
#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_memory.h>
#include <kensa/methods/adtr/adtr_refinement.h>
#include <kensa/methods/adtr/adtr_settings.h>
#include <kensa/methods/adtr/adtr_transformer.h>
#include <kensa/nn/coreset.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/image_tensor.h>
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
#include <utility>

namespace kensa::adtr {

using engine::DefectSample;

namespace {

using Clock = std::chrono::steady_clock;

// A memory on a finer grid than the transformer's is PatchCore's (patchcore_options.h): 3 x 3 locally aware
// patches, a 10 % coreset chosen on a 128-dimensional random projection.
constexpr int kMemoryNeighbourhood = 3;
constexpr double kMemoryCoresetRatio = 0.1;
constexpr int64_t kMemoryProjection = 128;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
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

// ---------------------------------------------------------------------------------------------- step 1
// The mode and what it trains on: forced normal-only ignores defect samples and synthetic defects.
struct Plan {
    model::TrainingMode mode = model::TrainingMode::NormalOnly;
    bool plus = false;
    const std::vector<DefectSample>* defects = nullptr;  // the ones trained on
    bool move_defects = false;                           // marked defects moved onto normal images
    std::optional<SyntheticSchedule> synthetic;          // synthetic and moved defects, fresh every epoch
};

Plan plan_training(const std::vector<DefectSample>& given, const AdtrOptions& options, uint64_t seed) {
    static const std::vector<DefectSample> k_none;
    const auto& ac = options.anomaly;
    Plan plan;
    plan.mode = resolve_mode(ac, given.size());
    plan.plus = plan.mode == model::TrainingMode::AnomalyAvailable;
    plan.defects = plan.plus ? &given : &k_none;
    validate(ac, *plan.defects);
    plan.move_defects = !plan.defects->empty() && ac.moved_defect_share > 0;
    if (plan.plus && (ac.synthetic || plan.move_defects))
        plan.synthetic.emplace(ac.synthetic_mix, ac.synthetic ? ac.synthetic_share : 0.0, seed);
    return plan;
}

// ---------------------------------------------------------------------------------------------- step 2
// The backbone is frozen: features are computed once and reused every epoch.
struct FeatureCache {
    torch::Tensor features;  // [N, C, g, g] of the normal training images, standardised
    torch::Tensor mean, stddev;  // per channel, over the normal training images
    torch::Tensor defect_features, defect_labels;  // real defects; undefined without any
    std::vector<cv::Mat> model_size_images;        // normal images at the model's size: defects drawn on them
};

// start: a model being refined, whose standardisation its transformer learned (else the normal images').
FeatureCache cache_features(engine::BackboneFeatures& backbone, const std::vector<cv::Mat>& normal, Plan& plan,
                            const engine::TrainingConfig& config, const StartingPoint* start,
                            const ProgressCallback& progress) {
    const auto& ac = config.adtr.anomaly;
    const int size = config.features.image_size;
    FeatureCache cache;
    const auto raw = backbone.extract(normal, progress);
    // Backbone channels differ in scale by orders of magnitude (MobileNetV2's reach 40, others stay
    // near 0): standardising each channel over the normal images lets every channel count in the
    // reconstruction error, and lets the transformer's LayerNorm-ed outputs reach the targets.
    cache.mean = start ? start->standardisation.mean : raw.mean({0, 2, 3});
    cache.stddev = start ? start->standardisation.std : raw.std({0, 2, 3}).clamp_min(1e-4);
    cache.features = nn::standardize_features(raw, cache.mean, cache.stddev);
    // Real defects are fixed too, standardised as the normal images are (defects must not shift what
    // "normal" means).
    const auto& defects = *plan.defects;
    if (!defects.empty()) {
        std::vector<cv::Mat> images, masks;
        for (const auto& d : defects) {
            images.push_back(d.image);
            masks.push_back(d.mask);
        }
        cache.defect_features =
            nn::standardize_features(backbone.extract(images, progress), cache.mean, cache.stddev);
        cache.defect_labels = grid_labels(masks, backbone.grid(), ac.mask_cell_fraction);
    }
    // At the size images_to_tensor resizes to: synthetic defects are drawn where the backbone sees them (cheap),
    // and an unaltered copy gives the cached features.
    if (plan.synthetic)
        for (const auto& image : normal)
            cache.model_size_images.push_back(nn::resized_square(image, size));
    if (plan.move_defects) {
        std::vector<cv::Mat> images, masks;
        for (const auto& d : defects) {
            images.push_back(nn::resized_square(d.image, size));
            cv::Mat mask;
            cv::resize(d.mask, mask, images.back().size(), 0, 0, cv::INTER_AREA);
            masks.push_back(mask > 0);  // any coverage: a speck must not vanish
        }
        plan.synthetic->move_marked_defects(std::make_shared<data::synthetic::DefectTransplant>(images, masks),
                                            ac.moved_defect_share);
    }
    return cache;
}

// ---------------------------------------------------------------------------------------------- step 3
// One epoch's rows: the normal images, the marked defects, then the epoch's defect copies.
struct EpochRows {
    torch::Tensor features, labels;
    torch::Tensor clean;       // per row: the image before a defect was drawn on it
    torch::Tensor restorable;  // [rows] 1: a drawn defect, clean holds its clean image
};

class EpochBuilder {
public:
    EpochBuilder(const FeatureCache& cache, Plan& plan, engine::BackboneFeatures& backbone,
                 const AdtrOptions& options, std::vector<std::string>& warnings)
        : m_cache(cache), m_plan(plan), m_backbone(backbone), m_options(options) {
        const int64_t grid = backbone.grid();
        const auto normal_labels = torch::zeros({normal_rows(), grid, grid});
        const bool defects = cache.defect_features.defined();
        m_features = defects ? torch::cat({cache.features, cache.defect_features}) : cache.features;
        m_labels = defects ? torch::cat({normal_labels, cache.defect_labels}) : normal_labels;
        if (plan.synthetic) {
            // The epsilon keeps 1.4 x 45 = 62.99999... at 63.
            const auto largest = static_cast<int64_t>(
                std::floor(options.anomaly.max_epoch_size * static_cast<double>(normal_rows()) + 1e-6));
            const auto room = std::max<int64_t>(largest - fixed_rows(), 0);
            plan.synthetic->limit_draws(static_cast<size_t>(room));
            if (room == 0)
                warnings.push_back("the " + std::to_string(fixed_rows() - normal_rows()) +
                                   " marked defects fill the largest epoch (" + std::to_string(largest) +
                                   " rows for " + std::to_string(normal_rows()) +
                                   " normal training images): no synthetic or moved defects are added. Raise "
                                   "the largest epoch size (--max-epoch-size) or add normal images to train "
                                   "on them too.");
        }
    }

    int64_t normal_rows() const { return m_cache.features.size(0); }
    int64_t fixed_rows() const { return m_features.size(0); }  // normal images and marked defects

    // Optimiser steps of every epoch together, known before anything is drawn.
    int64_t total_steps(int epochs) const {
        int64_t total = 0;
        for (int epoch = 0; epoch < epochs; ++epoch) {
            const size_t copies =
                m_plan.synthetic ? m_plan.synthetic->picks(m_cache.model_size_images.size(), epoch).size() : 0;
            total += steps_for(fixed_rows() + static_cast<int64_t>(copies));
        }
        return total;
    }
    int64_t steps_for(int64_t rows) const { return (rows + m_options.batch_size - 1) / m_options.batch_size; }

    // Fresh defects on copies of a share of the normal images; only those go through the backbone.
    EpochRows rows(int epoch, engine::TrainingResult& result) const {
        EpochRows e{m_features, m_labels, m_features, torch::zeros({fixed_rows()})};
        if (!m_plan.synthetic)
            return e;
        const auto start = Clock::now();
        const auto draws = m_plan.synthetic->draw(m_cache.model_size_images, epoch);
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
            const auto copies =
                nn::standardize_features(m_backbone.extract(images, {}), m_cache.mean, m_cache.stddev);
            e.features = torch::cat({m_features, copies});
            e.labels = torch::cat(
                {m_labels, grid_labels(masks, m_backbone.grid(), m_options.anomaly.mask_cell_fraction)});
            e.clean = torch::cat({m_features, m_features.index_select(0, index)});
            e.restorable = torch::cat({e.restorable, torch::ones({index.size(0)})});
        }
        result.synthetic_seconds.push_back(seconds_since(start));
        return e;
    }

private:
    const FeatureCache& m_cache;
    Plan& m_plan;
    engine::BackboneFeatures& m_backbone;
    const AdtrOptions& m_options;
    torch::Tensor m_features, m_labels;
};

// ---------------------------------------------------------------------------------------------- step 4
// AdamW with UniAD's step decay (x0.1 for the last 20% of epochs) and gradient clipping.
void run_epochs(AdtrTransformer& transformer, const EpochBuilder& epochs, const Plan& plan,
                const AdtrOptions& options, engine::TrainingResult& result, const ProgressCallback& progress) {
    const auto& ac = options.anomaly;
    torch::optim::AdamW optimizer(
        transformer->parameters(),
        torch::optim::AdamWOptions(options.learning_rate).weight_decay(options.weight_decay));
    AdtrPlusLossOptions loss_options;
    loss_options.pixel_level = ac.objective != AnomalyObjective::Image;
    loss_options.image_level = ac.objective != AnomalyObjective::Pixel;
    loss_options.alpha = ac.alpha;
    loss_options.k = ac.top_k;
    loss_options.restore_weight = ac.restore_weight;
    loss_options.pseudo_huber_pull = ac.pseudo_huber_pull;

    const int64_t total_steps = epochs.total_steps(options.epochs);
    const int decay_epoch = static_cast<int>(std::ceil(0.8 * options.epochs));
    int64_t step = 0;
    transformer->train();
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
        const auto epoch_start = Clock::now();
        if (epoch == decay_epoch)
            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::AdamWOptions&>(group.options()).lr(options.learning_rate * 0.1);
        const EpochRows e = epochs.rows(epoch, result);
        const int64_t rows_now = e.features.size(0);
        const auto order = torch::randperm(rows_now, torch::kLong);
        double loss_sum = 0.0;
        for (int64_t begin = 0; begin < rows_now; begin += options.batch_size) {
            const auto rows = order.slice(0, begin, std::min(begin + options.batch_size, rows_now));
            const auto batch = e.features.index_select(0, rows);
            const auto reconstruction = transformer->forward(batch);
            // Clean features only where some defect can have them (synthetic or moved ones).
            const auto loss =
                plan.plus ? adtr_plus_loss(reconstruction, batch, e.labels.index_select(0, rows), loss_options,
                                           plan.synthetic ? e.clean.index_select(0, rows) : torch::Tensor(),
                                           e.restorable.index_select(0, rows))
                          : reconstruction_loss(reconstruction, batch);
            optimizer.zero_grad();
            loss.backward();
            torch::nn::utils::clip_grad_norm_(transformer->parameters(), options.grad_clip);
            optimizer.step();
            const double value = loss.item<double>();
            loss_sum += value;
            ++step;
            report(progress,
                   {"training", step, total_steps,
                    "epoch " + std::to_string(epoch + 1) + "/" + std::to_string(options.epochs), value});
        }
        result.epoch_losses.push_back(loss_sum / static_cast<double>(epochs.steps_for(rows_now)));
        result.epoch_seconds.push_back(seconds_since(epoch_start));
    }
    transformer->eval();
}

// ---------------------------------------------------------------------------------------------- step 5
// The reconstruction error grids [N, g, g] of the (training) features in eval mode.
torch::Tensor reconstruction_errors(AdtrTransformer& transformer, const torch::Tensor& features, int batch_size) {
    torch::NoGradGuard no_grad;
    std::vector<torch::Tensor> out;
    for (int64_t begin = 0; begin < features.size(0); begin += batch_size) {
        const auto batch = features.slice(0, begin, std::min<int64_t>(begin + batch_size, features.size(0)));
        out.push_back(anomaly_grid(transformer->forward(batch).to(torch::kFloat), batch));
    }
    return torch::cat(out);
}

// The memory's features of the training images: the transformer's own (standardised) grid, or PatchCore's
// locally aware patches on a finer grid, from a second pass of the backbone. Tiny images, whose transformer
// grid is already at the stride asked for or finer (8 x 8 for 32 px), keep the transformer's.
torch::Tensor memory_features(const FeatureCache& cache, const std::vector<cv::Mat>& normal,
                              const engine::TrainingConfig& config, MemorySource& source,
                              const ProgressCallback& progress) {
    const int stride = config.adtr.memory_stride;
    if (stride == 0 || config.features.image_size / stride <= cache.features.size(2))
        return cache.features;
    auto features = config.features;
    features.grid_size = features.image_size / stride;
    features.first_stage = -2;  // the two mid-level (last two) stages, as PatchCore
    features.last_stage_only = false;
    const engine::BackboneFeatures backbone(features);
    source.grid = backbone.grid();
    source.first_stage = backbone.first_stage();
    source.neighbourhood = kMemoryNeighbourhood;
    return nn::local_patches(backbone.extract(normal, progress), source.neighbourhood);
}

// The memory term of the training images' memory features, and their score grids with it: their own
// reconstruction errors, their distances to the other images' rows of the bank.
MemoryTerm build_memory(const torch::Tensor& features, const MemorySource& source, torch::Tensor& grids,
                        double weight, const ProgressCallback& progress) {
    torch::NoGradGuard no_grad;
    MemoryTerm memory;
    memory.source = source;
    memory.weight = weight;
    auto rows = nn::grid_rows(features);
    auto owners = row_owners(features);
    if (!source.own_grid()) {
        const auto coreset = nn::sample_coreset(rows, kMemoryCoresetRatio, kMemoryProjection, [&](const Progress& p) {
            return !progress || progress({"training", p.done, p.total, "memory coreset", 0.0});
        });
        rows = rows.index_select(0, coreset.chosen).contiguous();
        owners = owners.index_select(0, coreset.chosen);
    }
    memory.bank = rows;
    const auto distances = leave_own_image_out_distance(features, rows, owners);
    memory.reconstruction_scale = std::max(grids.mean().item<double>(), 1e-6);
    memory.memory_scale = std::max(distances.mean().item<double>(), 1e-6);
    grids = combined_grid(grids, distances, memory);
    return memory;
}

// ---------------------------------------------------------------------------------------------- step 6
// ADTR's part of the training record (the engine adds what every method records, the mode among it).
nlohmann::json adtr_record(const Plan& plan, const engine::TrainingConfig& config, const AdtrTransformer& transformer,
                           const engine::TrainingResult& result, const StartingPoint* start) {
    const auto& o = config.adtr;
    const auto& ac = o.anomaly;
    nlohmann::json record{
        {"mode_requested", std::string(model::to_string(ac.mode))},
        {"epochs", o.epochs},
        {"batch_size", o.batch_size},
        {"learning_rate", o.learning_rate},
        {"weight_decay", o.weight_decay},
        {"grad_clip", o.grad_clip},
        {"positions", std::string(postprocess::to_string(o.positions))},
        {"memory_weight", o.memory_weight},
        {"memory_stride", o.memory_stride},
        {"precision", std::string(to_string(transformer->precision()))},
        {"epoch_seconds", result.epoch_seconds},
        {"epoch_losses", result.epoch_losses},
    };
    if (start)  // what it learned from stays out of evaluation too (engine::evaluation_exclusions)
        record["refined_from"] = {{"model", valid_utf8(start->model.string())},
                                  {"checksum", start->checksum},
                                  {"excluded_images", start->learned_from}};
    if (plan.plus) {
        // Per defect type: how many real defect images and which. A type is a folder's name, which need not
        // be UTF-8: recorded as valid_utf8 gives it (as the paths are), or JSON's writer would throw.
        std::map<std::string, std::vector<std::string>> by_type;
        for (const auto& d : *plan.defects)
            by_type[valid_utf8(d.defect_type)].push_back(d.path);
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
            {"synthetic", ac.synthetic ? synthetic_json(*plan.synthetic, ac, config.seed) : nlohmann::json(nullptr)},
            {"moved_defect_share", plan.synthetic ? plan.synthetic->moved_defect_share() : 0.0},
            {"max_epoch_size", ac.max_epoch_size},
            {"synthetic_per_epoch", result.synthetic_per_epoch},
            {"synthetic_seconds", result.synthetic_seconds},
        };
    }
    return record;
}

}  // namespace

void AdtrOptions::validate() const {
    if (epochs <= 0)
        throw Error("epochs must be positive");
    if (batch_size <= 0)
        throw Error("batch size must be positive");
    if (!(learning_rate > 0))
        throw Error("learning rate must be positive");
    if (!(memory_weight >= 0))
        throw Error("the memory weight must not be negative");
    if (memory_stride != 0 && memory_stride != 4 && memory_stride != 8)
        throw Error("the memory stride must be 0 (the transformer's grid), 4 or 8");
}

engine::FitResult fit_adtr(const std::vector<cv::Mat>& normal, const std::vector<DefectSample>& defects,
                           const engine::TrainingConfig& config, const ProgressCallback& progress) {
    const auto& options = config.adtr;
    options.validate();
    Plan plan = plan_training(defects, options, config.seed);

    nn::configure_threads(config.features.threads);
    torch::manual_seed(static_cast<uint64_t>(config.seed));

    engine::FitResult fit;
    auto& result = fit.result;
    result.mode = plan.mode;
    result.defect_images = static_cast<int>(plan.defects->size());

    engine::BackboneFeatures backbone(config.features);
    AdtrConfig shape = options.model;
    shape.channels = static_cast<int>(backbone.channels());
    shape.grid = static_cast<int>(backbone.grid());
    std::optional<StartingPoint> start;  // checked before minutes of work
    if (!options.start_from.empty())
        start = load_starting_point(options.start_from, shape, backbone);
    auto t0 = Clock::now();
    FeatureCache cache = cache_features(backbone, normal, plan, config, start ? &*start : nullptr, progress);
    result.feature_seconds = seconds_since(t0);

    AdtrTransformer transformer(shape, options.precision);
    if (start)
        nn::load_module_state(*transformer, start->transformer, valid_utf8(start->model.string()));
    t0 = Clock::now();
    const EpochBuilder epochs(cache, plan, backbone, options, result.warnings);
    run_epochs(transformer, epochs, plan, options, result, progress);
    const bool with_memory = options.memory_weight > 0;
    const bool with_positions = options.positions != postprocess::PositionScoring::Raw;
    MemoryTerm memory;
    if (with_memory || with_positions) {
        auto grids = reconstruction_errors(transformer, cache.features, options.batch_size);
        if (with_memory) {
            MemorySource source;
            const auto features = memory_features(cache, normal, config, source, progress);
            memory = build_memory(features, source, grids, options.memory_weight, progress);
        }
        if (with_positions) {
            fit.training_grids = engine::to_mats(grids);
            fit.positions = options.positions;
        }
    }
    result.training_seconds = seconds_since(t0);

    auto& bundle = result.bundle;
    bundle.settings_json = with_memory ? with_memory_settings(settings_json(shape), memory) : settings_json(shape);
    auto tensors = nn::with_prefix(nn::module_state(*transformer), "adtr.");
    tensors.merge(engine::describe_backbone(bundle, backbone));
    tensors.emplace("features.mean", cache.mean);
    tensors.emplace("features.std", cache.stddev);
    if (with_memory)
        tensors.emplace("memory.bank", memory.bank);
    bundle.tensors = nn::to_archive(tensors);
    bundle.training_json = adtr_record(plan, config, transformer, result, start ? &*start : nullptr).dump();
    return fit;
}

}  // namespace kensa::adtr
