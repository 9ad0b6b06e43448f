#pragma once
// Pure helpers of the inspection view: the verdict and the defect outline at given thresholds, so the
// sliders update both without running the model again.

#include <QPainterPath>

#include <opencv2/core.hpp>

#include <utility>

namespace kensa::ui {

// The model's contract (model_bundle.h): an image scoring at or above the image threshold is NG.
inline bool isDefective(float score, float imageThreshold) {
    return score >= imageThreshold;
}

// The heatmap's colour scale for a model (low, high): 0 .. twice its pixel threshold, fixed per model so
// colours compare across images; a threshold at or below 0 gets a unit-wide scale around it.
std::pair<float, float> heatmapScale(float pixelThreshold);

// The outline of every region where map >= pixelThreshold, through the centres of its boundary pixels,
// in image coordinates (pixel (x, y) covers [x, x + 1) x [y, y + 1); the map is at the image's size).
// Holes are included, odd-even fill.
QPainterPath defectOutline(const cv::Mat& map, float pixelThreshold);

}  // namespace kensa::ui
