#pragma once
// A region of interest (model/region_of_interest.h) on actual images: where it lies in an image of a given
// size (scaled from the image it was drawn on), its mask, and a crop's inspection result placed back into the
// whole image. Outside the region the map holds the lowest value found inside it, so nothing there is ever
// outlined or scores, and the heatmap shows it at the cool end. OpenCV only.

#include <kensa/model/region_of_interest.h>
#include <kensa/postprocess/anomaly_map.h>

#include <opencv2/core.hpp>

namespace kensa::postprocess {

// The region's corners scaled from its reference size to `image`.
std::vector<cv::Point> region_corners(const model::RegionOfInterest& region, cv::Size image);

// The region's bounding rectangle in an image of `image` size, clipped to it. Throws kensa::Error naming the
// sizes when less than model::kMinRegionSide pixels of it remain either way.
cv::Rect region_bounds(const model::RegionOfInterest& region, cv::Size image);

// CV_8UC1 of `image` size: 255 inside the region (the polygon filled, within its bounds), 0 outside.
cv::Mat region_mask(const model::RegionOfInterest& region, cv::Size image);

// The inspection result of the region's crop (region_bounds of `image`) as the result of the whole image:
// the crop's map in place, the lowest value inside the region everywhere else. A rectangle keeps the crop's
// score; for a polygon the score is recomputed inside it — the highest pooled value whose window is centred
// inside the polygon, the window scaled to source pixels by at_source_scale(options, source_side) (or
// the mean inside it when options.score_pool is 0).
AnomalyResult place_region_result(const AnomalyResult& crop, const model::RegionOfInterest& region, cv::Size image,
                                  const AnomalyMapOptions& options, int source_side);

// The values of a whole-image map inside the region, as one row (thresholds are quantiles of these).
cv::Mat values_inside(const cv::Mat& map, const model::RegionOfInterest& region);

}  // namespace kensa::postprocess
