#pragma once
// Evaluation of anomaly scores against a labelled test set: image AUROC, pixel AUROC and AU-PRO for the
// whole set and for each defect type (that type's images plus all good images, as MVTec AD reports them),
// with thinned curves for plotting.

#include <kensa/base/progress.h>
#include <kensa/metrics/curve.h>

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::metrics {

// The defect type of defect-free images.
inline constexpr std::string_view kGoodType = "good";

struct EvaluationRecord {
    std::string name;         // image path or id, used in error messages
    std::string defect_type;  // kGoodType for defect-free images, else the defect class, e.g. "scratch"
    float score = 0.0f;       // image anomaly score, higher = more anomalous
    // CV_32FC1, higher = more anomalous. Leave it empty in every record for image metrics only.
    cv::Mat anomaly_map;
    // CV_8UC1, same size as the map, nonzero = defect. Empty on a good image = no defect pixels; empty on
    // a defective image = not annotated: the image counts for image AUROC but not for pixel metrics.
    cv::Mat ground_truth;
};

struct EvaluationConfig {
    double pro_fpr_limit = 0.3;     // AU-PRO integrates FPR in [0, limit]
    size_t max_curve_points = 512;  // per plotted curve; the metrics themselves are always exact
};

inline constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();

// Metrics of one set of images. A metric is NaN when undefined: image AUROC without good or without
// defective images, pixel AUROC without defect or without normal pixels, AU-PRO without defect regions or
// without normal pixels, and both pixel metrics when no anomaly maps were given.
struct MetricSet {
    std::string defect_type;  // empty for the whole test set
    int64_t good_images = 0;
    int64_t defect_images = 0;
    int64_t unannotated_defect_images = 0;  // defective images without a mask, left out of pixel metrics
    int64_t normal_pixels = 0;
    int64_t defect_pixels = 0;
    int64_t defect_regions = 0;

    double image_auroc = kUndefined;
    double pixel_auroc = kUndefined;
    double aupro = kUndefined;
    // F1-optimal operating points (flag score >= threshold), NaN when there are no defects.
    double image_f1 = kUndefined;
    double image_f1_threshold = kUndefined;
    double pixel_f1 = kUndefined;
    double pixel_f1_threshold = kUndefined;

    std::vector<CurvePoint> image_roc;  // x = FPR, y = TPR
    std::vector<CurvePoint> pixel_roc;  // x = FPR, y = TPR
    std::vector<CurvePoint> pro;        // x = FPR in [0, pro_fpr_limit], y = PRO
};

struct EvaluationReport {
    MetricSet overall;
    std::vector<MetricSet> per_defect_type;  // sorted by defect type
    bool has_pixel_metrics = false;          // whether anomaly maps were given
    double pro_fpr_limit = 0.3;
};

// Throws kensa::Error (naming the record) on a NaN image score, an empty defect type, anomaly maps given
// for some records but not others, a map or mask of the wrong type or size, a NaN in a map, or a good
// image whose mask marks defect pixels; kensa::Cancelled when progress asks to stop.
// Cost: one sort of all pixels (16 bytes each while sorting), then one linear pass per defect type.
EvaluationReport evaluate(std::span<const EvaluationRecord> records, const EvaluationConfig& config = {},
                          const ProgressCallback& progress = {});

}  // namespace kensa::metrics
