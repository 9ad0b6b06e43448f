#pragma once
// cv::Mat images <-> the [N, 3, S, S] float tensors backbones take. The only place images become tensors.

#include <torch/torch.h>
#include <opencv2/core.hpp>

#include <vector>

namespace kensa::nn {

// images: CV_32FC3 RGB in [0, 1] of any size (as kensa::data decodes them). Each is resized to
// size x size (area interpolation when shrinking, bilinear when enlarging) and stacked.
torch::Tensor images_to_tensor(const std::vector<cv::Mat>& images, int64_t size);

}  // namespace kensa::nn
