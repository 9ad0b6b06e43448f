#pragma once
// The one place Kensa converts between OpenCV matrices (core's image types) and QImage.

#include <QImage>

#include <kensa/postprocess/heatmap.h>

#include <opencv2/core.hpp>

namespace kensa::ui {

// CV_32FC3 RGB in [0, 1] (as kensa::data::read_image gives) -> Format_RGB888 (a deep copy).
QImage image_from_mat(const cv::Mat& rgb);

// Any QImage -> CV_32FC3 RGB in [0, 1] (what core's image functions take; a deep copy).
cv::Mat mat_from_image(const QImage& image);

// CV_8UC1 0/255 mask -> Format_Grayscale8 (a deep copy).
QImage mask_from_mat(const cv::Mat& mask);

// Format_Grayscale8 -> CV_8UC1 (a deep copy; nonzero = defect).
cv::Mat mat_from_mask(const QImage& mask);

// An anomaly map (CV_32FC1) as a colour image: values from `low` (colour map's start) to `high` (its end),
// clamped; colormap is an OpenCV cv::ColormapTypes value (e.g. cv::COLORMAP_JET). Format_RGBA8888 whose
// alpha rises with the value (transparent at `low`), so an overlay leaves normal surface visible.
QImage heatmap_from_map(const cv::Mat& map, postprocess::HeatmapScale scale, int colormap);

// An RGB image scaled to fit in a square of `size` pixels -> Format_RGB888: area-averaged when larger; when
// smaller, enlarged by the largest whole factor that fits, nearest-neighbour (every pixel a sharp block).
QImage thumbnail_from_mat(const cv::Mat& rgb, int size);

}  // namespace kensa::ui
