#pragma once
// cv::Mat images <-> the [N, 3, S, S] float tensors backbones take. The only place images become tensors.

#include <torch/torch.h>
#include <opencv2/core.hpp>

#include <vector>

namespace kensa::nn {

// images: CV_32FC3 RGB in [0, 1] of any size (as kensa::data decodes them). Each is resized to
// size x size (area interpolation when shrinking, bilinear when enlarging) and stacked.
torch::Tensor images_to_tensor(const std::vector<cv::Mat>& images, int64_t size);

// One image as images_to_tensor sees it: resized to size x size (area interpolation when shrinking, bilinear
// when enlarging), or the image itself (not a copy) when it already is that size.
cv::Mat resized_square(const cv::Mat& image, int64_t size);

// The inverse: [N, 3, H, W] float RGB -> one CV_32FC3 image (H x W) per entry (copies; values as they are).
std::vector<cv::Mat> tensor_to_images(const torch::Tensor& batch);

}  // namespace kensa::nn
