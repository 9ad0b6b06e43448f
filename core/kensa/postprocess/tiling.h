#pragma once
// Cutting a large image into the overlapping tiles a tiled model inspects (model/tiling.h), and blending the
// tiles' maps back into one map at the image's resolution without seams. Pure OpenCV.
//
// Blending: along each axis every tile has a weight that ramps up over the overlap on each side where it
// has a neighbour; the weights of the tiles covering a pixel are normalised to sum to 1 per axis, so the 2-D
// weights (their product) sum to 1 at every pixel. A constant map stays exactly that constant, and a map
// passes from one tile to the next as a linear cross-fade, never a step.

#include <kensa/model/tiling.h>
#include <kensa/postprocess/anomaly_map.h>

#include <opencv2/core.hpp>

#include <vector>

namespace kensa::postprocess {

class TileLayout {
public:
    // Tiles of min(tile, side) pixels along each axis, spread evenly from edge to edge with at least
    // `overlap` pixels shared by neighbours. Throws kensa::Error for an invalid tiling or an empty image.
    TileLayout(cv::Size image, const model::Tiling& tiling);

    cv::Size image_size() const { return m_image; }
    int count() const { return static_cast<int>(m_x.size() * m_y.size()); }
    cv::Rect tile(int index) const;  // row-major: index = row * columns + column

    // map += tile_map * the tile's blending weights, inside the tile's rectangle. map: CV_32FC1 at the
    // image's size; tile_map: CV_32FC1 at the tile's size.
    void blend(int index, const cv::Mat& tile_map, cv::Mat& map) const;

private:
    struct Axis {
        int start = 0;
        std::vector<float> weight;  // per pixel of the tile, already normalised across the tiles
    };
    static std::vector<Axis> spread(int length, int tile, int overlap);

    cv::Size m_image;
    std::vector<Axis> m_x, m_y;
};

// The options with the score's pooling window scaled from model pixels to source pixels, for a map at the
// source's resolution whose `source_side` pixels the model saw as model_size (at least 1; 0, the mean, stays).
AnomalyMapOptions at_source_scale(const AnomalyMapOptions& options, int source_side);

// The image score of a blended full-resolution map: as image_score() on a model-size map, with the pooling
// window at the tile's scale (at_source_scale).
float tiled_image_score(const cv::Mat& map, const AnomalyMapOptions& options, int tile);

}  // namespace kensa::postprocess
