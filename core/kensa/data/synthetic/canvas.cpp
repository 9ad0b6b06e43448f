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
    if (image.empty())
        throw Error(std::string(generator) + ": the image is empty");
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

void Rasteriser::touch(cv::Point2d p, double reach) {
    const cv::Rect r(int(std::floor(p.x - reach)) - 1, int(std::floor(p.y - reach)) - 1,
                     int(std::ceil(2 * reach)) + 3, int(std::ceil(2 * reach)) + 3);
    m_region = m_region.empty() ? r : (m_region | r);
}

void Rasteriser::fill_polygon(std::vector<cv::Point2d> points) {
    for (const auto& p : points)
        touch(p, 0);
    m_polygons.push_back(std::move(points));
}

void Rasteriser::stroke(cv::Point2d from, cv::Point2d to, double width) {
    touch(from, width / 2);
    touch(to, width / 2);
    m_strokes.push_back({from, to, width});
}

cv::Mat1f Rasteriser::coverage(cv::Rect roi) const {
    cv::Mat1f out(roi.size(), 0.0f);
    if (roi.empty() || (roi & m_region).empty())
        return out;
    // Image pixel centres are at integer positions; fine pixel k spans [k - 0.5, k + 0.5) in fine units,
    // so image position p lands at (p - roi.tl() + 0.5) * k_supersample - 0.5 on the fine canvas.
    const auto fine = [&](cv::Point2d p) {
        const double f = k_supersample * (1 << k_shift), half = 1 << (k_shift - 1);
        return cv::Point(int(std::lround((p.x - roi.x + 0.5) * f - half)),
                         int(std::lround((p.y - roi.y + 0.5) * f - half)));
    };
    cv::Mat1b canvas(roi.size() * k_supersample, uchar(0));
    for (const auto& polygon : m_polygons) {
        std::vector<cv::Point> points;
        for (const auto& p : polygon)
            points.push_back(fine(p));
        cv::fillPoly(canvas, std::vector<std::vector<cv::Point>>{points}, 255, cv::LINE_8, k_shift);
    }
    for (const auto& s : m_strokes) {
        const int thickness = std::max(1, int(std::lround(s.width * k_supersample)));
        cv::line(canvas, fine(s.from), fine(s.to), 255, thickness, cv::LINE_8, k_shift);
    }
    cv::Mat1f fine_values;
    canvas.convertTo(fine_values, CV_32F, 1.0 / 255);
    cv::resize(fine_values, out, roi.size(), 0, 0, cv::INTER_AREA);
    return out;
}

cv::Rect grown(cv::Rect r, int margin, cv::Size size) {
    return cv::Rect(r.x - margin, r.y - margin, r.width + 2 * margin, r.height + 2 * margin) &
           cv::Rect({0, 0}, size);
}

std::vector<cv::Point2d> rotated_rect(cv::Point2d centre, double w, double h, double angle) {
    const cv::Point2d u(std::cos(angle), std::sin(angle)), v(-u.y, u.x);
    return {centre - u * (w / 2) - v * (h / 2), centre + u * (w / 2) - v * (h / 2),
            centre + u * (w / 2) + v * (h / 2), centre - u * (w / 2) + v * (h / 2)};
}

void blend(cv::Mat3f target, const cv::Mat3f& look, const cv::Mat1f& alpha) {
    for (int y = 0; y < target.rows; ++y) {
        cv::Vec3f* t = target[y];
        const cv::Vec3f* l = look[y];
        const float* a = alpha[y];
        for (int x = 0; x < target.cols; ++x) {
            if (a[x] > 0)
                t[x] = t[x] * (1 - a[x]) + l[x] * a[x];
        }
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
    // Generators blend with alpha <= coverage, so only the box around covered pixels can have changed;
    // working in it keeps large images cheap.
    const cv::Rect box = grown(cv::boundingRect(coverage > 0), 1, coverage.size());
    if (!box.empty()) {
        cv::Mat1b near;
        cv::dilate(mask(box), near, cv::Mat(), {-1, -1}, 1, cv::BORDER_CONSTANT, 0);  // the mask + 1-px rim
        original(box).copyTo(altered(box), near == 0);
        cv::Mat changed = altered(box);
        cv::max(changed, 0.0, changed);
        cv::min(changed, 1.0, changed);
    }
    return {altered, mask, std::string(generator)};
}

double log_uniform(Random& rng, double lo, double hi) {
    return std::exp(rng.uniform(std::log(lo), std::log(hi)));
}

double radians(double degrees) {
    return degrees * std::numbers::pi / 180;
}

}  // namespace kensa::data::synthetic
