#include <kensa/data/synthetic/canvas.h>

#include <kensa/base/error.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

namespace kensa::data::synthetic {

namespace {
constexpr int k_supersample = 4;
constexpr int k_shift = 4;  // fractional bits of OpenCV's fixed-point drawing coordinates
}  // namespace

void check_input_image(const cv::Mat& image, std::string_view generator) {
    if (image.type() != CV_32FC3) {
        throw Error(std::string(generator) +
                    ": the image must be RGB float (CV_32FC3, as read_image returns it); got OpenCV type " +
                    std::to_string(image.type()));
    }
    if (std::min(image.cols, image.rows) < 16) {
        throw Error(std::string(generator) + ": the image is too small for a synthetic defect (" +
                    std::to_string(image.cols) + "x" + std::to_string(image.rows) +
                    "; at least 16 px a side)");
    }
}

double unit_scale(cv::Size size) {
    return std::min(size.width, size.height) / k_reference_side;
}

Rasteriser::Rasteriser(cv::Size size)
    : m_size(size), m_canvas(size.height * k_supersample, size.width * k_supersample, uchar(0)) {}

cv::Point Rasteriser::fine(cv::Point2d p) const {
    // Image pixel centres are at integer positions; on the fine canvas pixel (x, y) spans
    // [x - 0.5, x + 0.5) * k_supersample.
    const double f = k_supersample * (1 << k_shift);
    return {int(std::lround((p.x + 0.5) * f - (1 << (k_shift - 1)))),
            int(std::lround((p.y + 0.5) * f - (1 << (k_shift - 1))))};
}

void Rasteriser::touch(cv::Point2d p, double reach) {
    const cv::Rect r(int(std::floor(p.x - reach)) - 1, int(std::floor(p.y - reach)) - 1,
                     int(std::ceil(2 * reach)) + 3, int(std::ceil(2 * reach)) + 3);
    m_dirty = m_dirty.empty() ? r : (m_dirty | r);
}

void Rasteriser::fill_polygon(const std::vector<cv::Point2d>& points) {
    std::vector<cv::Point> fine_points;
    for (const auto& p : points) {
        fine_points.push_back(fine(p));
        touch(p, 0);
    }
    cv::fillPoly(m_canvas, std::vector<std::vector<cv::Point>>{fine_points}, 255, cv::LINE_8, k_shift);
}

void Rasteriser::stroke(cv::Point2d from, cv::Point2d to, double width) {
    const int thickness = std::max(1, int(std::lround(width * k_supersample)));
    cv::line(m_canvas, fine(from), fine(to), 255, thickness, cv::LINE_8, k_shift);
    touch(from, width / 2 + 1);
    touch(to, width / 2 + 1);
}

cv::Mat1f Rasteriser::coverage() const {
    cv::Mat1f out(m_size, 0.0f);
    const cv::Rect roi = m_dirty & cv::Rect({0, 0}, m_size);
    if (roi.empty())
        return out;
    const cv::Rect fine_roi(roi.tl() * k_supersample, roi.size() * k_supersample);
    cv::Mat1f fine_values;
    m_canvas(fine_roi).convertTo(fine_values, CV_32F, 1.0 / 255);
    cv::resize(fine_values, out(roi), roi.size(), 0, 0, cv::INTER_AREA);
    return out;
}

std::vector<cv::Point2d> rotated_rect(cv::Point2d centre, double w, double h, double angle) {
    const cv::Point2d u(std::cos(angle), std::sin(angle)), v(-u.y, u.x);
    return {centre - u * (w / 2) - v * (h / 2), centre + u * (w / 2) - v * (h / 2),
            centre + u * (w / 2) + v * (h / 2), centre - u * (w / 2) + v * (h / 2)};
}

void blend(cv::Mat3f& target, const cv::Mat3f& look, const cv::Mat1f& alpha) {
    for (int i = 0; i < int(target.total()); ++i) {
        const float a = alpha(i);
        if (a > 0)
            target(i) = target(i) * (1 - a) + look(i) * a;
    }
}

cv::Mat1f smooth_noise(Random& rng, cv::Size size, int cells) {
    cv::Mat1f grid(cells + 1, cells + 1);
    for (auto& v : grid)
        v = float(rng.uniform());
    cv::Mat1f out;
    cv::resize(grid, out, size, 0, 0, cv::INTER_CUBIC);
    return cv::min(cv::max(out, 0.0f), 1.0f);
}

SyntheticDefect finish(const cv::Mat& original, cv::Mat3f altered, const cv::Mat1f& coverage,
                       std::string_view generator) {
    cv::Mat1b mask = coverage >= 0.5f;
    double most = 0;
    cv::Point at;
    cv::minMaxLoc(coverage, nullptr, &most, nullptr, &at);
    if (most > 0 && cv::countNonZero(mask) == 0)
        mask(at) = 255;  // a shape thinner than half a pixel everywhere still marks its strongest pixel
    cv::Mat1b near;
    cv::dilate(mask, near, cv::Mat());  // 3x3: the mask and its 1-px rim
    original.copyTo(altered, near == 0);
    altered = cv::min(cv::max(altered, 0.0f), 1.0f);
    return {altered, mask, std::string(generator)};
}

double log_uniform(Random& rng, double lo, double hi) {
    return std::exp(rng.uniform(std::log(lo), std::log(hi)));
}

double radians(double degrees) {
    return degrees * std::numbers::pi / 180;
}

}  // namespace kensa::data::synthetic
