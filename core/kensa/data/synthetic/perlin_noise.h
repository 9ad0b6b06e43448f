#pragma once
// Seeded 2-D Perlin (gradient) noise, as DRAEM uses for the shape of its synthetic defects.

#include <opencv2/core.hpp>

#include <cstdint>

namespace kensa::data::synthetic {

// Classic gradient noise on an unbounded integer lattice: each lattice point gets a random unit gradient
// (a hash of the seed and the point, so no table and no wrap-around), and the four surrounding
// contributions are blended with the quintic fade 6t^5 - 15t^4 + 10t^3. The sum is scaled by sqrt(2)
// (as DRAEM does), so the noise lies in [-1, 1]; it is 0 at every lattice point and has continuous first
// and second derivatives.
class PerlinNoise {
public:
    explicit PerlinNoise(uint64_t seed) : m_seed(seed) {}

    double operator()(double x, double y) const;  // x, y in lattice cells

    cv::Point2d gradient(int64_t i, int64_t j) const;  // the unit gradient at lattice point (i, j)

    // The noise at offset (dx, dy) in [0, 1)^2 within a cell, from the gradients at its four corners.
    static double blend(double dx, double dy, cv::Point2d g00, cv::Point2d g10, cv::Point2d g01,
                        cv::Point2d g11);

private:
    uint64_t m_seed;
};

// A noise image: `cells` lattice cells across the image's width and height (DRAEM draws 2^0..2^5),
// the lattice rotated by `angle` radians about the image centre.
cv::Mat1f perlin_image(cv::Size size, cv::Point2d cells, double angle, uint64_t seed);

}  // namespace kensa::data::synthetic
