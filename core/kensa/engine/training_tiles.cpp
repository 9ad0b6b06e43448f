#include <kensa/engine/training_tiles.h>

#include <kensa/base/error.h>
#include <kensa/postprocess/tiling.h>

namespace kensa::engine {

TrainingTiles training_tiles(const std::vector<cv::Mat>& images, const model::Tiling& tiling, size_t limit) {
    if (limit == 0)
        throw Error("tiling: the number of training tiles must be positive");
    std::vector<cv::Mat> all;
    for (const auto& image : images) {
        const postprocess::TileLayout layout(image.size(), tiling);
        for (int t = 0; t < layout.count(); ++t)
            all.push_back(image(layout.tile(t)));
    }
    TrainingTiles out;
    out.available = all.size();
    if (all.size() <= limit) {
        out.tiles = std::move(all);
        return out;
    }
    out.tiles.reserve(limit);
    for (size_t i = 0; i < limit; ++i)
        out.tiles.push_back(all[i * all.size() / limit]);
    return out;
}

std::vector<DefectSample> defect_tiles(const std::vector<DefectSample>& defects, const model::Tiling& tiling) {
    std::vector<DefectSample> out;
    for (const auto& d : defects) {
        if (d.mask.size() != d.image.size())
            throw Error(d.path + ": the defect mask's size differs from the image's");
        const postprocess::TileLayout layout(d.image.size(), tiling);
        for (int t = 0; t < layout.count(); ++t) {
            const cv::Rect rect = layout.tile(t);
            if (cv::countNonZero(d.mask(rect)) > 0)
                out.push_back({d.image(rect), d.mask(rect), d.defect_type, d.path});
        }
    }
    return out;
}

}  // namespace kensa::engine
