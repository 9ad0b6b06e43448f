#include <kensa/postprocess/heatmap.h>

#include <cmath>

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

}  // namespace kensa::postprocess
