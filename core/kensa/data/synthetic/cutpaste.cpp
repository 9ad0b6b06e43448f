#include <kensa/data/synthetic/cutpaste.h>

#include <kensa/data/random.h>
#include <kensa/data/synthetic/canvas.h>
#include <kensa/data/synthetic/colour.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace kensa::data::synthetic {

namespace {
constexpr const char* k_patch_id = "cutpaste_patch";
constexpr const char* k_scar_id = "cutpaste_scar";

// Cuts the axis-aligned w x h rectangle at a random place and pastes it rotated by `angle` at another
// random place (both wholly inside the image), colour-jittered.
SyntheticDefect cut_and_paste(const cv::Mat3f& original, Random& rng, double w, double h, double angle,
                              double jitter, std::string_view id) {
    const cv::Size size = original.size();
    w = std::clamp(w, 2.0, size.width - 2.0);
    h = std::clamp(h, 2.0, size.height - 2.0);
    const cv::Point2d from(rng.uniform(w / 2, size.width - w / 2), rng.uniform(h / 2, size.height - h / 2));
    // The pasted rectangle's bounding box; when rotated it may not fit, then it is shrunk to fit.
    const double c = std::abs(std::cos(angle)), s = std::abs(std::sin(angle));
    const double fit =
        std::min({1.0, (size.width - 2) / (w * c + h * s), (size.height - 2) / (w * s + h * c)});
    w *= fit, h *= fit;
    const double bw = (w * c + h * s) / 2, bh = (w * s + h * c) / 2;
    // Away from where it came from when there is room, else it would barely change anything.
    cv::Point2d to;
    for (int attempt = 0; attempt < 16; ++attempt) {
        to = {rng.uniform(bw, size.width - bw), rng.uniform(bh, size.height - bh)};
        if (std::hypot(to.x - from.x, to.y - from.y) > 0.5 * std::min(w, h))
            break;
    }

    Rasteriser raster(size);
    raster.fill_polygon(rotated_rect(to, w, h, angle));
    const cv::Rect roi = raster.region();

    // Pixel p of the region shows the source at from + R(-angle) (p + roi.tl() - to).
    const double cs = std::cos(angle), sn = std::sin(angle);
    const cv::Point2d shift = cv::Point2d(roi.tl()) - to;
    const cv::Matx23d to_source(cs, sn, from.x + cs * shift.x + sn * shift.y,  //
                                -sn, cs, from.y - sn * shift.x + cs * shift.y);
    cv::Mat3f look;
    cv::warpAffine(original, look, to_source, roi.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REFLECT_101);
    const cv::Rect source_rect(int(from.x - w / 2), int(from.y - h / 2), std::max(1, int(w)),
                               std::max(1, int(h)));
    const cv::Scalar mean = cv::mean(original(source_rect & cv::Rect({0, 0}, size)));
    const float mean_grey = luminance(cv::Vec3f(float(mean[0]), float(mean[1]), float(mean[2])));
    if (jitter > 0)
        ColourJitter::random(rng, jitter).apply(look, mean_grey);

    cv::Mat3f altered = original.clone();
    const cv::Mat1f coverage = raster.coverage(roi);
    blend(altered(roi), look, coverage);
    cv::Mat1f all_coverage(size, 0.0f);
    coverage.copyTo(all_coverage(roi));
    return finish(original, altered, all_coverage, id);
}

}  // namespace

std::span<const ParamField<CutPastePatchParams>> CutPastePatchParams::fields() {
    using P = CutPastePatchParams;
    static const std::array<ParamField<P>, 5> k_fields = {{
        {"min_area", &P::min_area, 0.001, 0.5, "smallest patch, share of the image area"},
        {"max_area", &P::max_area, 0.001, 0.5, "largest patch, share of the image area"},
        {"max_aspect", &P::max_aspect, 1, 10, "most elongated patch, long side / short side"},
        {"max_rotation", &P::max_rotation, 0, 180, "largest rotation of the pasted patch, degrees"},
        {"colour_jitter", &P::colour_jitter, 0, 0.5,
         "brightness, contrast, saturation change (+-) and hue shift (+-180 x value degrees)"},
    }};
    return k_fields;
}

void CutPastePatchParams::validate() const {
    check_param_ranges(k_patch_id, *this);
    check_param_order(k_patch_id, "min_area", min_area, "max_area", max_area);
}

std::span<const ParamField<CutPasteScarParams>> CutPasteScarParams::fields() {
    using P = CutPasteScarParams;
    static const std::array<ParamField<P>, 6> k_fields = {{
        {"min_width", &P::min_width, 1, 64, "thinnest scar, px on a 256-px image"},
        {"max_width", &P::max_width, 1, 64, "widest scar, px on a 256-px image"},
        {"min_length", &P::min_length, 2, 256, "shortest scar, px on a 256-px image"},
        {"max_length", &P::max_length, 2, 256, "longest scar, px on a 256-px image"},
        {"max_rotation", &P::max_rotation, 0, 180, "largest rotation away from vertical, degrees"},
        {"colour_jitter", &P::colour_jitter, 0, 0.5,
         "brightness, contrast, saturation change (+-) and hue shift (+-180 x value degrees)"},
    }};
    return k_fields;
}

void CutPasteScarParams::validate() const {
    check_param_ranges(k_scar_id, *this);
    check_param_order(k_scar_id, "min_width", min_width, "max_width", max_width);
    check_param_order(k_scar_id, "min_length", min_length, "max_length", max_length);
}

SyntheticDefect cutpaste_patch(const cv::Mat& image, uint64_t seed, const CutPastePatchParams& params) {
    params.validate();
    check_input_image(image, k_patch_id);
    Random rng(seed);
    const double area = rng.uniform(params.min_area, params.max_area) * image.total();
    const double aspect = log_uniform(rng, 1 / params.max_aspect, params.max_aspect);
    const double angle = radians(rng.uniform(-params.max_rotation, params.max_rotation));
    return cut_and_paste(image, rng, std::sqrt(area * aspect), std::sqrt(area / aspect), angle,
                         params.colour_jitter, k_patch_id);
}

SyntheticDefect cutpaste_scar(const cv::Mat& image, uint64_t seed, const CutPasteScarParams& params) {
    params.validate();
    check_input_image(image, k_scar_id);
    Random rng(seed);
    const double scale = unit_scale(image.size());
    const double w = scale * rng.uniform(params.min_width, params.max_width);
    const double h = scale * rng.uniform(params.min_length, params.max_length);
    const double angle = radians(rng.uniform(-params.max_rotation, params.max_rotation));
    return cut_and_paste(image, rng, w, h, angle, params.colour_jitter, k_scar_id);
}

}  // namespace kensa::data::synthetic
