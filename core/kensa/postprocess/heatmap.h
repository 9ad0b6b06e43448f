#pragma once
// How an anomaly map is coloured, once for the CLI's overlays, the inspection view and the report: a
// fixed scale per model, so colours compare across images.

#include <opencv2/core.hpp>

namespace kensa::postprocess {

struct HeatmapScale {
    float low = 0.f;   // drawn as the colour map's first colour (and fully transparent in the app)
    float high = 1.f;  // drawn as its last colour
};

// 0 .. twice the pixel threshold, so "just defective" sits mid-scale on every image. A threshold at or
// below 0 (z-scored maps can be negative) gets a unit-wide scale on each side of it; an unset (NaN) one
// gets 0 .. 1.
HeatmapScale heatmap_scale(float pixel_threshold);

// The map (CV_32FC1) as CV_8UC1 levels: low -> 0, high -> 255, saturated outside.
cv::Mat heatmap_levels(const cv::Mat& map, HeatmapScale scale);

// The image (CV_32FC3 RGB in [0, 1]) with its map as a JET heatmap on the model's scale blended over it, and
// the outline of the pixels at or above the pixel threshold in white: CV_8UC3 BGR, ready to encode. The
// CLI's overlays and live results; the app draws its own with opacity and colour-map choices.
cv::Mat heatmap_overlay(const cv::Mat& rgb, const cv::Mat& map, float pixel_threshold);

// The same overlay at most `side` pixels on its long side: image and map are shrunk first (area-averaged),
// so a thumbnail of a 20-megapixel part costs little.
cv::Mat heatmap_thumbnail(const cv::Mat& rgb, const cv::Mat& map, float pixel_threshold, int side);

}  // namespace kensa::postprocess
