#pragma once
// The region of interest: the part of the image that matters (a rectangle, or a polygon drawn around a
// part), outside which nothing is learned and nothing is flagged. A model setting chosen at training time and
// recorded in the bundle; drawn on an image of `reference` size and scaled to images of another size. The
// raster work (bounds, mask, placing a crop's map) is postprocess/region.h. LibTorch-free, OpenCV-free.

#include <vector>

namespace kensa::model {

struct RegionPoint {
    int x = 0;
    int y = 0;
    bool operator==(const RegionPoint&) const = default;
};

struct RegionOfInterest {
    int reference_width = 0;  // the image size the corners are in; 0 x 0 until training fills in the
    int reference_height = 0; // first normal image's
    std::vector<RegionPoint> polygon;  // corners on pixel edges ((0, 0) is the image's top-left corner); empty = the whole image

    bool enabled() const { return !polygon.empty(); }
    // An axis-aligned rectangle: the crop alone is the region, no mask inside it.
    bool is_rectangle() const;
    bool operator==(const RegionOfInterest&) const = default;
};

// The rectangle x, y, width, height as a region (corners clockwise from the top-left).
RegionOfInterest rectangle_region(int x, int y, int width, int height, int reference_width = 0,
                                  int reference_height = 0);

// The smallest region side, in reference pixels: a backbone needs a few cells of image to say anything.
inline constexpr int kMinRegionSide = 16;

// Throws kensa::Error when the region cannot be used: fewer than 3 corners, corners outside the reference
// image, a bounding box under kMinRegionSide, or no reference size.
void validate(const RegionOfInterest& region);

}  // namespace kensa::model
