#include <kensa/data/synthetic/perlin_noise.h>

#include <kensa/data/random.h>

#include <cmath>
#include <numbers>

namespace kensa::data::synthetic {

namespace {
double fade(double t) {
    return t * t * t * (t * (t * 6 - 15) + 10);
}
}  // namespace

cv::Point2d PerlinNoise::gradient(int64_t i, int64_t j) const {
    const uint64_t h = mix_seed(mix_seed(m_seed, static_cast<uint64_t>(i)), static_cast<uint64_t>(j));
    const double angle = static_cast<double>(h >> 11) * 0x1.0p-53 * 2 * std::numbers::pi;
    return {std::cos(angle), std::sin(angle)};
}

double PerlinNoise::operator()(double x, double y) const {
    const double fx = std::floor(x), fy = std::floor(y);
    const auto i = static_cast<int64_t>(fx), j = static_cast<int64_t>(fy);
    const double dx = x - fx, dy = y - fy;
    const auto dot = [&](int di, int dj) { return gradient(i + di, j + dj).dot({dx - di, dy - dj}); };
    const double u = fade(dx), v = fade(dy);
    const double bottom = dot(0, 0) + u * (dot(1, 0) - dot(0, 0));
    const double top = dot(0, 1) + u * (dot(1, 1) - dot(0, 1));
    return std::numbers::sqrt2 * (bottom + v * (top - bottom));
}

cv::Mat1f perlin_image(cv::Size size, cv::Point2d cells, double angle, uint64_t seed) {
    const PerlinNoise noise(seed);
    const double c = std::cos(angle), s = std::sin(angle);
    const double kx = cells.x / size.width, ky = cells.y / size.height;
    const double cx = (size.width - 1) / 2.0, cy = (size.height - 1) / 2.0;
    cv::Mat1f out(size);
    for (int y = 0; y < size.height; ++y) {
        for (int x = 0; x < size.width; ++x) {
            const double rx = c * (x - cx) + s * (y - cy), ry = -s * (x - cx) + c * (y - cy);
            out(y, x) = float(noise(rx * kx, ry * ky));
        }
    }
    return out;
}

}  // namespace kensa::data::synthetic
