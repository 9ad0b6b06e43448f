#include <kensa/postprocess/tiling.h>

#include <kensa/base/error.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace kensa::postprocess {

std::vector<TileLayout::Axis> TileLayout::spread(int length, int tile, int overlap) {
    const int side = std::min(tile, length);
    // The fewest tiles that cover the length with at least `overlap` shared, then spread evenly.
    int count = 1;
    if (length > side)
        count = 1 + (length - side + (side - overlap) - 1) / (side - overlap);
    std::vector<Axis> axes(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        const double exact = count == 1 ? 0.0 : static_cast<double>(length - side) * i / (count - 1);
        axes[static_cast<size_t>(i)].start = static_cast<int>(std::lround(exact));
    }
    // Raw weights: 1 inside, ramping over `ramp` pixels towards each side that has a neighbour.
    const int ramp = std::max(1, overlap);
    std::vector<double> sum(static_cast<size_t>(length), 0.0);
    std::vector<std::vector<double>> raw(axes.size());
    for (size_t i = 0; i < axes.size(); ++i) {
        raw[i].resize(static_cast<size_t>(side));
        for (int p = 0; p < side; ++p) {
            double w = 1.0;
            if (i > 0)
                w = std::min(w, (p + 0.5) / ramp);
            if (i + 1 < axes.size())
                w = std::min(w, (side - p - 0.5) / ramp);
            raw[i][static_cast<size_t>(p)] = w;
            sum[static_cast<size_t>(axes[i].start + p)] += w;
        }
    }
    for (size_t i = 0; i < axes.size(); ++i) {
        axes[i].weight.resize(static_cast<size_t>(side));
        for (int p = 0; p < side; ++p)
            axes[i].weight[static_cast<size_t>(p)] =
                static_cast<float>(raw[i][static_cast<size_t>(p)] / sum[static_cast<size_t>(axes[i].start + p)]);
    }
    return axes;
}

TileLayout::TileLayout(cv::Size image, const model::Tiling& tiling) : m_image(image) {
    model::validate(tiling);
    if (!tiling.enabled())
        throw Error("tiling: no tile size given");
    if (image.width <= 0 || image.height <= 0)
        throw Error("tiling: the image is empty");
    m_x = spread(image.width, tiling.tile, tiling.overlap);
    m_y = spread(image.height, tiling.tile, tiling.overlap);
}

cv::Rect TileLayout::tile(int index) const {
    if (index < 0 || index >= count())
        throw Error("tiling: no tile " + std::to_string(index));
    const auto& x = m_x[static_cast<size_t>(index) % m_x.size()];
    const auto& y = m_y[static_cast<size_t>(index) / m_x.size()];
    return {x.start, y.start, static_cast<int>(x.weight.size()), static_cast<int>(y.weight.size())};
}

void TileLayout::blend(int index, const cv::Mat& tile_map, cv::Mat& map) const {
    const cv::Rect rect = tile(index);
    if (tile_map.type() != CV_32FC1 || tile_map.size() != rect.size())
        throw Error("tiling: a tile's map must be CV_32FC1 of the tile's size");
    if (map.type() != CV_32FC1 || map.size() != m_image)
        throw Error("tiling: the blended map must be CV_32FC1 of the image's size");
    const auto& wx = m_x[static_cast<size_t>(index) % m_x.size()].weight;
    const auto& wy = m_y[static_cast<size_t>(index) / m_x.size()].weight;
    for (int r = 0; r < rect.height; ++r) {
        const float* in = tile_map.ptr<float>(r);
        float* out = map.ptr<float>(rect.y + r) + rect.x;
        const float row_weight = wy[static_cast<size_t>(r)];
        for (int c = 0; c < rect.width; ++c)
            out[c] += in[c] * (row_weight * wx[static_cast<size_t>(c)]);
    }
}

AnomalyMapOptions at_source_scale(const AnomalyMapOptions& options, int source_side) {
    AnomalyMapOptions scaled = options;
    if (options.score_pool > 0)
        scaled.score_pool = std::max(1, static_cast<int>(std::lround(static_cast<double>(options.score_pool) *
                                                                     source_side / options.model_size)));
    return scaled;
}

float tiled_image_score(const cv::Mat& map, const AnomalyMapOptions& options, int tile) {
    return image_score(map, at_source_scale(options, tile));
}

}  // namespace kensa::postprocess
