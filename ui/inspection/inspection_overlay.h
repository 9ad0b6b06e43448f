#pragma once
// Pure helper of the inspection view: the defect outline at a pixel threshold, so the slider updates it
// without running the model again (the verdict and the colour scale are core's: postprocess/).

#include <QPainterPath>

#include <opencv2/core.hpp>


namespace kensa::ui {

// The outline of every region at or above pixelThreshold (postprocess::anomalous_pixels), through the centres of its boundary pixels,
// in image coordinates (pixel (x, y) covers [x, x + 1) x [y, y + 1); the map is at the image's size).
// Holes are included, odd-even fill.
QPainterPath defectOutline(const cv::Mat& map, float pixelThreshold);

}  // namespace kensa::ui
