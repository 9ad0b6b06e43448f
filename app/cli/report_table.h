#pragma once

#include <kensa/metrics/evaluation.h>

namespace kensa::cli {

// The evaluation as a table on stdout: one row per defect type and one for the whole test set.
void print_report(const metrics::EvaluationReport& report);

}  // namespace kensa::cli
