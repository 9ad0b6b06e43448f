#include <kensa/engine/training.h>

#include <kensa/base/error.h>
#include <kensa/base/utf8.h>
#include <kensa/engine/inspector.h>
#include <kensa/engine/position_choice.h>
#include <kensa/engine/training_tiles.h>
#include <kensa/methods/registry.h>
#include <kensa/postprocess/region.h>

#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace kensa::engine {

namespace {

void validate(const TrainingData& data, const TrainingConfig& config) {
    if (data.normal.size() < 2)
        throw Error("training needs at least 2 normal images, got " + std::to_string(data.normal.size()));
    if (!data.normal_paths.empty() && data.normal_paths.size() != data.normal.size())
        throw Error("training data: " + std::to_string(data.normal_paths.size()) + " names for " +
                    std::to_string(data.normal.size()) + " normal images");
    config.holdout.validate();
    if (config.smallest_defect < 0)
        throw Error("tiling: the smallest defect must be positive (or 0), got " + std::to_string(config.smallest_defect));
    if ((config.tiling.enabled() || config.smallest_defect > 0) && config.max_training_tiles <= 0)
        throw Error("tiling: the number of training tiles must be positive, got " +
                    std::to_string(config.max_training_tiles));
}

// The tiling the model gets: the tile side given, or the one the smallest defect asks for on the first
// normal image (none when that image fits in one tile: said in a warning); the default overlap when none.
model::Tiling resolve_tiling(const TrainingConfig& config, const cv::Mat& first_image,
                             std::vector<std::string>& warnings) {
    model::Tiling tiling = config.tiling;
    if (config.smallest_defect > 0) {
        tiling.tile = model::auto_tile_side(first_image.cols, first_image.rows, config.smallest_defect,
                                            config.features.image_size);
        if (!tiling.enabled())
            warnings.push_back("not tiled: at " + std::to_string(config.features.image_size) + " px a defect of " +
                               std::to_string(config.smallest_defect) + " px in these " +
                               std::to_string(first_image.cols) + " x " + std::to_string(first_image.rows) +
                               " images stays visible without tiles");
    }
    if (!tiling.enabled())
        return {};
    if (tiling.overlap < 0)
        tiling.overlap = model::default_overlap(tiling.tile);
    model::validate(tiling);
    return tiling;
}

// The region the model gets: the given corners on the first normal image's size when the region says none.
model::RegionOfInterest resolve_region(const TrainingConfig& config, const cv::Mat& first_image) {
    model::RegionOfInterest region = config.region;
    if (!region.enabled())
        return {};
    if (region.reference_width == 0 && region.reference_height == 0) {
        region.reference_width = first_image.cols;
        region.reference_height = first_image.rows;
    }
    model::validate(region);
    return region;
}

// The training data as the method sees it with a region of interest: each image's region (views), the
// defect masks cut the same way — a marked defect wholly outside the region is left out, and said in
// `warnings`. An image the region does not fit is named.
TrainingData crop_to_region(const TrainingData& data, const model::RegionOfInterest& region,
                            std::vector<std::string>& warnings) {
    const auto bounds = [&](const cv::Mat& image, const std::string& path) {
        try {
            return postprocess::region_bounds(region, image.size());
        } catch (const Error& e) {
            throw Error(path.empty() ? e.what() : path + ": " + e.what());
        }
    };
    TrainingData cropped = data;
    for (size_t i = 0; i < cropped.normal.size(); ++i) {
        const cv::Mat& image = data.normal[i];
        cropped.normal[i] = image(bounds(image, data.normal_paths.empty() ? std::string() : data.normal_paths[i]));
    }
    cropped.defects.clear();
    for (const auto& defect : data.defects) {
        const cv::Rect b = bounds(defect.image, defect.path);
        if (cv::countNonZero(defect.mask(b)) == 0) {
            warnings.push_back("left out " + (defect.path.empty() ? std::string("a marked defect") : defect.path) +
                               ": its defect lies outside the region of interest");
            continue;
        }
        cropped.defects.push_back({defect.image(b), defect.mask(b), defect.defect_type, defect.path});
    }
    return cropped;
}

// The choice of position scoring on a tiled model's held-out images looks at tiles, as the method scores
// them: this many at most, spread evenly (each gets synthetic copies and is scored twice).
constexpr size_t kChoiceTiles = 32;

// File names as the record holds them: valid UTF-8 (JSON's rule), matched later through the same mapping
// (data::product_path).
std::vector<std::string> recorded_names(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    out.reserve(names.size());
    for (const auto& name : names)
        out.push_back(valid_utf8(name));
    return out;
}

// What every model records besides its method's own record (Method::fit's training_json).
void add_common_record(TrainingResult& result, const TrainingData& data, const TrainingConfig& config) {
    auto record = nlohmann::json::parse(result.bundle.training_json);
    record["method"] = config.method;
    record["mode"] = std::string(model::label(result.mode));
    record["seed"] = config.seed;
    record["train_images"] = result.train_images;
    record["holdout_images"] = result.holdout_images;
    record["image_quantile"] = config.holdout.image_quantile;
    record["pixel_quantile"] = config.holdout.pixel_quantile;
    record["random_init_backbone"] = config.features.random_init;
    record["feature_seconds"] = result.feature_seconds;
    record["training_seconds"] = result.training_seconds;
    record["training_images"] = recorded_names(result.training_images);
    if (!result.warnings.empty())
        record["warnings"] = recorded_names(result.warnings);
    // Defects chosen for training but unused (e.g. forced normal-only mode) and images set aside are kept
    // out of evaluation, so this model is compared with one that learned from them on the same test images.
    std::vector<std::string> set_aside = recorded_names(data.set_aside);
    if (result.defect_images == 0)
        for (const auto& d : data.defects)
            if (!d.path.empty())
                set_aside.push_back(valid_utf8(d.path));
    std::sort(set_aside.begin(), set_aside.end());
    set_aside.erase(std::unique(set_aside.begin(), set_aside.end()), set_aside.end());
    if (!set_aside.empty())
        record["set_aside_images"] = set_aside;
    result.bundle.training_json = record.dump();
}

nlohmann::json metrics_json(const metrics::MetricSet& m) {
    return {{"image_auroc", m.image_auroc}, {"pixel_auroc", m.pixel_auroc}, {"aupro", m.aupro}};
}

// Position statistics from the fit's training grids, stored unless the choice on held-out images (when the
// method leaves it to the engine) finds raw scores better; the choice goes into the record. Returns them.
postprocess::PositionStatistics score_positions(const FitResult& fit, const std::vector<cv::Mat>& holdout,
                                                const TrainingConfig& config,
                                                const ProgressCallback& progress, TrainingResult& result) {
    const auto stats = postprocess::fit_position_statistics(fit.training_grids);
    bool normalise = true;
    auto record = nlohmann::json::parse(result.bundle.training_json);
    if (fit.positions == postprocess::PositionScoring::Chosen && !holdout.empty()) {
        const auto choice = choose_position_scoring(result.bundle, stats, holdout, config, progress);
        normalise = choice.normalise;
        record["position_choice"] = {{"synthetic_images", choice.synthetic_images},
                                     {"normalised", metrics_json(choice.normalised)},
                                     {"raw", metrics_json(choice.raw)}};
    }
    record["positions"] = std::string(postprocess::to_string(normalise ? postprocess::PositionScoring::Normalised
                                                                       : postprocess::PositionScoring::Raw));
    result.bundle.training_json = record.dump();
    if (normalise)
        store_position_statistics(result.bundle, stats);
    return stats;
}

// Held-out normal images that all score the same: copies of one image, or a blank stream. The model then
// knows no normal variation, and its thresholds sit on that one value, so any image that differs at all is NG.
std::optional<std::string> no_variation_warning(const std::vector<postprocess::AnomalyResult>& held) {
    if (held.size() < 2)
        return std::nullopt;
    const auto [low, high] = std::minmax_element(held.begin(), held.end(), [](const auto& a, const auto& b) {
        return a.score < b.score;
    });
    if (!(high->score - low->score <= 1e-6f * std::max(1.f, std::abs(high->score))))
        return std::nullopt;
    return "the " + std::to_string(held.size()) + " held-out normal images all score " + std::to_string(high->score) +
           ": the normal images do not vary (copies of one image?), so the model knows no normal variation and "
           "flags any image that differs at all; train on images of different good parts";
}

// A model whose thresholds or position statistics are not finite flags nothing, and says nothing: it is
// never returned (so never written). Every method's arithmetic is meant to prevent it; this is the last word.
void refuse_non_finite(const model::ModelBundle& bundle, const postprocess::PositionStatistics& stats,
                       size_t holdout_images) {
    const auto finite = [](const cv::Mat& m) { return m.empty() || cv::checkRange(m); };
    if (!finite(stats.mean) || !finite(stats.stddev))
        throw Error(
            "training gave position statistics that are not finite numbers; no model was written. "
            "Check the normal images (blank, damaged or with invalid pixel values)");
    if (holdout_images > 0 &&
        !(std::isfinite(bundle.thresholds.image) && std::isfinite(bundle.thresholds.pixel)))
        throw Error(
            "training gave thresholds that are not finite numbers (image " +
            std::to_string(bundle.thresholds.image) + ", pixel " + std::to_string(bundle.thresholds.pixel) +
            ") from " + std::to_string(holdout_images) +
            " held-out normal images; no model was written. Check the normal images (blank, damaged or "
            "with invalid pixel values)");
}

}  // namespace

TrainingResult train(const std::vector<cv::Mat>& normal_images, const TrainingConfig& config,
                     const ProgressCallback& progress) {
    TrainingData data;
    data.normal = normal_images;
    return train(data, config, progress);
}

TrainingResult train(const TrainingData& given, const TrainingConfig& config, const ProgressCallback& progress) {
    validate(given, config);
    const Method& method = engine::method(config.method);
    // With a region of interest everything below sees each image's region only; thresholds come from the
    // whole held-out images, inspected as inspection will inspect them.
    const model::RegionOfInterest region = resolve_region(config, given.normal.front());
    std::vector<std::string> region_warnings;
    const TrainingData cropped = region.enabled() ? crop_to_region(given, region, region_warnings) : TrainingData{};
    const TrainingData& data = region.enabled() ? cropped : given;

    std::vector<cv::Mat> train_images, holdout_images, holdout_whole;
    const auto is_held = postprocess::holdout_mask(data.normal.size(), config.holdout);
    for (size_t i = 0; i < data.normal.size(); ++i) {
        (is_held[i] ? holdout_images : train_images).push_back(data.normal[i]);
        if (is_held[i])
            holdout_whole.push_back(given.normal[i]);
    }
    if (train_images.size() < 2)  // every method needs two to learn what varies
        throw Error("training needs at least 2 normal images besides the " + std::to_string(holdout_images.size()) +
                    " held out for thresholds; got " + std::to_string(data.normal.size()) + " in all");

    // A tiled model fits on tiles; held-out images stay whole (thresholds come from whole images, tiled
    // exactly as inspection tiles them).
    std::vector<std::string> tiling_warnings;
    const model::Tiling tiling = resolve_tiling(config, data.normal.front(), tiling_warnings);
    const bool tiled = tiling.enabled();
    TrainingTiles tiles;
    if (tiled)
        tiles = training_tiles(train_images, tiling, static_cast<size_t>(config.max_training_tiles));
    FitResult fit = tiled ? method.fit(tiles.tiles, defect_tiles(data.defects, tiling), config, progress)
                          : method.fit(train_images, data.defects, config, progress);
    TrainingResult result = std::move(fit.result);
    result.warnings.insert(result.warnings.end(), region_warnings.begin(), region_warnings.end());
    result.warnings.insert(result.warnings.end(), tiling_warnings.begin(), tiling_warnings.end());
    if (tiled) {
        auto record = nlohmann::json::parse(result.bundle.training_json);
        record["tiling"] = {{"tile", tiling.tile},
                            {"overlap", tiling.overlap},
                            {"training_tiles", tiles.tiles.size()},
                            {"tiles_available", tiles.available}};
        if (config.smallest_defect > 0)
            record["tiling"]["smallest_defect"] = config.smallest_defect;
        result.bundle.training_json = record.dump();
        if (tiles.available > tiles.tiles.size())
            result.warnings.push_back("trained on " + std::to_string(tiles.tiles.size()) + " of the " +
                                      std::to_string(tiles.available) +
                                      " tiles of the training images (the limit), spread evenly");
    }
    result.train_images = static_cast<int>(train_images.size());
    result.holdout_images = static_cast<int>(holdout_images.size());
    result.training_images = data.normal_paths;
    if (result.defect_images > 0)
        for (const auto& d : data.defects)
            if (!d.path.empty())
                result.training_images.push_back(d.path);

    auto& bundle = result.bundle;
    bundle.method = std::string(method.id());
    bundle.gaussian_sigma = config.map.gaussian_sigma;
    bundle.score_pool = config.map.score_pool;
    postprocess::PositionStatistics stats;
    if (!fit.training_grids.empty())
        stats = score_positions(fit,
                                tiled ? training_tiles(holdout_images, tiling, kChoiceTiles).tiles : holdout_images,
                                config, progress, result);
    bundle.tiling = tiling;
    bundle.region = region;

    // Thresholds from normal images the model never saw, scored exactly as inference will score them; with
    // a region, from the map values inside it (outside, the map only repeats the lowest inside value).
    if (!holdout_images.empty()) {
        Inspector inspector(bundle, config.features.threads);
        auto held = inspector.inspect(holdout_whole, [&](const Progress& p) {
            return !progress || progress({"thresholds", p.done, p.total});
        });
        if (region.enabled())
            for (auto& r : held)
                r.map = postprocess::values_inside(r.map, region);
        bundle.thresholds = postprocess::thresholds_from_normal(held, config.holdout);
        if (const auto warning = no_variation_warning(held))
            result.warnings.push_back(*warning);
    }
    refuse_non_finite(bundle, stats, holdout_images.size());
    add_common_record(result, data, config);
    return result;
}

}  // namespace kensa::engine
