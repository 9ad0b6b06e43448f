#pragma once
// ADTR's input: every backbone stage resized (bilinear) to one grid and concatenated along channels.

#include <torch/torch.h>

#include <vector>

namespace kensa::nn {

// The grid side for a square input of side image_size: stride 16 (14 for 224), never below 8
// (so 32-pixel images, as in the paper's CIFAR-10 setting, get an 8x8 grid).
int64_t default_grid_size(int64_t image_size);

// maps: [N, C_i, H_i, W_i] each -> [N, sum C_i, grid, grid].
torch::Tensor to_feature_grid(const std::vector<torch::Tensor>& maps, int64_t grid_size);

}  // namespace kensa::nn
