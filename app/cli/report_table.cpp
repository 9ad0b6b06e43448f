#include "report_table.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace kensa::cli {

namespace {
std::string percent(double v) {
    if (std::isnan(v)) return "   n/a";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%6.2f", 100.0 * v);
    return buf;
}

void print_row(const std::string& name, const metrics::MetricSet& m) {
    std::printf("%-18s %6lld %6lld   %s   %s   %s\n", name.c_str(), static_cast<long long>(m.good_images),
                static_cast<long long>(m.defect_images), percent(m.image_auroc).c_str(), percent(m.pixel_auroc).c_str(),
                percent(m.aupro).c_str());
}
}  // namespace

void print_report(const metrics::EvaluationReport& report) {
    std::printf("%-18s %6s %6s   %6s   %6s   %6s\n", "defect type", "good", "defect", "I-AUC", "P-AUC", "AU-PRO");
    for (const auto& m : report.per_defect_type) print_row(m.defect_type, m);
    print_row("all", report.overall);
    std::printf("(AUROC and AU-PRO in %%; AU-PRO integrated up to FPR %.2f and normalised)\n", report.pro_fpr_limit);
}

}  // namespace kensa::cli
