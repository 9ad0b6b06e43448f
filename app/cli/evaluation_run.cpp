#include "evaluation_run.h"

#include "cli_support.h"
#include "product_images.h"

#include <kensa/base/error.h>
#include <kensa/data/defect_selection.h>
#include <kensa/methods/training.h>
#include <kensa/postprocess/verdicts.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

namespace kensa::cli {

metrics::EvaluationReport evaluate_results(const data::MvtecProduct& product,
                                           const std::vector<postprocess::AnomalyResult>& results,
                                           const std::vector<cv::Mat>& masks) {
    std::vector<metrics::EvaluationRecord> records;
    records.reserve(results.size());
    for (size_t i = 0; i < results.size(); ++i)
        records.push_back({product.test[i].relative_path.generic_string(), product.test[i].defect_type,
                           results[i].score, results[i].map, masks[i]});
    return metrics::evaluate(records, {}, terminal_progress());
}

EvaluationRun evaluate_on_test_split(engine::Inspector& inspector, const data::MvtecProduct& full,
                                     const std::set<std::string>& also_exclude) {
    EvaluationRun run;
    run.product = full;
    auto& product = run.product;
    const auto trained = engine::evaluation_exclusions(inspector.bundle().training_json);
    std::set<std::string> trained_set(trained.begin(), trained.end());
    trained_set.insert(also_exclude.begin(), also_exclude.end());
    std::erase_if(product.test,
                  [&](const data::ImageRecord& r) { return trained_set.count(data::product_path(r)) > 0; });
    run.excluded = static_cast<int>(full.test.size() - product.test.size());
    if (product.test.empty())
        throw file_error(product.root / "test",
                         run.excluded > 0
                             ? "every test image was used in training; nothing left to evaluate on"
                             : "no test images to evaluate on");
    using Clock = std::chrono::steady_clock;
    const auto ms_between = [](Clock::time_point a, Clock::time_point b) {
        return std::chrono::duration<double, std::milli>(b - a).count();
    };
    const auto show = terminal_progress();
    const size_t total = product.test.size();
    constexpr int kPerPass = 8;  // images per pass through the model (a tiled model: tiles)
    const size_t batch = inspector.bundle().tiling.enabled() ? 1 : kPerPass;  // decoded at a time
    std::vector<postprocess::AnomalyResult> results;
    std::vector<cv::Mat> masks;
    results.reserve(total);
    masks.reserve(total);
    double steady_ms = 0.0;
    for (size_t begin = 0; begin < total; begin += batch) {
        const size_t end = std::min(begin + batch, total);
        auto chunk = load_images({product.test.begin() + static_cast<std::ptrdiff_t>(begin),
                                  product.test.begin() + static_cast<std::ptrdiff_t>(end)});
        const auto start = Clock::now();
        auto scored = inspector.inspect(chunk.images, [&](const Progress& p) {
            // A tiled model counts tiles within the batch: show images, over the whole split.
            const auto within = p.total > 0 ? p.done * static_cast<int64_t>(end - begin) / p.total : 0;
            const auto done = static_cast<int64_t>(begin) + within;
            return show({"inspecting", done, static_cast<int64_t>(total)});
        }, kPerPass);
        const double ms = ms_between(start, Clock::now());
        if (begin == 0) {  // the first batch also pays the start-up: timed apart
            run.first_batch_ms = ms;
            run.first_batch_images = static_cast<int>(end);
        } else {
            steady_ms += ms;
        }
        for (size_t i = 0; i < scored.size(); ++i) {
            results.push_back(std::move(scored[i]));
            masks.push_back(std::move(chunk.masks[i]));
        }
    }
    const auto n = static_cast<double>(results.size());
    run.ms_per_image = n > run.first_batch_images ? steady_ms / (n - run.first_batch_images) : run.first_batch_ms / n;

    run.report = evaluate_results(product, results, masks);
    run.images = static_cast<int>(results.size());
    std::vector<float> scores;
    std::vector<postprocess::Truth> truths;
    for (size_t i = 0; i < results.size(); ++i) {
        scores.push_back(results[i].score);
        truths.push_back(product.test[i].is_good() ? postprocess::Truth::Normal : postprocess::Truth::Defect);
    }
    const auto counts = postprocess::count_verdicts(scores, truths, inspector.bundle().thresholds.image);
    run.good_flagged = static_cast<int>(counts.false_ng);
    run.defects_flagged = static_cast<int>(counts.true_ng);
    return run;
}

void print_excluded(const EvaluationRun& run) {
    if (run.excluded > 0)
        std::printf("excluded %d test image%s chosen for training (listed in the model)\n", run.excluded,
                    run.excluded == 1 ? "" : "s");
}

}  // namespace kensa::cli
