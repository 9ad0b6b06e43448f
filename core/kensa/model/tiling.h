#pragma once
// Tiling: how a model inspects images much larger than its input. The image is cut into overlapping
// square tiles of `tile` source pixels, each tile is inspected at the model's input size, and the tile maps
// are blended back into one map at the image's full resolution (postprocess/tiling.h). A model setting,
// chosen at training time (the model trains on tiles of the same size) and recorded in the bundle.
// LibTorch-free, OpenCV-free.

namespace kensa::model {

struct Tiling {
    int tile = 0;     // tile side in source pixels; 0 = no tiling (the whole image is resized to the input)
    int overlap = 0;  // pixels shared by neighbouring tiles (at least; tiles are spread evenly)

    bool enabled() const { return tile > 0; }
    bool operator==(const Tiling&) const = default;
};

inline constexpr int kMinTileSide = 16;

// The tile side that keeps a defect of `smallest_defect` source pixels at least `kVisibleModelPixels` wide
// at the model's input (half a cell of a 14 x 14 grid at 224 px: the backbone's features still move), never
// smaller than the input itself. 0 (no tiling) when the image fits in one such tile.
inline constexpr int kVisibleModelPixels = 8;
int auto_tile_side(int image_width, int image_height, int smallest_defect, int model_size);

// The default overlap for a tile side: an eighth of it, so a defect cut by one tile's border lies well
// inside its neighbour.
int default_overlap(int tile);

// Throws kensa::Error when the tiling cannot be used (tile below kMinTileSide, overlap negative or not
// below half the tile).
void validate(const Tiling& tiling);

}  // namespace kensa::model
