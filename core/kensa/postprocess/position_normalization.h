#pragma once
// Scoring each grid position in units of its own spread on the normal training images, for methods whose
// raw scores differ by position (ADTR rebuilds border positions worse on every image: without this they
// gave the highest scores of normal images). Stored in a model as "score.position_mean" / "_std".

#include <opencv2/core.hpp>

#include <vector>

namespace kensa::postprocess {

struct PositionStatistics {
    cv::Mat mean;    // CV_32FC1, the grid's size
    cv::Mat stddev;  // CV_32FC1, the grid's size, floored (never 0)

    bool empty() const { return mean.empty(); }
};

// Mean and (unbiased) standard deviation per position over grids of one size (at least 2; CV_32FC1),
// accumulated in double. The floor, 1e-3 + 1% of the mean grid value, keeps a position the model
// rebuilds perfectly on every image from turning noise into alarms. Throws kensa::Error on bad input.
PositionStatistics fit_position_statistics(const std::vector<cv::Mat>& grids);

// (grid - mean) / stddev per position, in float; the grid unchanged when stats are empty. Throws
// kensa::Error when the sizes differ.
cv::Mat normalize_positions(const cv::Mat& grid, const PositionStatistics& stats);

}  // namespace kensa::postprocess
