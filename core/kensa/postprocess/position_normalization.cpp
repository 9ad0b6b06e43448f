#include <kensa/postprocess/position_normalization.h>

#include <kensa/base/error.h>

#include <algorithm>
#include <cmath>

namespace kensa::postprocess {

PositionStatistics fit_position_statistics(const std::vector<cv::Mat>& grids) {
    if (grids.size() < 2)
        throw Error("position statistics need at least 2 grids");
    const cv::Size size = grids.front().size();
    for (const auto& g : grids)
        if (g.type() != CV_32FC1 || g.size() != size)
            throw Error("position statistics: grids must be CV_32FC1 of one size");
    const auto cells = static_cast<size_t>(size.area());
    std::vector<double> sum(cells, 0.0), squares(cells, 0.0);
    for (const auto& g : grids) {
        const cv::Mat c = g.isContinuous() ? g : g.clone();
        const auto* v = c.ptr<float>();
        for (size_t k = 0; k < cells; ++k)
            sum[k] += v[k];
    }
    const auto n = static_cast<double>(grids.size());
    std::vector<double> mean(cells);
    double mean_of_means = 0.0;
    for (size_t k = 0; k < cells; ++k) {
        mean[k] = sum[k] / n;
        mean_of_means += mean[k];
    }
    mean_of_means /= static_cast<double>(cells);
    for (const auto& g : grids) {
        const cv::Mat c = g.isContinuous() ? g : g.clone();
        const auto* v = c.ptr<float>();
        for (size_t k = 0; k < cells; ++k)
            squares[k] += (v[k] - mean[k]) * (v[k] - mean[k]);
    }
    const double floor = 1e-3 + 0.01 * mean_of_means;
    PositionStatistics stats{cv::Mat(size, CV_32FC1), cv::Mat(size, CV_32FC1)};
    auto* m = stats.mean.ptr<float>();
    auto* s = stats.stddev.ptr<float>();
    for (size_t k = 0; k < cells; ++k) {
        m[k] = static_cast<float>(mean[k]);
        s[k] = static_cast<float>(std::max(std::sqrt(squares[k] / (n - 1.0)), floor));
    }
    return stats;
}

cv::Mat normalize_positions(const cv::Mat& grid, const PositionStatistics& stats) {
    if (stats.empty())
        return grid;
    if (grid.type() != CV_32FC1 || grid.size() != stats.mean.size())
        throw Error("position normalisation: the grid is " + std::to_string(grid.cols) + "x" +
                    std::to_string(grid.rows) + ", the statistics " + std::to_string(stats.mean.cols) + "x" +
                    std::to_string(stats.mean.rows));
    cv::Mat out(grid.size(), CV_32FC1);
    for (int y = 0; y < grid.rows; ++y) {
        const auto* g = grid.ptr<float>(y);
        const auto* m = stats.mean.ptr<float>(y);
        const auto* s = stats.stddev.ptr<float>(y);
        auto* o = out.ptr<float>(y);
        for (int x = 0; x < grid.cols; ++x)
            o[x] = (g[x] - m[x]) / s[x];
    }
    return out;
}

}  // namespace kensa::postprocess
