#include <kensa/data/synthetic/scratch.h>

#include <kensa/data/random.h>
#include <kensa/data/synthetic/canvas.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace kensa::data::synthetic {

namespace {
constexpr const char* k_id = "scratch";

struct Stroke {
    cv::Point2d centre;
    double angle = 0;  // radians
    double length = 0;
    double width = 0;  // image px
};

// The stroke's shape: a cubic Bezier bowing off the straight line by up to curvature x length, drawn as
// short round-capped segments whose width tapers towards both ends.
Rasteriser stroke_shape(Random& rng, cv::Size size, const Stroke& s, double curvature) {
    const cv::Point2d dir(std::cos(s.angle), std::sin(s.angle)), normal(-dir.y, dir.x);
    const cv::Point2d p0 = s.centre - dir * (s.length / 2), p3 = s.centre + dir * (s.length / 2);
    const cv::Point2d p1 = p0 + dir * (s.length / 3) + normal * (s.length * curvature * rng.uniform(-1, 1));
    const cv::Point2d p2 =
        p0 + dir * (2 * s.length / 3) + normal * (s.length * curvature * rng.uniform(-1, 1));
    const int n = std::max(16, int(s.length / 2));
    Rasteriser raster(size);
    cv::Point2d previous = p0;
    for (int i = 1; i <= n; ++i) {
        const double t = double(i) / n, u = 1 - t;
        const cv::Point2d p =
            p0 * (u * u * u) + p1 * (3 * u * u * t) + p2 * (3 * u * t * t) + p3 * (t * t * t);
        const double mid = (i - 0.5) / n;
        const double taper = 0.3 + 0.7 * std::sqrt(std::clamp(std::min(mid, 1 - mid) / 0.2, 0.0, 1.0));
        raster.stroke(previous, p, std::max(1.0, s.width * taper));
        previous = p;
    }
    return raster;
}

}  // namespace

std::span<const ParamField<ScratchParams>> ScratchParams::fields() {
    using P = ScratchParams;
    static const std::array<ParamField<P>, 11> k_fields = {{
        {"min_count", &P::min_count, 1, 20, "fewest scratches"},
        {"max_count", &P::max_count, 1, 20, "most scratches"},
        {"min_length", &P::min_length, 4, 512, "shortest scratch, px on a 256-px image"},
        {"max_length", &P::max_length, 4, 512, "longest scratch, px on a 256-px image"},
        {"min_width", &P::min_width, 0.5, 20, "thinnest scratch, px on a 256-px image"},
        {"max_width", &P::max_width, 0.5, 20, "widest scratch, px on a 256-px image"},
        {"curvature", &P::curvature, 0, 1, "how far a scratch may bow off a straight line, share of length"},
        {"dark_share", &P::dark_share, 0, 1, "share of scratches darker than the surface (rest: lighter)"},
        {"min_strength", &P::min_strength, 0.05, 1, "least change towards black or white"},
        {"max_strength", &P::max_strength, 0.05, 1, "greatest change towards black or white"},
        {"parallel_share", &P::parallel_share, 0, 1, "share of extra scratches running alongside the first"},
    }};
    return k_fields;
}

void ScratchParams::validate() const {
    check_param_ranges(k_id, *this);
    check_param_order(k_id, "min_count", min_count, "max_count", max_count);
    check_param_order(k_id, "min_length", min_length, "max_length", max_length);
    check_param_order(k_id, "min_width", min_width, "max_width", max_width);
    check_param_order(k_id, "min_strength", min_strength, "max_strength", max_strength);
}

SyntheticDefect scratch(const cv::Mat& image, uint64_t seed, const ScratchParams& params) {
    params.validate();
    check_input_image(image, k_id);
    const cv::Mat3f original = image;
    const cv::Size size = image.size();
    const double scale = unit_scale(size);
    Random rng(seed);

    cv::Mat3f altered = original.clone();
    cv::Mat1f all_coverage(size, 0.0f);
    const int count = rng.integer(params.min_count, params.max_count);
    Stroke first;
    for (int i = 0; i < count; ++i) {
        Stroke s;
        s.length = scale * log_uniform(rng, params.min_length, params.max_length);
        s.width = scale * rng.uniform(params.min_width, params.max_width);
        if (i > 0 && rng.chance(params.parallel_share)) {
            // Alongside the first: a few widths to one side, nearly the same direction.
            const cv::Point2d side(-std::sin(first.angle), std::cos(first.angle));
            s.angle = first.angle + radians(rng.uniform(-6, 6));
            s.centre =
                first.centre + side * (rng.sign() * rng.uniform(3, 10) * scale) +
                cv::Point2d(std::cos(s.angle), std::sin(s.angle)) * (rng.uniform(-0.3, 0.3) * first.length);
        } else {
            s.angle = rng.uniform(0, 2 * std::numbers::pi);
            // Mostly inside the image: the middle half of the stroke is.
            const double margin = std::min({s.length / 4, size.width / 2.0 - 1, size.height / 2.0 - 1});
            s.centre = {rng.uniform(margin, size.width - margin), rng.uniform(margin, size.height - margin)};
        }
        if (i == 0)
            first = s;
        const Rasteriser shape = stroke_shape(rng, size, s, params.curvature);
        const cv::Rect roi = shape.region();
        if (roi.empty())
            continue;
        const cv::Mat1f coverage = shape.coverage(roi);

        const bool dark = rng.chance(params.dark_share);
        const auto strength = float(rng.uniform(params.min_strength, params.max_strength));
        cv::Mat3f look(roi.size());
        for (int y = 0; y < roi.height; ++y) {
            for (int x = 0; x < roi.width; ++x) {
                const cv::Vec3f v = original(y + roi.y, x + roi.x);
                // Dark: a groove in shadow. Light: scraped-off, paler material of the same hue.
                look(y, x) = dark ? v * (1 - 0.85f * strength)
                                  : v + (cv::Vec3f(1, 0.98f, 0.95f) - v) * (0.85f * strength);
            }
        }
        // Scratches bite deeper in places: about 10 changes over a 256-px run.
        const int cells = std::max(2, int(std::max(roi.width, roi.height) / (24 * scale)));
        const cv::Mat1f depth = smooth_noise(rng, roi.size(), cells);
        blend(altered(roi), look, coverage.mul(0.55f + 0.45f * depth));
        cv::Mat all = all_coverage(roi);
        cv::max(all, cv::Mat(coverage), all);
    }
    return finish(original, altered, all_coverage, k_id);
}

}  // namespace kensa::data::synthetic
