#pragma once
// ADTR's input: every backbone stage resized to one grid (area-averaged when shrinking, bilinear when
// enlarging) and concatenated along channels.

#include <kensa/base/progress.h>
#include <kensa/nn/backbone.h>

#include <torch/torch.h>
#include <opencv2/core.hpp>

#include <vector>

namespace kensa::nn {

// The grid side for a square input of side image_size: stride 16 (14 for 224), never below 8
// (so 32-pixel images, as in the paper's CIFAR-10 setting, get an 8x8 grid).
int64_t default_grid_size(int64_t image_size);

// maps: [N, C_i, H_i, W_i] each -> [N, sum C_i, grid, grid].
torch::Tensor to_feature_grid(const std::vector<torch::Tensor>& maps, int64_t grid_size);

// images (CV_32FC3 RGB in [0, 1], any size) -> [N, C, grid, grid], batch_size images at a time, each
// resized to image_size. Reports ("features", done, total) after every batch; throws Cancelled.
// first_stage > 0 leaves out the shallower stages (the single-scale ablation uses only the last).
// channels, when defined, keeps only those channels of the grid (indices into the full grid's channels,
// ascending; check_channel_subset): each stage is cut before it is resized, which gives the same values
// as selecting them from the full grid without resizing the channels left out (PaDiM keeps 100 of 448).
torch::Tensor extract_feature_grids(Backbone& backbone, const std::vector<cv::Mat>& images,
                                    int64_t image_size, int64_t grid_size, int64_t batch_size,
                                    const ProgressCallback& progress = {}, int64_t first_stage = 0,
                                    const torch::Tensor& channels = {});

// One set of grids extract_feature_grid_sets makes from a backbone pass: the stages from first_stage on a
// grid of this side, cut to channels when defined (as extract_feature_grids).
struct GridSpec {
    int64_t grid = 0;
    int64_t first_stage = 0;
    torch::Tensor channels;
};

// extract_feature_grids for several grids at once, one backbone pass per batch: [N, C_s, grid_s, grid_s]
// per spec, in order (ADTR's transformer grid and its memory's finer one).
std::vector<torch::Tensor> extract_feature_grid_sets(Backbone& backbone, const std::vector<cv::Mat>& images,
                                                     int64_t image_size, const std::vector<GridSpec>& specs,
                                                     int64_t batch_size, const ProgressCallback& progress = {});

// Throws Error unless channels is a 1-D int64 tensor of strictly ascending indices below `available`.
void check_channel_subset(const torch::Tensor& channels, int64_t available);

// Channels of the grids extract_feature_grids returns for first_stage; throws Error when out of range.
int64_t grid_channels(const Backbone& backbone, int64_t first_stage = 0);

// grids [N, C, g, g] -> locally aware patches [N, C, g, g] (PatchCore's): each position averaged over its
// k x k neighbourhood (zero padding counted, as torch.nn.AvgPool2d(k, 1, k / 2)); k = 1 returns grids.
torch::Tensor local_patches(const torch::Tensor& grids, int neighbourhood);

// grids [N, C, g, g] -> one row per image position, [N g g, C], image by image in row-major order: a
// memory bank's rows (PatchCore, ADTR's memory).
torch::Tensor grid_rows(const torch::Tensor& grids);

// (grids - mean) / std per channel; grids [N, C, g, g], mean and std [C].
torch::Tensor standardize_features(const torch::Tensor& grids, const torch::Tensor& mean,
                                   const torch::Tensor& std);

}  // namespace kensa::nn
