#pragma once
// The verdict rule, once for the whole of Kensa: an image scoring at or above the image threshold is NG,
// and a map value at or above the pixel threshold belongs to a defect. An unset (NaN) threshold flags
// nothing; a NaN score (an image that could not be inspected) is never NG.

#include <opencv2/core.hpp>

namespace kensa::postprocess {

inline bool is_anomalous(float score, float threshold) {
    return score >= threshold;
}

// The pixels of a map (CV_32FC1) at or above the pixel threshold, as a CV_8UC1 0/255 mask.
inline cv::Mat anomalous_pixels(const cv::Mat& map, float threshold) {
    return map >= threshold;
}

}  // namespace kensa::postprocess
