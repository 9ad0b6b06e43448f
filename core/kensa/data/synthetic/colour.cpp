#include <kensa/data/synthetic/colour.h>

#include <kensa/data/synthetic/canvas.h>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace kensa::data::synthetic {

float luminance(const cv::Vec3f& rgb) {
    return 0.299f * rgb[0] + 0.587f * rgb[1] + 0.114f * rgb[2];
}

cv::Vec3f random_colour(Random& rng) {
    cv::Mat3f hsv(1, 1, cv::Vec3f(float(rng.uniform(0, 360)), float(rng.uniform()), float(rng.uniform())));
    cv::Mat3f rgb;
    cv::cvtColor(hsv, rgb, cv::COLOR_HSV2RGB);
    return rgb(0);
}

ColourJitter ColourJitter::random(Random& rng, double strength) {
    ColourJitter j;
    j.brightness = float(rng.uniform(1 - strength, 1 + strength));
    j.contrast = float(rng.uniform(1 - strength, 1 + strength));
    j.saturation = float(rng.uniform(1 - strength, 1 + strength));
    j.hue_degrees = float(rng.uniform(-180 * strength, 180 * strength));
    return j;
}

void ColourJitter::apply(cv::Mat3f& rgb, float mean_grey) const {
    // A hue shift is a rotation about the grey axis (1, 1, 1) / sqrt(3) (Rodrigues' formula).
    const double a = radians(hue_degrees), c = std::cos(a), s = std::sin(a) / std::sqrt(3.0);
    const float d = float((1 - c) / 3);
    const cv::Matx33f rotate(float(c) + d, d - float(s), d + float(s),  //
                             d + float(s), float(c) + d, d - float(s),  //
                             d - float(s), d + float(s), float(c) + d);
    for (auto& p : rgb) {
        cv::Vec3f v = p * brightness;
        v = cv::Vec3f::all(mean_grey * brightness) + (v - cv::Vec3f::all(mean_grey * brightness)) * contrast;
        const float grey = luminance(v);
        v = cv::Vec3f::all(grey) + (v - cv::Vec3f::all(grey)) * saturation;
        p = rotate * v;
    }
}

}  // namespace kensa::data::synthetic
