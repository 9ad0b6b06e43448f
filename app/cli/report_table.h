#pragma once

#include <kensa/metrics/evaluation.h>

namespace kensa::cli {

// The evaluation as a table on stdout: one row per defect type and one for the whole test set.
void print_report(const metrics::EvaluationReport& report);

// The same as one JSON object on stdout (NaN metrics as null), with the inference time and how many test
// images were left out because the model was trained on them.
void print_report_json(const metrics::EvaluationReport& report, double ms_per_image, int excluded = 0);

}  // namespace kensa::cli
