#include <kensa/engine/inspection_run.h>

#include <kensa/base/error.h>
#include <kensa/data/image_io.h>
#include <kensa/engine/inspector.h>
#include <kensa/engine/map_arena.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kensa::engine {

namespace {

cv::Size reduced_size(cv::Size image, int map_side) {
    const int long_side = std::max(image.width, image.height);
    if (long_side <= map_side)
        return image;
    const double f = double(map_side) / long_side;
    return {std::max(1, int(std::lround(image.width * f))), std::max(1, int(std::lround(image.height * f)))};
}

// Into the arena's memory (`out` already has the right size and type, so OpenCV writes in place).
void reduce_map(const cv::Mat& map, cv::Mat& out) {
    if (map.size() == out.size())
        map.copyTo(out);
    else
        cv::resize(map, out, out.size(), 0, 0, cv::INTER_AREA);  // area: a thin defect survives as a mean
}

// The mask at the map's size: a reduced pixel is defect when at least half of it was.
void reduce_mask(const cv::Mat& mask, cv::Mat& out) {
    if (mask.size() == out.size())
        mask.copyTo(out);
    else
        cv::resize(mask, out, out.size(), 0, 0, cv::INTER_AREA);
    cv::threshold(out, out, 127, 255, cv::THRESH_BINARY);
}

void widen(float& lo, float& hi, float a, float b) {
    lo = std::isnan(lo) ? a : std::min(lo, a);
    hi = std::isnan(hi) ? b : std::max(hi, b);
}

std::string evaluation_type(const InspectionItem& item) {
    if (item.truth == postprocess::Truth::Normal)
        return std::string(metrics::kGoodType);
    return item.defect_type.empty() || item.defect_type == metrics::kGoodType ? "defect" : item.defect_type;
}

}  // namespace

std::vector<float> InspectionRun::scores() const {
    std::vector<float> out;
    out.reserve(images.size());
    for (const auto& i : images)
        out.push_back(i.score);
    return out;
}

InspectionRun run_inspection(Inspector& inspector, std::span<const InspectionItem> items,
                             const InspectionRunConfig& config, const ProgressCallback& progress) {
    if (config.batch_size < 1 || config.map_side < 8)
        throw Error("inspection: batch size must be at least 1 and map side at least 8 pixels");
    InspectionRun run;
    auto storage = std::make_shared<MapArena>();
    run.storage = storage;
    run.images.resize(items.size());
    const auto total = int64_t(items.size());
    report(progress, {"inspecting", 0, total});
    // A tiled model's images are large: one is decoded at a time, its tiles go batch_size at a time, and a
    // cancel is seen after each batch of tiles.
    const bool tiled = inspector.bundle().tiling.enabled();
    const int64_t images_per_batch = tiled ? 1 : config.batch_size;
    for (int64_t begin = 0; begin < total; begin += images_per_batch) {
        const int64_t end = std::min<int64_t>(begin + images_per_batch, total);
        std::vector<cv::Mat> batch;
        std::vector<size_t> batch_items;
        for (int64_t i = begin; i < end; ++i) {
            auto image = data::read_image(items[size_t(i)].image);
            if (!image) {
                run.images[size_t(i)].error = image.error().message();
                continue;
            }
            run.images[size_t(i)].image_size = image->size();
            batch.push_back(std::move(*image));
            batch_items.push_back(size_t(i));
        }
        // A tiled image takes many passes: its tile batches report (at the image's place) so a cancel is
        // seen within the image; a batch of whole images reports once, below.
        const ProgressCallback within_image = [&](const Progress&) {
            return !progress || progress({"inspecting", begin, total});
        };
        // results[r] belongs to batch_items[r]; empty where the image failed (its error is set).
        std::vector<std::optional<postprocess::AnomalyResult>> results(batch.size());
        const auto inspect_alone = [&](size_t r) {
            try {
                results[r] = std::move(inspector.inspect({batch[r]}, tiled ? within_image : ProgressCallback{},
                                                         config.batch_size)
                                           .front());
            } catch (const Cancelled&) {
                throw;
            } catch (const std::exception& e) {
                run.images[batch_items[r]].error =
                    items[batch_items[r]].image.string() + ": inspection failed: " + e.what();
            }
        };
        try {
            if (batch.size() == 1) {
                inspect_alone(0);
            } else if (!batch.empty()) {
                auto together = inspector.inspect(batch, ProgressCallback{}, config.batch_size);
                for (size_t r = 0; r < together.size(); ++r)
                    results[r] = std::move(together[r]);
            }
        } catch (const Cancelled&) {
            throw;
        } catch (const std::exception&) {
            // One image can fail a whole batch (memory, an image its region does not fit): each alone, so
            // only the ones that fail on their own are reported.
            for (size_t r = 0; r < batch.size(); ++r)
                inspect_alone(r);
        }
        batch.clear();  // the decoded images go before their maps are reduced
        for (size_t r = 0; r < results.size(); ++r) {
            if (!results[r])
                continue;
            const size_t k = batch_items[r];
            InspectedImage& out = run.images[k];
            out.score = results[r]->score;
            out.map = storage->allocate(reduced_size(out.image_size, config.map_side), CV_32FC1);
            reduce_map(results[r]->map, out.map);
            results[r]->map.release();
            double lo = 0, hi = 0;
            cv::minMaxLoc(out.map, &lo, &hi);
            widen(run.map_min, run.map_max, float(lo), float(hi));
            widen(run.score_min, run.score_max, out.score, out.score);
            const InspectionItem& item = items[k];
            if (item.truth == postprocess::Truth::Defect && !item.mask.empty()) {
                auto mask = data::read_mask(item.mask);
                if (mask) {
                    out.mask = storage->allocate(out.map.size(), CV_8UC1);
                    reduce_mask(*mask, out.mask);
                } else
                    out.warning = mask.error().message() + " (left out of the pixel metrics)";
            }
        }
        report(progress, {"inspecting", end, total});
    }

#if defined(__GLIBC__)
    // Once, not per batch (that cost ~50% time): kensa_nn raises glibc's trim threshold, so the batches'
    // freed images and full maps stay in the heap; hand them back before the metrics' big sort.
    malloc_trim(0);
#endif
    std::vector<metrics::EvaluationRecord> records;
    for (size_t i = 0; i < items.size(); ++i) {
        const InspectedImage& img = run.images[i];
        if (items[i].truth == postprocess::Truth::Unknown || !img.error.empty())
            continue;
        // Maps and masks are shared (cv::Mat reference counts), not copied.
        records.push_back({items[i].image.string(), evaluation_type(items[i]), img.score, img.map, img.mask});
    }
    for (const auto& img : run.images)
        run.failed += img.error.empty() ? 0 : 1;
    if (records.empty())
        return run;
    try {
        run.evaluation = metrics::evaluate(records, config.evaluation, progress);
    } catch (const Cancelled&) {
        throw;
    } catch (const std::exception& e) {
        run.evaluation_error = e.what();
    }
    return run;
}

}  // namespace kensa::engine
