#pragma once
// Drawing helpers the generators share: input checks, anti-aliased coverage of shapes, blending, and the
// final step that enforces the contract of SyntheticDefect (see defect.h).

#include <kensa/data/random.h>
#include <kensa/data/synthetic/defect.h>

#include <opencv2/core.hpp>

#include <string_view>
#include <vector>

namespace kensa::data::synthetic {

// Throws kensa::Error unless image is CV_32FC3 and at least 16 px a side.
void check_input_image(const cv::Mat& image, std::string_view generator);

// Image pixels per parameter pixel (see k_reference_side).
double unit_scale(cv::Size size);

// Coverage in [0, 1] of filled polygons and round-capped strokes, anti-aliased by drawing on a canvas
// 4x finer and averaging. Shapes are collected and drawn only over the region they touch, so small shapes
// on large images stay cheap.
class Rasteriser {
public:
    explicit Rasteriser(cv::Size size) : m_size(size) {}

    void fill_polygon(std::vector<cv::Point2d> points);
    void stroke(cv::Point2d from, cv::Point2d to, double width);  // width in image pixels

    // The image pixels the shapes may cover (clipped to the image; empty when nothing shows).
    cv::Rect region() const { return m_region & cv::Rect({0, 0}, m_size); }

    // Coverage of the pixels in `roi` (image coordinates), roi.size() large.
    cv::Mat1f coverage(cv::Rect roi) const;
    cv::Mat1f coverage() const { return coverage(region()); }

private:
    struct Stroke {
        cv::Point2d from, to;
        double width;
    };
    void touch(cv::Point2d p, double reach);

    cv::Size m_size;
    std::vector<std::vector<cv::Point2d>> m_polygons;
    std::vector<Stroke> m_strokes;
    cv::Rect m_region;
};

// `r` grown by `margin` pixels on every side, clipped to an image of `size`.
cv::Rect grown(cv::Rect r, int margin, cv::Size size);

// The corners of a w x h rectangle centred at `centre`, rotated by `angle` (radians).
std::vector<cv::Point2d> rotated_rect(cv::Point2d centre, double w, double h, double angle);

// target = target * (1 - alpha) + look * alpha where alpha > 0; all three the same size (target may be a
// view of a region of a larger image).
void blend(cv::Mat3f target, const cv::Mat3f& look, const cv::Mat1f& alpha);

// Smooth random values in [0, 1]: a (cells+1)^2 random grid, cubic-interpolated to `size`.
cv::Mat1f smooth_noise(Random& rng, cv::Size size, int cells);

// The finished defect: mask = coverage >= 0.5 (or, should no pixel reach 0.5, the most covered one); pixels
// farther than 1 px from the mask are restored from `original` (so no generator can leak changes), values are
// clamped to [0, 1]. `altered` must equal `original` wherever coverage is 0 (blend with alpha <= coverage):
// only the box around covered pixels is checked.
SyntheticDefect finish(const cv::Mat& original, cv::Mat3f altered, const cv::Mat1f& coverage,
                       std::string_view generator);

double log_uniform(Random& rng, double lo, double hi);
double radians(double degrees);

}  // namespace kensa::data::synthetic
