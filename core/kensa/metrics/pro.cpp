#include <kensa/metrics/pro.h>

#include <kensa/base/error.h>
#include <kensa/metrics/pixel_table.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace kensa::metrics {

void check_options(const ProOptions& options) {
    if (!(options.fpr_limit > 0.0 && options.fpr_limit <= 1.0))
        throw Error("the AU-PRO false-positive-rate limit must be in (0, 1], got " +
                    std::to_string(options.fpr_limit));
}

DefectRegions label_defect_regions(const cv::Mat& mask) {
    DefectRegions regions;
    if (mask.empty() || cv::countNonZero(mask) == 0)
        return regions;
    cv::Mat stats;
    cv::Mat centroids;
    // connectedComponents treats every nonzero pixel as foreground, so 1 and 255 masks behave alike.
    const int n = cv::connectedComponentsWithStats(mask, regions.labels, stats, centroids, 8, CV_32S);
    regions.sizes.reserve(static_cast<size_t>(n - 1));
    for (int k = 1; k < n; ++k)
        regions.sizes.push_back(stats.at<int32_t>(k, cv::CC_STAT_AREA));
    return regions;
}

ProAccumulator::ProAccumulator(int64_t regions, int64_t normal_pixels, const ProOptions& options)
    : m_curve(options.max_curve_points) {
    check_options(options);
    m_result.regions = regions;
    m_result.normal_pixels = normal_pixels;
    m_result.fpr_limit = options.fpr_limit;
    m_defined = regions > 0 && normal_pixels > 0;
    m_done = !m_defined;
    m_curve.add({0.0, 0.0, std::numeric_limits<float>::infinity()});
}

void ProAccumulator::add(float threshold, double overlap_sum, int64_t false_positives) {
    if (m_done)
        return;
    const double limit = m_result.fpr_limit;
    const double x = static_cast<double>(false_positives) / static_cast<double>(m_result.normal_pixels);
    const double y = std::min(1.0, overlap_sum / static_cast<double>(m_result.regions));
    if (x <= limit) {
        m_area += (x - m_x) * (y + m_y) * 0.5;
        m_curve.add({x, y, threshold});
        m_x = x;
        m_y = y;
        return;
    }
    if (m_x < limit) {
        const double y_cut = m_y + (y - m_y) * (limit - m_x) / (x - m_x);
        m_area += (limit - m_x) * (y_cut + m_y) * 0.5;
        m_curve.add({limit, y_cut, threshold});
    }
    m_done = true;
}

ProResult ProAccumulator::finish() {
    if (m_defined) {
        m_result.aupro = m_area / m_result.fpr_limit;
        m_result.curve = m_curve.finish();
    }
    return std::move(m_result);
}

ProResult pro_curve(std::span<const cv::Mat> anomaly_maps, std::span<const cv::Mat> masks,
                    const ProOptions& options) {
    check_options(options);  // before the costly sort
    const PixelTable table(anomaly_maps, masks);
    PixelSweepOptions sweep;
    sweep.roc = false;
    sweep.pro_options = options;
    return table.sweep({}, sweep).pro;
}

}  // namespace kensa::metrics
