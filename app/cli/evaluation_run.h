#pragma once
// Scoring a labelled product's test split with a model, as `eval` and `demo` do.

#include "product_images.h"

#include <kensa/data/mvtec_product.h>
#include <kensa/engine/inspector.h>
#include <kensa/metrics/evaluation.h>

#include <set>
#include <string>

namespace kensa::cli {

struct EvaluationRun {
    data::MvtecProduct product;  // the product as evaluated: test images used in training left out
    int excluded = 0;            // test images left out because the model was trained on them
    metrics::EvaluationReport report;
    // Inference only (image decoding excluded), in the steady state: after the first batch, which also pays
    // the start-up (the kernels' set-up for these shapes, first-touch memory) and is timed apart. With
    // one batch only, that batch.
    double ms_per_image = 0.0;
    double first_batch_ms = 0.0;
    int first_batch_images = 0;
    int images = 0;
    // Verdicts at the model's image threshold (from normal data): images flagged anomalous.
    int good_flagged = 0;
    int defects_flagged = 0;
};

// Metrics of results[i] against product.test[i] and its mask masks[i].
metrics::EvaluationReport evaluate_results(const data::MvtecProduct& product,
                                           const std::vector<postprocess::AnomalyResult>& results,
                                           const std::vector<cv::Mat>& masks);

// Scores every test image except those the model was trained on (its training_json lists them) and those
// in also_exclude (product paths, "test/crack/000.png": e.g. what other models being compared trained on).
// Images are decoded a batch at a time (one at a time for a tiled model), so memory holds the maps and masks
// the metrics need, not every decoded test image.
EvaluationRun evaluate_on_test_split(engine::Inspector& inspector, const data::MvtecProduct& product,
                                     const std::set<std::string>& also_exclude = {});

// "excluded K test images chosen for training" on stdout when K > 0.
void print_excluded(const EvaluationRun& run);

}  // namespace kensa::cli
