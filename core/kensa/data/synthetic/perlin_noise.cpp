#include <kensa/data/synthetic/perlin_noise.h>

#include <kensa/data/random.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

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

double PerlinNoise::blend(double dx, double dy, cv::Point2d g00, cv::Point2d g10, cv::Point2d g01,
                          cv::Point2d g11) {
    const double d00 = g00.dot({dx, dy}), d10 = g10.dot({dx - 1, dy});
    const double d01 = g01.dot({dx, dy - 1}), d11 = g11.dot({dx - 1, dy - 1});
    const double u = fade(dx), v = fade(dy);
    const double bottom = d00 + u * (d10 - d00), top = d01 + u * (d11 - d01);
    return std::numbers::sqrt2 * (bottom + v * (top - bottom));
}

double PerlinNoise::operator()(double x, double y) const {
    const double fx = std::floor(x), fy = std::floor(y);
    const auto i = static_cast<int64_t>(fx), j = static_cast<int64_t>(fy);
    return blend(x - fx, y - fy, gradient(i, j), gradient(i + 1, j), gradient(i, j + 1),
                 gradient(i + 1, j + 1));
}

cv::Mat1f perlin_image(cv::Size size, cv::Point2d cells, double angle, uint64_t seed) {
    const PerlinNoise noise(seed);
    const double c = std::cos(angle), s = std::sin(angle);
    const double kx = cells.x / size.width, ky = cells.y / size.height;
    const double cx = (size.width - 1) / 2.0, cy = (size.height - 1) / 2.0;
    // Lattice position of pixel (x, y): the pixel rotated about the centre, then scaled.
    const auto lattice = [&](double x, double y) {
        return cv::Point2d((c * (x - cx) + s * (y - cy)) * kx, (-s * (x - cx) + c * (y - cy)) * ky);
    };
    // The gradients of every lattice point the image touches, computed once rather than per pixel.
    double x0 = HUGE_VAL, y0 = HUGE_VAL, x1 = -HUGE_VAL, y1 = -HUGE_VAL;
    for (const cv::Point2d corner :
         {cv::Point2d(0, 0), cv::Point2d(size.width - 1, 0), cv::Point2d(0, size.height - 1),
          cv::Point2d(size.width - 1, size.height - 1)}) {
        const cv::Point2d p = lattice(corner.x, corner.y);
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
    const auto i0 = static_cast<int64_t>(std::floor(x0)), j0 = static_cast<int64_t>(std::floor(y0));
    const int ni = int(std::floor(x1) - double(i0)) + 2, nj = int(std::floor(y1) - double(j0)) + 2;
    std::vector<cv::Point2d> gradients(size_t(ni) * size_t(nj));
    for (int j = 0; j < nj; ++j) {
        for (int i = 0; i < ni; ++i)
            gradients[size_t(j) * ni + i] = noise.gradient(i0 + i, j0 + j);
    }

    cv::Mat1f out(size);
    for (int y = 0; y < size.height; ++y) {
        for (int x = 0; x < size.width; ++x) {
            const cv::Point2d p = lattice(x, y);
            const double fx = std::floor(p.x), fy = std::floor(p.y);
            const int i = std::clamp(int(fx - double(i0)), 0, ni - 2),
                      j = std::clamp(int(fy - double(j0)), 0, nj - 2);
            const auto g = [&](int di, int dj) { return gradients[size_t(j + dj) * ni + (i + di)]; };
            out(y, x) = float(PerlinNoise::blend(p.x - fx, p.y - fy, g(0, 0), g(1, 0), g(0, 1), g(1, 1)));
        }
    }
    return out;
}

}  // namespace kensa::data::synthetic
