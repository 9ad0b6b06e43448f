#pragma once
// Receiver operating characteristic: image AUROC over image scores and pixel AUROC over anomaly maps.
// Exact at every distinct score: equal scores form one threshold step, so the area equals the
// Mann-Whitney U statistic with ties counted 1/2 (scikit-learn's roc_auc_score).

#include <kensa/metrics/curve.h>

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace kensa::metrics {

struct RocResult {
    double auroc = std::numeric_limits<double>::quiet_NaN();  // NaN: no positives or no negatives
    std::vector<CurvePoint> curve;  // x = false-positive rate, y = true-positive rate; empty when undefined
    int64_t positives = 0;
    int64_t negatives = 0;
    // The threshold (flag score >= threshold) with the highest F1 = 2 TP / (TP + FP + positives), and
    // that F1; NaN without positives. Ties go to the higher threshold (fewer flags).
    double best_f1 = std::numeric_limits<double>::quiet_NaN();
    float f1_threshold = std::numeric_limits<float>::quiet_NaN();
};

// Builds a ROC from cumulative counts, one call per distinct score from the highest down. The area is
// summed in integers, so it is exact whatever the curve is thinned to.
class RocAccumulator {
public:
    // max_curve_points == 0 keeps every point of the curve.
    RocAccumulator(int64_t positives, int64_t negatives, size_t max_curve_points);

    // true_positives / false_positives: how many positives / negatives score >= threshold.
    void add(float threshold, int64_t true_positives, int64_t false_positives);
    RocResult finish();

private:
    RocResult m_result;
    CurveRecorder m_curve;
    int64_t m_tp = 0;
    int64_t m_fp = 0;
    uint64_t m_twice_area = 0;  // in units of one (positive, negative) pair
};

// ROC of scores against labels (nonzero = positive, i.e. anomalous). Throws kensa::Error when the spans
// differ in length or a score is NaN.
RocResult roc_curve(std::span<const float> scores, std::span<const uint8_t> labels,
                    size_t max_curve_points = 0);

// Pixel ROC over anomaly maps (CV_32FC1) against ground-truth masks (CV_8UC1, nonzero = defect; an empty
// mask means no defect), every pixel of every image pooled. Throws kensa::Error on a type or size mismatch
// or a NaN score.
RocResult pixel_roc(std::span<const cv::Mat> anomaly_maps, std::span<const cv::Mat> masks,
                    size_t max_curve_points = 512);

}  // namespace kensa::metrics
