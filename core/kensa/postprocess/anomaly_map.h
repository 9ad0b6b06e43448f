#pragma once
// From a method's grid of per-position anomaly scores to what a user sees: a smooth anomaly map at the
// image's own size, and one score per image (ADTR step 6, and the same for every method). Pure OpenCV.

#include <kensa/postprocess/position_normalization.h>

#include <opencv2/core.hpp>

namespace kensa::postprocess {

struct AnomalyMapOptions {
    int model_size = 224;         // the square size the model saw; smoothing and pooling happen at this size
    double gaussian_sigma = 4.0;  // in model pixels; 0 disables smoothing
    int score_pool = 16;          // image score = max of the map average-pooled over score_pool^2 windows;
                                  // 0 = mean of the map (for tiny images, as the paper does on CIFAR-10)
};

// What inspection of one image yields.
struct AnomalyResult {
    cv::Mat map;  // CV_32FC1 at the image's own size
    float score = 0.f;
};

// grid: CV_32FC1 g x g -> CV_32FC1 model_size x model_size (bilinear, half-pixel centres, then Gaussian).
cv::Mat grid_to_model_map(const cv::Mat& grid, const AnomalyMapOptions& options);

// The image score of a model-size map.
float image_score(const cv::Mat& model_map, const AnomalyMapOptions& options);

// The model-size map resized (bilinear) to the original image's size.
cv::Mat to_image_size(const cv::Mat& model_map, cv::Size image_size);

// The whole chain: the grid normalised per position (when stats are given), to a model-size map, its
// image score, and the map at image_size.
AnomalyResult grid_to_result(const cv::Mat& grid, cv::Size image_size, const AnomalyMapOptions& options,
                             const PositionStatistics& stats = {});

}  // namespace kensa::postprocess
