#include <kensa/postprocess/heatmap.h>

#include <kensa/postprocess/verdict.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

namespace kensa::postprocess {

HeatmapScale heatmap_scale(float pixel_threshold) {
    if (std::isnan(pixel_threshold))
        return {0.f, 1.f};
    if (pixel_threshold > 0.f)
        return {0.f, 2.f * pixel_threshold};
    return {pixel_threshold - 1.f, pixel_threshold + 1.f};
}

cv::Mat heatmap_levels(const cv::Mat& map, HeatmapScale scale) {
    const double factor = scale.high > scale.low ? 255.0 / double(scale.high - scale.low) : 0.0;
    cv::Mat levels;
    map.convertTo(levels, CV_8U, factor, -double(scale.low) * factor);  // convertTo saturates
    return levels;
}

cv::Mat heatmap_overlay(const cv::Mat& rgb, const cv::Mat& map, float pixel_threshold) {
    cv::Mat bgr, heat;
    rgb.convertTo(bgr, CV_8UC3, 255.0);
    cv::cvtColor(bgr, bgr, cv::COLOR_RGB2BGR);
    cv::applyColorMap(heatmap_levels(map, heatmap_scale(pixel_threshold)), heat, cv::COLORMAP_JET);
    cv::Mat out;
    cv::addWeighted(bgr, 0.55, heat, 0.45, 0.0, out);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(anomalous_pixels(map, pixel_threshold), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    cv::drawContours(out, contours, -1, cv::Scalar(255, 255, 255), 2, cv::LINE_AA);
    return out;
}

cv::Mat heatmap_thumbnail(const cv::Mat& rgb, const cv::Mat& map, float pixel_threshold, int side) {
    const double scale = std::min(1.0, static_cast<double>(side) / std::max(rgb.cols, rgb.rows));
    if (scale >= 1.0)
        return heatmap_overlay(rgb, map, pixel_threshold);
    const cv::Size size(std::max(1, static_cast<int>(rgb.cols * scale)), std::max(1, static_cast<int>(rgb.rows * scale)));
    cv::Mat small_rgb, small_map;
    cv::resize(rgb, small_rgb, size, 0, 0, cv::INTER_AREA);
    cv::resize(map, small_map, size, 0, 0, cv::INTER_AREA);
    return heatmap_overlay(small_rgb, small_map, pixel_threshold);
}

}  // namespace kensa::postprocess
