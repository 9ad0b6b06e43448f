#include <kensa/model/region_of_interest.h>

#include <kensa/base/error.h>

#include <algorithm>
#include <string>

namespace kensa::model {

bool RegionOfInterest::is_rectangle() const {
    if (polygon.size() != 4)
        return false;
    // Four edges, each horizontal or vertical, turning at every corner: an axis-aligned rectangle.
    bool previous_horizontal = false;
    for (size_t i = 0; i < 4; ++i) {
        const RegionPoint& a = polygon[i];
        const RegionPoint& b = polygon[(i + 1) % 4];
        const bool horizontal = a.y == b.y && a.x != b.x;
        const bool vertical = a.x == b.x && a.y != b.y;
        if (horizontal == vertical || (i > 0 && horizontal == previous_horizontal))
            return false;
        previous_horizontal = horizontal;
    }
    return true;
}

RegionOfInterest rectangle_region(int x, int y, int width, int height, int reference_width, int reference_height) {
    return {reference_width,
            reference_height,
            {{x, y}, {x + width, y}, {x + width, y + height}, {x, y + height}}};
}

void validate(const RegionOfInterest& region) {
    if (!region.enabled())
        return;
    if (region.polygon.size() < 3)
        throw Error("region of interest: it needs at least 3 corners, got " + std::to_string(region.polygon.size()));
    if (region.reference_width <= 0 || region.reference_height <= 0)
        throw Error("region of interest: the size of the image it was drawn on is missing");
    int left = region.reference_width, top = region.reference_height, right = 0, bottom = 0;
    for (const RegionPoint& p : region.polygon) {
        if (p.x < 0 || p.y < 0 || p.x > region.reference_width || p.y > region.reference_height)
            throw Error("region of interest: the corner (" + std::to_string(p.x) + ", " + std::to_string(p.y) +
                        ") lies outside the " + std::to_string(region.reference_width) + " x " +
                        std::to_string(region.reference_height) + " image");
        left = std::min(left, p.x);
        top = std::min(top, p.y);
        right = std::max(right, p.x);
        bottom = std::max(bottom, p.y);
    }
    if (right - left < kMinRegionSide || bottom - top < kMinRegionSide)
        throw Error("region of interest: " + std::to_string(right - left) + " x " + std::to_string(bottom - top) +
                    " px is too small; it must span at least " + std::to_string(kMinRegionSide) + " px each way");
}

}  // namespace kensa::model
