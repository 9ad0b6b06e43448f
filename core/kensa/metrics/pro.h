#pragma once
// Per-region overlap (PRO) and AU-PRO, as defined for MVTec AD (Bergmann et al., IJCV 2021):
// for a threshold t, PRO(t) is the mean over all ground-truth regions (8-connected components of each
// image's mask) of the fraction of the region's pixels scoring >= t; FPR(t) is the fraction of all
// defect-free pixels (of every image, good ones included) scoring >= t. AU-PRO integrates PRO over FPR in
// [0, fpr_limit] by trapezoids, cutting the last step by linear interpolation, and divides by fpr_limit.
// Unlike pixel recall, a small region weighs as much as a large one.

#include <kensa/metrics/curve.h>

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace kensa::metrics {

struct ProOptions {
    double fpr_limit = 0.3;         // in (0, 1]
    size_t max_curve_points = 512;  // 0 keeps every point
};

// Throws kensa::Error when fpr_limit is outside (0, 1].
void check_options(const ProOptions& options);

struct ProResult {
    double aupro =
        std::numeric_limits<double>::quiet_NaN();  // in [0, 1]; NaN: no regions or no normal pixels
    // x = FPR, y = PRO, from (0, 0) up to x = fpr_limit; the last point is interpolated at the cut and
    // carries the threshold of the step that crosses it. Empty when undefined.
    std::vector<CurvePoint> curve;
    int64_t regions = 0;
    int64_t normal_pixels = 0;
    double fpr_limit = 0.3;
};

// Ground-truth regions of one mask: 8-connected components of its nonzero pixels (scipy.ndimage.label
// with a 3x3 structure of ones, as MVTec's evaluation does).
struct DefectRegions {
    cv::Mat labels;              // CV_32SC1, 0 = defect-free, k = region k (1-based); empty if count == 0
    std::vector<int64_t> sizes;  // sizes[k - 1] = pixel count of region k
    int count() const { return static_cast<int>(sizes.size()); }
};
DefectRegions label_defect_regions(const cv::Mat& mask);

// Builds a PRO curve and its area from cumulative values, one call per distinct score from the highest down.
class ProAccumulator {
public:
    ProAccumulator(int64_t regions, int64_t normal_pixels, const ProOptions& options);

    // overlap_sum: sum over regions of (region pixels >= threshold) / (region size);
    // false_positives: normal pixels >= threshold.
    void add(float threshold, double overlap_sum, int64_t false_positives);
    // True once the curve has passed fpr_limit: later calls change nothing.
    bool done() const { return m_done; }
    ProResult finish();

private:
    ProResult m_result;
    CurveRecorder m_curve;
    bool m_defined = false;
    bool m_done = false;
    double m_x = 0.0;
    double m_y = 0.0;
    double m_area = 0.0;
};

// AU-PRO over anomaly maps (CV_32FC1) and ground-truth masks (CV_8UC1, nonzero = defect; an empty mask
// means no defect). Throws kensa::Error on a type or size mismatch, a NaN score or fpr_limit outside (0, 1].
ProResult pro_curve(std::span<const cv::Mat> anomaly_maps, std::span<const cv::Mat> masks,
                    const ProOptions& options = {});

}  // namespace kensa::metrics
