#include <kensa/postprocess/anomaly_map.h>

#include <kensa/base/error.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kensa::postprocess {

cv::Mat grid_to_model_map(const cv::Mat& grid, const AnomalyMapOptions& options) {
    if (grid.type() != CV_32FC1)
        throw Error("grid_to_model_map: expected a CV_32FC1 grid");
    cv::Mat map;
    cv::resize(grid, map, cv::Size(options.model_size, options.model_size), 0, 0, cv::INTER_LINEAR);
    if (options.gaussian_sigma > 0) {
        // Kernel covering +-4 sigma, as scipy.ndimage.gaussian_filter (truncate=4) does.
        const int radius = static_cast<int>(std::ceil(4.0 * options.gaussian_sigma));
        cv::GaussianBlur(map, map, cv::Size(2 * radius + 1, 2 * radius + 1), options.gaussian_sigma,
                         options.gaussian_sigma, cv::BORDER_REFLECT);
    }
    return map;
}

float image_score(const cv::Mat& model_map, const AnomalyMapOptions& options) {
    if (options.score_pool <= 0)
        return static_cast<float>(cv::mean(model_map)[0]);
    const int k = std::min({options.score_pool, model_map.rows, model_map.cols});
    cv::Mat pooled;
    // A box filter over the valid region is the stride-1 average pool.
    cv::boxFilter(model_map, pooled, CV_32F, cv::Size(k, k), cv::Point(-1, -1), true, cv::BORDER_CONSTANT);
    const cv::Rect valid(k / 2, k / 2, model_map.cols - k + 1, model_map.rows - k + 1);
    double max_value = 0;
    cv::minMaxLoc(pooled(valid), nullptr, &max_value);
    return static_cast<float>(max_value);
}

cv::Mat to_image_size(const cv::Mat& model_map, cv::Size image_size) {
    if (model_map.size() == image_size)
        return model_map.clone();
    cv::Mat out;
    cv::resize(model_map, out, image_size, 0, 0, cv::INTER_LINEAR);
    return out;
}

AnomalyResult grid_to_result(const cv::Mat& grid, cv::Size image_size, const AnomalyMapOptions& options,
                             const PositionStatistics& stats) {
    const auto model_map = grid_to_model_map(normalize_positions(grid, stats), options);
    return {to_image_size(model_map, image_size), image_score(model_map, options)};
}

}  // namespace kensa::postprocess
