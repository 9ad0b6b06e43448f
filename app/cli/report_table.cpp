#include "report_table.h"

#include "cli_support.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <string>

namespace kensa::cli {

namespace {
std::string percent(double v) {
    if (std::isnan(v))
        return "   n/a";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%6.2f", 100.0 * v);
    return buf;
}

void print_row(const std::string& name, const metrics::MetricSet& m) {
    std::printf("%-18s %6lld %6lld   %s   %s   %s\n", name.c_str(), static_cast<long long>(m.good_images),
                static_cast<long long>(m.defect_images), percent(m.image_auroc).c_str(),
                percent(m.pixel_auroc).c_str(), percent(m.aupro).c_str());
}
nlohmann::json metric_json(const metrics::MetricSet& m) {
    const auto value = [](double v) { return std::isnan(v) ? nlohmann::json(nullptr) : nlohmann::json(v); };
    return {{"good_images", m.good_images},
            {"defect_images", m.defect_images},
            {"image_auroc", value(m.image_auroc)},
            {"pixel_auroc", value(m.pixel_auroc)},
            {"aupro", value(m.aupro)},
            {"image_f1", value(m.image_f1)},
            {"image_f1_threshold", value(m.image_f1_threshold)},
            {"pixel_f1", value(m.pixel_f1)},
            {"pixel_f1_threshold", value(m.pixel_f1_threshold)}};
}
}  // namespace

void print_report_json(const EvaluationRun& run) {
    const auto& report = run.report;
    nlohmann::json per_type = nlohmann::json::object();
    for (const auto& m : report.per_defect_type)
        per_type[m.defect_type] = metric_json(m);
    const nlohmann::json j{{"overall", metric_json(report.overall)},
                           {"per_defect_type", per_type},
                           {"aupro_fpr_limit", report.pro_fpr_limit},
                           {"inference_ms_per_image", run.ms_per_image},
                           {"first_batch_ms", run.first_batch_ms},
                           {"first_batch_images", run.first_batch_images},
                           {"excluded_training_images", run.excluded}};
    print_json(j);
}

void print_report(const metrics::EvaluationReport& report) {
    std::printf("%-18s %6s %6s   %6s   %6s   %6s\n", "defect type", "good", "defect", "I-AUC", "P-AUC",
                "AU-PRO");
    for (const auto& m : report.per_defect_type)
        print_row(m.defect_type, m);
    print_row("all", report.overall);
    std::printf("(AUROC and AU-PRO in %%; AU-PRO integrated up to FPR %.2f and normalised)\n",
                report.pro_fpr_limit);
    const auto& all = report.overall;
    if (!std::isnan(all.image_f1))
        std::printf("F1-optimal thresholds on this test set: image %.4g (F1 %.3f)", all.image_f1_threshold,
                    all.image_f1);
    if (!std::isnan(all.pixel_f1))
        std::printf(", pixel %.4g (F1 %.3f)", all.pixel_f1_threshold, all.pixel_f1);
    if (!std::isnan(all.image_f1))
        std::printf("\n");
}

}  // namespace kensa::cli
