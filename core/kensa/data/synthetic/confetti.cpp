#include <kensa/data/synthetic/confetti.h>

#include <kensa/base/error.h>
#include <kensa/data/random.h>
#include <kensa/data/synthetic/canvas.h>
#include <kensa/data/synthetic/colour.h>

#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>
#include <numbers>

namespace kensa::data::synthetic {

namespace {
constexpr const char* k_id = "confetti";
constexpr double k_pi = std::numbers::pi;

// A star-shaped outline r(theta) = 1 + a few random harmonics, as a polygon.
std::vector<cv::Point2d> blob_outline(Random& rng, cv::Point2d centre, double w, double h, double angle) {
    std::array<std::array<double, 2>, 4> harmonics;  // {amplitude, phase} for k = 2..5
    for (size_t k = 0; k < harmonics.size(); ++k)
        harmonics[k] = {rng.uniform(0.0, 0.25) / (k + 1), rng.uniform(0, 2 * k_pi)};
    const cv::Point2d u(std::cos(angle), std::sin(angle)), v(-u.y, u.x);
    std::vector<cv::Point2d> points;
    const int n = 48;
    for (int i = 0; i < n; ++i) {
        const double t = 2 * k_pi * i / n;
        double r = 0.85;
        for (size_t k = 0; k < harmonics.size(); ++k)
            r += harmonics[k][0] * std::cos((k + 2) * t + harmonics[k][1]);
        points.push_back(centre + u * (r * w / 2 * std::cos(t)) + v * (r * h / 2 * std::sin(t)));
    }
    return points;
}

// Blocky colour noise: one random colour per cell of 1-4 px.
cv::Mat3f colour_noise(Random& rng, cv::Size size, double scale) {
    const double cell = std::max(1.0, rng.uniform(1, 4) * scale);
    cv::Mat3f cells(std::max(1, int(size.height / cell)), std::max(1, int(size.width / cell)));
    for (auto& c : cells)
        c = cv::Vec3f(float(rng.uniform()), float(rng.uniform()), float(rng.uniform()));
    cv::Mat3f out;
    cv::resize(cells, out, size, 0, 0, cv::INTER_NEAREST);
    return out;
}

}  // namespace

std::span<const ParamField<ConfettiParams>> ConfettiParams::fields() {
    using P = ConfettiParams;
    static const std::array<ParamField<P>, 12> k_fields = {{
        {"min_count", &P::min_count, 1, 50, "fewest pieces"},
        {"max_count", &P::max_count, 1, 50, "most pieces"},
        {"min_size", &P::min_size, 2, 256, "smallest piece side, px on a 256-px image"},
        {"max_size", &P::max_size, 2, 256, "largest piece side, px on a 256-px image"},
        {"max_aspect", &P::max_aspect, 1, 10, "most elongated piece, long side / short side (1: squares)"},
        {"max_rotation", &P::max_rotation, 0, 180, "largest rotation of a piece, degrees"},
        {"blob_share", &P::blob_share, 0, 1, "share of pieces that are irregular blobs, not rectangles"},
        {"white_share", &P::white_share, 0, 1, "share of pieces that are white"},
        {"noise_share", &P::noise_share, 0, 1, "share of pieces filled with colour noise"},
        {"edge_blur", &P::edge_blur, 0, 10, "edge softening inside a piece, px on a 256-px image"},
        {"min_opacity", &P::min_opacity, 0.05, 1, "least opacity of a piece"},
        {"max_opacity", &P::max_opacity, 0.05, 1, "greatest opacity of a piece"},
    }};
    return k_fields;
}

void ConfettiParams::validate() const {
    check_param_ranges(k_id, *this);
    check_param_order(k_id, "min_count", min_count, "max_count", max_count);
    check_param_order(k_id, "min_size", min_size, "max_size", max_size);
    check_param_order(k_id, "min_opacity", min_opacity, "max_opacity", max_opacity);
    if (white_share + noise_share > 1) {
        throw Error(std::string(k_id) + ": 'white_share' + 'noise_share' is " +
                    std::to_string(white_share + noise_share) + "; together they must not exceed 1");
    }
}

SyntheticDefect confetti(const cv::Mat& image, uint64_t seed, const ConfettiParams& params) {
    params.validate();
    check_input_image(image, k_id);
    const cv::Mat3f original = image;
    const cv::Size size = image.size();
    const double scale = unit_scale(size);
    Random rng(seed);

    cv::Mat3f altered = original.clone();
    cv::Mat1f all_coverage(size, 0.0f);
    const int count = rng.integer(params.min_count, params.max_count);
    for (int piece = 0; piece < count; ++piece) {
        const double side = scale * log_uniform(rng, params.min_size, params.max_size);
        const double aspect = log_uniform(rng, 1.0, params.max_aspect);
        const double w = std::max(2.0, side * std::sqrt(aspect)), h = std::max(2.0, side / std::sqrt(aspect));
        const double angle = radians(rng.uniform(-params.max_rotation, params.max_rotation));
        // The centre stays inside the image so at least a quarter of each piece shows.
        const cv::Point2d centre(rng.uniform(0, size.width - 1), rng.uniform(0, size.height - 1));
        Rasteriser raster(size);
        raster.fill_polygon(rng.chance(params.blob_share) ? blob_outline(rng, centre, w, h, angle)
                                                          : rotated_rect(centre, w, h, angle));
        // Work on the piece's surroundings only (with room for the blur), not the whole image.
        const double sigma = params.edge_blur * scale;
        const cv::Rect roi = grown(raster.region(), int(std::ceil(3 * sigma)) + 1, size);
        if (roi.empty())
            continue;
        const cv::Mat1f coverage = raster.coverage(roi);

        cv::Mat3f look(roi.size());
        const double fill = rng.uniform();
        if (fill < params.white_share)
            look = cv::Vec3f(1, 1, 1) * float(rng.uniform(0.9, 1.0));
        else if (fill < params.white_share + params.noise_share)
            look = colour_noise(rng, roi.size(), scale);
        else
            look = random_colour(rng);

        // Soft edges without spilling: the blurred coverage fades the piece towards its outline.
        cv::Mat1f alpha = coverage.clone();
        if (sigma > 0.05) {
            cv::Mat1f blurred;
            cv::GaussianBlur(coverage, blurred, cv::Size(), sigma, sigma, cv::BORDER_REPLICATE);
            alpha = alpha.mul(cv::min(blurred * 1.5f, 1.0f));
        }
        alpha *= rng.uniform(params.min_opacity, params.max_opacity);
        blend(altered(roi), look, alpha);
        cv::Mat all = all_coverage(roi);
        cv::max(all, cv::Mat(coverage), all);
    }
    return finish(original, altered, all_coverage, k_id);
}

}  // namespace kensa::data::synthetic
