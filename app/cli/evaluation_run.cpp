#include "evaluation_run.h"

#include "cli_support.h"
#include "product_images.h"

#include <kensa/base/error.h>
#include <kensa/data/defect_selection.h>
#include <kensa/methods/training.h>
#include <kensa/postprocess/verdicts.h>

#include <chrono>
#include <cstdio>
#include <set>

namespace kensa::cli {

metrics::EvaluationReport evaluate_results(const data::MvtecProduct& product,
                                           const std::vector<postprocess::AnomalyResult>& results,
                                           const LoadedImages& test) {
    std::vector<metrics::EvaluationRecord> records;
    records.reserve(results.size());
    for (size_t i = 0; i < results.size(); ++i)
        records.push_back({product.test[i].relative_path.generic_string(), product.test[i].defect_type,
                           results[i].score, results[i].map, test.masks[i]});
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
    const auto test = load_images(product.test);
    using Clock = std::chrono::steady_clock;
    const auto ms_between = [](Clock::time_point a, Clock::time_point b) {
        return std::chrono::duration<double, std::milli>(b - a).count();
    };
    const auto start = Clock::now();
    auto first_batch_end = start;
    const auto show = terminal_progress();
    const auto results = inspector.inspect(test.images, [&](const Progress& p) {
        if (p.stage == "inspecting" && p.done > 0 && run.first_batch_images == 0) {
            first_batch_end = Clock::now();
            run.first_batch_images = static_cast<int>(p.done);
        }
        return show(p);
    });
    const auto end = Clock::now();
    const auto n = static_cast<double>(results.size());
    run.first_batch_ms = ms_between(start, first_batch_end);
    run.ms_per_image = n > run.first_batch_images ? ms_between(first_batch_end, end) / (n - run.first_batch_images)
                                                  : ms_between(start, end) / n;

    run.report = evaluate_results(product, results, test);
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
