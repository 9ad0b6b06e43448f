#include <kensa/model/tiling.h>

#include <kensa/base/error.h>

#include <algorithm>
#include <string>

namespace kensa::model {

int auto_tile_side(int image_width, int image_height, int smallest_defect, int model_size) {
    if (smallest_defect <= 0)
        throw Error("tiling: the smallest defect must be at least 1 pixel, got " + std::to_string(smallest_defect));
    if (model_size <= 0)
        throw Error("tiling: the model size must be positive");
    const long long wanted = static_cast<long long>(smallest_defect) * model_size / kVisibleModelPixels;
    const int tile = static_cast<int>(std::max<long long>(wanted, model_size));
    return tile >= std::max(image_width, image_height) ? 0 : tile;
}

int default_overlap(int tile) {
    return tile / 8;
}

void validate(const Tiling& tiling) {
    if (!tiling.enabled()) {
        if (tiling.tile < 0)
            throw Error("tiling: the tile side must be positive (or 0 for no tiling), got " + std::to_string(tiling.tile));
        return;
    }
    if (tiling.tile < kMinTileSide)
        throw Error("tiling: tiles of " + std::to_string(tiling.tile) + " px are too small (at least " +
                    std::to_string(kMinTileSide) + ")");
    if (tiling.overlap < 0 || 2 * tiling.overlap >= tiling.tile)
        throw Error("tiling: the overlap must be at least 0 and below half the tile (" +
                    std::to_string(tiling.tile / 2) + " px for " + std::to_string(tiling.tile) + " px tiles), got " +
                    std::to_string(tiling.overlap));
}

}  // namespace kensa::model
