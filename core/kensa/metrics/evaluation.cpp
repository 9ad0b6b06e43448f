#include <kensa/metrics/evaluation.h>

#include <kensa/base/error.h>
#include <kensa/metrics/pixel_table.h>
#include <kensa/metrics/pro.h>
#include <kensa/metrics/roc.h>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cmath>
#include <optional>

namespace kensa::metrics {

namespace {

std::string record_name(const EvaluationRecord& r, size_t i) {
    return r.name.empty() ? "test image " + std::to_string(i + 1) : r.name;
}

bool is_good(const EvaluationRecord& r) {
    return r.defect_type == kGoodType;
}

// Returns whether pixel metrics can be computed (every record has a map) after checking the records.
bool validate(std::span<const EvaluationRecord> records) {
    size_t with_map = 0;
    for (size_t i = 0; i < records.size(); ++i) {
        const EvaluationRecord& r = records[i];
        if (r.defect_type.empty())
            throw Error(record_name(r, i) + ": no defect type; use \"good\" for defect-free images");
        if (std::isnan(r.score))
            throw Error(record_name(r, i) + ": the image score is NaN");
        if (!r.anomaly_map.empty())
            ++with_map;
        if (is_good(r) && !r.ground_truth.empty() && r.ground_truth.type() == CV_8UC1) {
            const int defect = cv::countNonZero(r.ground_truth);
            if (defect > 0)
                throw Error(record_name(r, i) + ": labelled good but its mask marks " +
                            std::to_string(defect) + " defect pixels; fix the label or the mask");
        }
    }
    if (with_map != 0 && with_map != records.size()) {
        const auto it = std::find_if(records.begin(), records.end(),
                                     [](const EvaluationRecord& r) { return r.anomaly_map.empty(); });
        const size_t i = static_cast<size_t>(it - records.begin());
        throw Error(record_name(records[i], i) +
                    ": no anomaly map while other images have one; give every image a map, or none for "
                    "image metrics only");
    }
    return with_map > 0;
}

}  // namespace

EvaluationReport evaluate(std::span<const EvaluationRecord> records, const EvaluationConfig& config,
                          const ProgressCallback& progress) {
    check_options(ProOptions{config.pro_fpr_limit, 0});  // before any costly work
    EvaluationReport report_out;
    report_out.pro_fpr_limit = config.pro_fpr_limit;
    report_out.has_pixel_metrics = validate(records);

    std::vector<std::string> types;
    for (const EvaluationRecord& r : records)
        if (!is_good(r))
            types.push_back(r.defect_type);
    std::sort(types.begin(), types.end());
    types.erase(std::unique(types.begin(), types.end()), types.end());

    // Pixel metrics use every image with known pixel truth: good images and annotated defective ones.
    std::vector<size_t> table_record;
    std::optional<PixelTable> table;
    if (report_out.has_pixel_metrics) {
        std::vector<cv::Mat> maps;
        std::vector<cv::Mat> masks;
        std::vector<std::string> names;
        for (size_t i = 0; i < records.size(); ++i) {
            const EvaluationRecord& r = records[i];
            if (!is_good(r) && r.ground_truth.empty())
                continue;
            table_record.push_back(i);
            maps.push_back(r.anomaly_map);
            masks.push_back(r.ground_truth);
            names.push_back(record_name(r, i));
        }
        table.emplace(maps, masks, names, progress);
    }

    const int64_t steps = static_cast<int64_t>(types.size()) + 1;
    // type == nullptr: the whole set; else the good images plus the images of that type.
    auto evaluate_set = [&](const std::string* type, int64_t step) {
        report(progress, {"metrics", step, steps, type ? *type : std::string()});
        auto selected = [&](const EvaluationRecord& r) {
            return is_good(r) || !type || r.defect_type == *type;
        };

        MetricSet set;
        if (type)
            set.defect_type = *type;
        std::vector<float> scores;
        std::vector<uint8_t> labels;
        for (const EvaluationRecord& r : records) {
            if (!selected(r))
                continue;
            scores.push_back(r.score);
            labels.push_back(is_good(r) ? 0 : 1);
            if (is_good(r)) {
                ++set.good_images;
            } else {
                ++set.defect_images;
                if (report_out.has_pixel_metrics && r.ground_truth.empty())
                    ++set.unannotated_defect_images;
            }
        }
        RocResult image_roc = roc_curve(scores, labels, config.max_curve_points);
        set.image_auroc = image_roc.auroc;
        set.image_f1 = image_roc.best_f1;
        set.image_f1_threshold = image_roc.f1_threshold;
        set.image_roc = std::move(image_roc.curve);

        if (table) {
            std::vector<uint8_t> include(table_record.size());
            for (size_t k = 0; k < table_record.size(); ++k)
                include[k] = selected(records[table_record[k]]) ? 1 : 0;
            PixelSweepOptions options;
            options.max_roc_points = config.max_curve_points;
            options.pro_options = {config.pro_fpr_limit, config.max_curve_points};
            // An empty span would select every image; an empty table has nothing to select anyway.
            PixelSweepResult pixels = table->sweep(include, options);
            set.normal_pixels = pixels.roc.negatives;
            set.defect_pixels = pixels.roc.positives;
            set.defect_regions = pixels.pro.regions;
            set.pixel_auroc = pixels.roc.auroc;
            set.pixel_f1 = pixels.roc.best_f1;
            set.pixel_f1_threshold = pixels.roc.f1_threshold;
            set.aupro = pixels.pro.aupro;
            set.pixel_roc = std::move(pixels.roc.curve);
            set.pro = std::move(pixels.pro.curve);
        }
        return set;
    };

    report_out.overall = evaluate_set(nullptr, 0);
    for (size_t t = 0; t < types.size(); ++t)
        report_out.per_defect_type.push_back(evaluate_set(&types[t], static_cast<int64_t>(t) + 1));
    report(progress, {"metrics", steps, steps, {}});
    return report_out;
}

}  // namespace kensa::metrics
