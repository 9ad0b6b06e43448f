#pragma once

#include "evaluation_run.h"

#include <kensa/metrics/evaluation.h>

namespace kensa::cli {

// The evaluation as a table on stdout: one row per defect type and one for the whole test set.
void print_report(const metrics::EvaluationReport& report);

// The run's evaluation as one JSON object on stdout (NaN metrics as null), with the inference times and how
// many test images were left out because the model was trained on them.
void print_report_json(const EvaluationRun& run);

}  // namespace kensa::cli
