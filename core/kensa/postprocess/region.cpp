#include <kensa/postprocess/region.h>

#include <kensa/base/error.h>
#include <kensa/postprocess/tiling.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace kensa::postprocess {

namespace {

std::string size_text(cv::Size s) {
    return std::to_string(s.width) + " x " + std::to_string(s.height);
}

}  // namespace

std::vector<cv::Point> region_corners(const model::RegionOfInterest& region, cv::Size image) {
    const double sx = region.reference_width > 0 ? static_cast<double>(image.width) / region.reference_width : 1.0;
    const double sy = region.reference_height > 0 ? static_cast<double>(image.height) / region.reference_height : 1.0;
    std::vector<cv::Point> corners;
    corners.reserve(region.polygon.size());
    for (const auto& p : region.polygon)
        corners.emplace_back(static_cast<int>(std::lround(p.x * sx)), static_cast<int>(std::lround(p.y * sy)));
    return corners;
}

cv::Rect region_bounds(const model::RegionOfInterest& region, cv::Size image) {
    if (!region.enabled())
        return {0, 0, image.width, image.height};
    const auto corners = region_corners(region, image);
    int left = image.width, top = image.height, right = 0, bottom = 0;
    for (const cv::Point& p : corners) {
        left = std::min(left, p.x);
        top = std::min(top, p.y);
        right = std::max(right, p.x);
        bottom = std::max(bottom, p.y);
    }
    const cv::Rect bounds = cv::Rect(left, top, right - left, bottom - top) & cv::Rect(0, 0, image.width, image.height);
    if (bounds.width < model::kMinRegionSide || bounds.height < model::kMinRegionSide)
        throw Error("region of interest: only " + size_text(bounds.size()) + " px of it lie in this " +
                    size_text(image) + " image (drawn on " + std::to_string(region.reference_width) + " x " +
                    std::to_string(region.reference_height) + "); at least " + std::to_string(model::kMinRegionSide) +
                    " px each way are needed");
    return bounds;
}

cv::Mat region_mask(const model::RegionOfInterest& region, cv::Size image) {
    cv::Mat mask(image, CV_8UC1, cv::Scalar(0));
    const cv::Rect bounds = region_bounds(region, image);
    if (!region.enabled() || region.is_rectangle()) {
        mask(bounds).setTo(255);
        return mask;
    }
    // Corners lie on pixel edges, OpenCV's vertices on pixel centres: edge e is centre e - 0.5, which one
    // fractional bit (shift 1) holds exactly as 2e - 1. So the mask is the pixels whose centres the drawn
    // outline encloses, as the app draws it.
    std::vector<cv::Point> half_pixels;
    for (const cv::Point& p : region_corners(region, image))
        half_pixels.emplace_back(2 * p.x - 1, 2 * p.y - 1);
    cv::Mat filled(image, CV_8UC1, cv::Scalar(0));
    cv::fillPoly(filled, std::vector<std::vector<cv::Point>>{half_pixels}, cv::Scalar(255), cv::LINE_8, 1);
    filled(bounds).copyTo(mask(bounds));
    return mask;
}

AnomalyResult place_region_result(const AnomalyResult& crop, const model::RegionOfInterest& region, cv::Size image,
                                  const AnomalyMapOptions& options, int source_side) {
    const cv::Rect bounds = region_bounds(region, image);
    if (crop.map.size() != bounds.size())
        throw Error("region of interest: the crop's map is " + size_text(crop.map.size()) + ", its region " +
                    size_text(bounds.size()));
    AnomalyResult whole;
    whole.score = crop.score;
    cv::Mat inside;  // the polygon within the crop; empty for a rectangle
    if (region.enabled() && !region.is_rectangle())
        inside = region_mask(region, image)(bounds);
    double lowest = 0;
    cv::minMaxLoc(crop.map, &lowest, nullptr, nullptr, nullptr, inside.empty() ? cv::noArray() : inside);
    whole.map = cv::Mat(image, CV_32FC1, cv::Scalar(lowest));
    crop.map.copyTo(whole.map(bounds), inside.empty() ? cv::noArray() : inside);
    if (inside.empty())
        return whole;
    const cv::Mat masked = whole.map(bounds);
    if (options.score_pool <= 0) {
        whole.score = static_cast<float>(cv::mean(masked, inside)[0]);
        return whole;
    }
    const int k = std::min({at_source_scale(options, source_side).score_pool, masked.rows, masked.cols});
    cv::Mat pooled;
    cv::boxFilter(masked, pooled, CV_32F, cv::Size(k, k), cv::Point(-1, -1), true, cv::BORDER_REPLICATE);
    double highest = 0;
    cv::minMaxLoc(pooled, nullptr, &highest, nullptr, nullptr, inside);
    whole.score = static_cast<float>(highest);
    return whole;
}

cv::Mat values_inside(const cv::Mat& map, const model::RegionOfInterest& region) {
    if (!region.enabled())
        return map.clone().reshape(1, 1);
    const cv::Mat mask = region_mask(region, map.size());
    cv::Mat values(1, cv::countNonZero(mask), CV_32FC1);
    int n = 0;
    for (int y = 0; y < map.rows; ++y) {
        const float* m = map.ptr<float>(y);
        const uchar* in = mask.ptr<uchar>(y);
        for (int x = 0; x < map.cols; ++x)
            if (in[x])
                values.at<float>(0, n++) = m[x];
    }
    return values;
}

}  // namespace kensa::postprocess
