#include "evaluation_run.h"

#include "cli_support.h"
#include "product_images.h"

#include <kensa/base/error.h>

#include <chrono>

namespace kensa::cli {

metrics::EvaluationReport evaluate_results(const data::MvtecProduct& product,
                                           const std::vector<engine::AnomalyResult>& results,
                                           const LoadedImages& test) {
    std::vector<metrics::EvaluationRecord> records;
    records.reserve(results.size());
    for (size_t i = 0; i < results.size(); ++i)
        records.push_back({product.test[i].relative_path.generic_string(), product.test[i].defect_type,
                           results[i].score, results[i].map, test.masks[i]});
    return metrics::evaluate(records, {}, terminal_progress());
}

EvaluationRun evaluate_on_test_split(engine::Inspector& inspector, const data::MvtecProduct& product) {
    if (product.test.empty())
        throw file_error(product.root / "test", "no test images to evaluate on");
    const auto test = load_images(product.test);
    const auto start = std::chrono::steady_clock::now();
    const auto results = inspector.inspect(test.images, terminal_progress());
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

    EvaluationRun run;
    run.report = evaluate_results(product, results, test);
    run.images = static_cast<int>(results.size());
    run.ms_per_image = ms / static_cast<double>(results.size());
    const float threshold = inspector.bundle().thresholds.image;
    for (size_t i = 0; i < results.size(); ++i) {
        if (!(results[i].score >= threshold))
            continue;
        ++(product.test[i].is_good() ? run.good_flagged : run.defects_flagged);
    }
    return run;
}

}  // namespace kensa::cli
