#pragma once
// What a tiled model (model/tiling.h) trains on: the tiles of the training images instead of the images,
// as views into them (nothing is copied). LibTorch-free.

#include <kensa/methods/defect_sample.h>
#include <kensa/model/tiling.h>

#include <opencv2/core.hpp>

#include <cstddef>
#include <vector>

namespace kensa::engine {

struct TrainingTiles {
    std::vector<cv::Mat> tiles;  // at most the limit, spread evenly over the images and their positions
    size_t available = 0;        // how many the images had in all
};

// Every tile of every image, or `limit` of them evenly spaced in image-then-row-major order when there are
// more (each image and each part of the frame is represented). Throws kensa::Error for a bad tiling or limit.
TrainingTiles training_tiles(const std::vector<cv::Mat>& images, const model::Tiling& tiling, size_t limit);

// The tiles of each defect image that hold marked pixels, each with its part of the mask; type and path stay.
std::vector<DefectSample> defect_tiles(const std::vector<DefectSample>& defects, const model::Tiling& tiling);

}  // namespace kensa::engine
