#include <kensa/data/synthetic/perlin_texture.h>

#include <kensa/data/random.h>
#include <kensa/data/synthetic/canvas.h>
#include <kensa/data/synthetic/colour.h>
#include <kensa/data/synthetic/perlin_noise.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace kensa::data::synthetic {

namespace {
constexpr const char* k_id = "perlin_texture";

// Anti-aliased coverage of {noise >= threshold}: the signed distance to the level line, to first order
// (noise - threshold) / |gradient|, mapped to 0.5 on the line. So coverage >= 0.5 exactly where
// noise >= threshold.
cv::Mat1f level_coverage(const cv::Mat1f& noise, float threshold) {
    cv::Mat1f gx, gy;
    cv::Sobel(noise, gx, CV_32F, 1, 0, 1, 0.5, 0, cv::BORDER_REPLICATE);  // central differences
    cv::Sobel(noise, gy, CV_32F, 0, 1, 1, 0.5, 0, cv::BORDER_REPLICATE);
    cv::Mat1f out(noise.size());
    for (int i = 0; i < int(noise.total()); ++i) {
        const float g = std::max(std::hypot(gx(i), gy(i)), 1e-6f);
        out(i) = std::clamp((noise(i) - threshold) / g + 0.5f, 0.0f, 1.0f);
    }
    return out;
}

double area_share(const cv::Mat1f& noise, float threshold) {
    return double(cv::countNonZero(noise >= threshold)) / double(noise.total());
}

// The texture as seen on the image: a random crop, rotated and zoomed, recoloured.
cv::Mat3f texture_look(Random& rng, const Texture& texture, cv::Size size) {
    const double zoom = log_uniform(rng, 0.5, 1.5) / unit_scale(size);  // texture px per image px
    const double angle = rng.uniform(0, 2 * std::numbers::pi);
    const cv::Point2d from(rng.uniform(0, texture.rgb.cols), rng.uniform(0, texture.rgb.rows));
    const double c = std::cos(angle) * zoom, s = std::sin(angle) * zoom;
    const double ox = (size.width - 1) / 2.0, oy = (size.height - 1) / 2.0;
    const cv::Matx23d to_texture(c, -s, from.x - c * ox + s * oy,  //
                                 s, c, from.y - s * ox - c * oy);
    cv::Mat3f look;
    cv::warpAffine(texture.rgb, look, to_texture, size, cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REFLECT_101);
    if (texture.grey) {
        // Grey photos become a material of some colour: a ramp from a dark to a light random colour,
        // over the contrast-stretched luminance.
        cv::Mat1f grey;
        cv::extractChannel(look, grey, 0);
        cv::Scalar mean, dev;
        cv::meanStdDev(grey, mean, dev);
        const cv::Vec3f hue = random_colour(rng);
        const cv::Vec3f dark = hue * float(rng.uniform(0.05, 0.4));
        const cv::Vec3f light = hue + (cv::Vec3f(1, 1, 1) - hue) * float(rng.uniform(0.2, 0.7));
        for (int i = 0; i < int(look.total()); ++i) {
            const float t = std::clamp(float(0.5 + (grey(i) - mean[0]) / (3 * dev[0] + 1e-6)), 0.0f, 1.0f);
            look(i) = dark * (1 - t) + light * t;
        }
    } else {
        const cv::Scalar mean = cv::mean(look);
        ColourJitter::random(rng, 0.3).apply(
            look, luminance(cv::Vec3f(float(mean[0]), float(mean[1]), float(mean[2]))));
    }
    return look;
}

}  // namespace

std::span<const ParamField<PerlinTextureParams>> PerlinTextureParams::fields() {
    using P = PerlinTextureParams;
    static const std::array<ParamField<P>, 8> k_fields = {{
        {"min_scale_log2", &P::min_scale_log2, 0, 8, "coarsest noise: 2^value cells across the image"},
        {"max_scale_log2", &P::max_scale_log2, 0, 8, "finest noise: 2^value cells across the image"},
        {"threshold", &P::threshold, 0, 0.95, "noise level above which pixels are defect (higher: smaller)"},
        {"max_rotation", &P::max_rotation, 0, 180, "largest rotation of the noise pattern, degrees"},
        {"min_opacity", &P::min_opacity, 0.05, 1, "least weight of the texture in the blend"},
        {"max_opacity", &P::max_opacity, 0.05, 1, "greatest weight of the texture in the blend"},
        {"min_area", &P::min_area, 0.0001, 1, "smallest region wanted, share of the image"},
        {"max_area", &P::max_area, 0.0001, 1, "largest region wanted, share of the image"},
    }};
    return k_fields;
}

void PerlinTextureParams::validate() const {
    check_param_ranges(k_id, *this);
    check_param_order(k_id, "min_scale_log2", min_scale_log2, "max_scale_log2", max_scale_log2);
    check_param_order(k_id, "min_opacity", min_opacity, "max_opacity", max_opacity);
    check_param_order(k_id, "min_area", min_area, "max_area", max_area);
}

SyntheticDefect perlin_texture(const cv::Mat& image, uint64_t seed, const PerlinTextureParams& params,
                               const TextureSource* textures) {
    params.validate();
    check_input_image(image, k_id);
    if (!textures)
        textures = TextureSource::built_in().get();
    const cv::Size size = image.size();
    Random rng(seed);

    // Redraw the noise until the region's size is in range; otherwise keep the draw nearest to it. Sizes
    // are judged on a small preview of the same noise, so only the chosen draw is made at full size.
    const auto threshold = float(params.threshold);
    const double preview_scale = std::min(1.0, 128.0 / std::max(size.width, size.height));
    const cv::Size preview(std::max(1, int(size.width * preview_scale)),
                           std::max(1, int(size.height * preview_scale)));
    struct Draw {
        cv::Point2d cells;
        double angle;
        uint64_t seed;
    } best{};
    constexpr double k_empty = 1e9;  // an empty region misses worst
    double best_miss = 2 * k_empty;
    for (int attempt = 0; attempt < 12 && best_miss > 0; ++attempt) {
        const Draw draw{{std::exp2(rng.integer(params.min_scale_log2, params.max_scale_log2)),
                         std::exp2(rng.integer(params.min_scale_log2, params.max_scale_log2))},
                        radians(rng.uniform(-params.max_rotation, params.max_rotation)),
                        rng.next_u32() | uint64_t(rng.next_u32()) << 32};
        const double area = area_share(perlin_image(preview, draw.cells, draw.angle, draw.seed), threshold);
        const double miss =
            area == 0 ? k_empty
                      : std::max({0.0, std::log(params.min_area / area), std::log(area / params.max_area)});
        if (miss < best_miss)
            best = draw, best_miss = miss;
    }
    const cv::Mat1f noise = perlin_image(size, best.cells, best.angle, best.seed);
    float level = threshold;
    if (area_share(noise, threshold) == 0) {
        // The threshold is above every draw's peak: lower it so the wanted smallest area still shows.
        std::vector<float> values(noise.begin(), noise.end());
        const auto nth = values.begin() + std::ptrdiff_t((1 - params.min_area) * (values.size() - 1));
        std::nth_element(values.begin(), nth, values.end());
        level = *nth;
    }
    const cv::Mat1f coverage = level_coverage(noise, level);

    const Texture texture = textures->texture(size_t(rng.integer(0, int(textures->size()) - 1)));
    const cv::Mat3f look = texture_look(rng, texture, size);
    const cv::Mat3f original = image;
    cv::Mat3f altered = original.clone();
    blend(altered, look, coverage * rng.uniform(params.min_opacity, params.max_opacity));
    return finish(original, altered, coverage, k_id);
}

}  // namespace kensa::data::synthetic
