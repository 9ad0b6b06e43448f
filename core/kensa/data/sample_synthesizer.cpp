#include <kensa/data/sample_synthesizer.h>

#include <kensa/base/error.h>
#include <kensa/data/image_io.h>
#include <kensa/data/random.h>
#include <kensa/data/sample_photos.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <utility>

namespace kensa::data {

namespace {

using Rgb = cv::Vec3f;
constexpr double k_pi = std::numbers::pi;

// ---------------------------------------------------------------------------------------------------------
// Photos

// Percentile-normalised luminance in [0, 1] (1st -> 0, 99th -> 1), so tints do not depend on exposure.
cv::Mat1f normalised_luminance(const cv::Mat& rgb) {
    cv::Mat1f grey;
    cv::cvtColor(rgb, grey, cv::COLOR_RGB2GRAY);
    std::vector<float> values(grey.begin(), grey.end());
    const auto at = [&](double q) {
        auto nth = values.begin() + static_cast<std::ptrdiff_t>(q * static_cast<double>(values.size() - 1));
        std::nth_element(values.begin(), nth, values.end());
        return *nth;
    };
    const float lo = at(0.01);
    const float hi = std::max(at(0.99), lo + 1e-3f);
    cv::Mat1f out = (grey - lo) / (hi - lo);
    return cv::min(cv::max(out, 0.0f), 1.0f);
}

// Piecewise-linear colour ramp over t in [0, 1].
struct Ramp {
    std::vector<std::pair<float, Rgb>> knots;  // ascending t

    Rgb at(float t) const {
        if (t <= knots.front().first)
            return knots.front().second;
        for (size_t i = 1; i < knots.size(); ++i) {
            if (t <= knots[i].first) {
                const float f = (t - knots[i - 1].first) / (knots[i].first - knots[i - 1].first);
                return knots[i - 1].second * (1.0f - f) + knots[i].second * f;
            }
        }
        return knots.back().second;
    }
};

// Brick faces (dark in the photo) become brick red; the mortar (light) becomes a warm off-white.
const Ramp k_brick_ramp{{{0.0f, {0.25f, 0.10f, 0.07f}},
                         {0.18f, {0.56f, 0.26f, 0.18f}},
                         {0.45f, {0.72f, 0.50f, 0.40f}},
                         {0.80f, {0.86f, 0.81f, 0.73f}},
                         {1.0f, {0.95f, 0.93f, 0.88f}}}};

cv::Mat tinted(const cv::Mat1f& t, const Ramp& ramp) {
    cv::Mat3f out(t.size());
    for (int y = 0; y < t.rows; ++y) {
        for (int x = 0; x < t.cols; ++x)
            out(y, x) = ramp.at(t(y, x));
    }
    return out;
}

cv::Mat embedded_photo(std::string_view name) {
    const auto bytes = embedded_sample_photo(name);
    if (bytes.empty())
        throw Error("embedded sample photo '" + std::string(name) + "' is missing from this build");
    return decode_image(bytes, std::string(name) + ".png (embedded)").take();
}

// ---------------------------------------------------------------------------------------------------------
// Shapes: a blob is a star-shaped outline r(theta) with a few harmonics, stretched and rotated.

struct Blob {
    cv::Point2d centre;
    double radius = 10;
    double aspect = 1;  // >= 1; area-preserving stretch along `angle`
    double angle = 0;
    std::vector<std::array<double, 3>> harmonics;  // {k, amplitude, phase}

    // r(theta) - rho in the blob's own frame: positive inside.
    double implicit(double x, double y) const {
        const double dx = x - centre.x, dy = y - centre.y;
        const double c = std::cos(angle), s = std::sin(angle);
        const double u = (c * dx + s * dy) / std::sqrt(aspect);
        const double v = (-s * dx + c * dy) * std::sqrt(aspect);
        const double theta = std::atan2(v, u);
        double r = 1.0;
        for (const auto& [k, a, phase] : harmonics)
            r += a * std::cos(k * theta + phase);
        return radius * r - std::hypot(u, v);
    }
    double extent() const {
        double r = 1.0;
        for (const auto& h : harmonics)
            r += std::abs(h[1]);
        return radius * r * std::sqrt(aspect);
    }
};

double log_uniform(Random& rng, double lo, double hi) {
    return std::exp(rng.uniform(std::log(lo), std::log(hi)));
}

Blob random_blob(Random& rng, int size, double radius, double max_aspect, int max_harmonic,
                 double roughness) {
    Blob b;
    b.radius = radius;
    b.aspect = rng.uniform(1.0, max_aspect);
    b.angle = rng.uniform(0.0, k_pi);
    for (int k = 2; k <= max_harmonic; ++k) {
        b.harmonics.push_back(
            {double(k), roughness * rng.uniform(0.2, 1.0) / (k - 1), rng.uniform(0.0, 2 * k_pi)});
    }
    const double margin = std::min(size / 2.0 - 1, b.extent() + 2);
    b.centre = {rng.uniform(margin, size - margin), rng.uniform(margin, size - margin)};
    return b;
}

// Signed distance to the outline (px, positive inside), first-order: f / |grad f|. Accurate near the
// outline, which is all that anti-aliasing and edge ramps need. Pixels far outside get -1e3.
cv::Mat1f signed_distance(const Blob& b, int size) {
    cv::Mat1f sd(size, size, -1e3f);
    const double reach = b.extent() + 3;
    const int x0 = std::max(0, int(b.centre.x - reach)), x1 = std::min(size - 1, int(b.centre.x + reach));
    const int y0 = std::max(0, int(b.centre.y - reach)), y1 = std::min(size - 1, int(b.centre.y + reach));
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const double f = b.implicit(x, y);
            const double gx = b.implicit(x + 0.5, y) - b.implicit(x - 0.5, y);
            const double gy = b.implicit(x, y + 0.5) - b.implicit(x, y - 0.5);
            sd(y, x) = float(f / std::max(std::hypot(gx, gy), 0.2));
        }
    }
    return sd;
}

double smoothstep(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

// Coverage from signed distance: 0.5 on the outline, reaching 1 at w_in inside and 0 at w_out outside.
// w_in = w_out = 0.5 is a crisp anti-aliased edge; a larger w_in is a soft edge that stays inside the mask.
cv::Mat1f coverage(const cv::Mat1f& sd, double w_in, double w_out) {
    cv::Mat1f c(sd.size(), 0.0f);
    for (int i = 0; i < int(sd.total()); ++i) {
        const double d = sd(i);
        c(i) = float(d >= 0 ? 0.5 + 0.5 * smoothstep(d / w_in) : 0.5 * std::max(0.0, 1 + d / w_out));
    }
    return c;
}

// Smooth noise in [0, 1]: a coarse random grid, cubic-interpolated.
cv::Mat1f smooth_noise(Random& rng, int size, int cells) {
    cv::Mat1f grid(cells + 1, cells + 1);
    for (auto& v : grid)
        v = float(rng.uniform());
    cv::Mat1f out;
    cv::resize(grid, out, cv::Size(size, size), 0, 0, cv::INTER_CUBIC);
    return cv::min(cv::max(out, 0.0f), 1.0f);
}

Rgb mean_colour(const cv::Mat& image) {
    const auto m = cv::mean(image);
    return {float(m[0]), float(m[1]), float(m[2])};
}

float luminance(const Rgb& c) {
    return 0.299f * c[0] + 0.587f * c[1] + 0.114f * c[2];
}

cv::Point2d unit(double angle) {
    return {std::cos(angle), std::sin(angle)};
}

// ---------------------------------------------------------------------------------------------------------
// Defects. Each yields a layer: coverage (geometry, mask = coverage >= 0.5), alpha (how strongly the look
// replaces the clean pixel, <= coverage) and the look itself.

struct Layer {
    cv::Mat1f coverage;
    cv::Mat1f alpha;
    cv::Mat3f look;
};

struct Context {
    const cv::Mat3f& clean;
    int size;
    double scale;  // size / 256: defect sizes are tuned at 256 px
};

// A gently bent cubic Bezier drawn as a tapered, slightly wobbly stroke; the distance to it is computed
// exactly so the anti-aliasing is sub-pixel.
cv::Mat1f stroke_coverage(Random& rng, int size, cv::Point2d p0, cv::Point2d p3, double bend,
                          double half_width) {
    const cv::Point2d d = p3 - p0;
    const cv::Point2d normal(-d.y, d.x);
    const cv::Point2d p1 = p0 + d * (1.0 / 3) + normal * bend * rng.uniform(0.5, 1.5);
    const cv::Point2d p2 = p0 + d * (2.0 / 3) + normal * bend * rng.uniform(-0.5, 1.0);
    const double length = std::hypot(d.x, d.y);
    const int n = std::max(12, int(length / 2));
    const double wobble_phase = rng.uniform(0, 2 * k_pi), wobble_freq = rng.uniform(2, 5);
    const double wobble = rng.uniform(0.0, 0.35);
    std::vector<cv::Point2d> pts(n + 1);
    for (int i = 0; i <= n; ++i) {
        const double t = double(i) / n, s = 1 - t;
        cv::Point2d p = p0 * (s * s * s) + p1 * (3 * s * s * t) + p2 * (3 * s * t * t) + p3 * (t * t * t);
        p += normal * (wobble * std::sin(wobble_freq * 2 * k_pi * t + wobble_phase) / std::max(length, 1.0));
        pts[i] = p;
    }
    cv::Mat1f cov(size, size, 0.0f);
    const double reach = half_width + 2;
    double minx = 1e9, maxx = -1e9, miny = 1e9, maxy = -1e9;
    for (const auto& p : pts) {
        minx = std::min(minx, p.x), maxx = std::max(maxx, p.x), miny = std::min(miny, p.y),
        maxy = std::max(maxy, p.y);
    }
    const int x0 = std::max(0, int(std::floor(minx - reach))),
              x1 = std::min(size - 1, int(std::ceil(maxx + reach)));
    const int y0 = std::max(0, int(std::floor(miny - reach))),
              y1 = std::min(size - 1, int(std::ceil(maxy + reach)));
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            double best = 1e9, best_t = 0;
            for (int i = 0; i < n; ++i) {
                const cv::Point2d a = pts[i], ab = pts[i + 1] - pts[i];
                const double len2 = ab.dot(ab);
                const double u =
                    len2 > 0 ? std::clamp((cv::Point2d(x, y) - a).dot(ab) / len2, 0.0, 1.0) : 0.0;
                const cv::Point2d q = a + ab * u - cv::Point2d(x, y);
                const double dist = std::hypot(q.x, q.y);
                if (dist < best)
                    best = dist, best_t = (i + u) / n;
            }
            // Tapered ends: a scratch starts and stops as a hairline, but never thinner than the half pixel
            // that keeps its mask connected and every altered pixel next to it.
            const double taper = std::sqrt(std::clamp(std::min(best_t, 1 - best_t) / 0.12, 0.0, 1.0));
            const double hw = std::max(0.55, half_width * taper);
            cov(y, x) = float(std::clamp(hw + 0.5 - best, 0.0, 1.0));
        }
    }
    return cov;
}

Layer scratch(Random& rng, const Context& cx) {
    const double length = cx.scale * log_uniform(rng, 30, 190);
    const double half_width = std::max(0.55, rng.uniform(0.6, 1.6) * std::sqrt(cx.scale));
    const double angle = rng.uniform(0, 2 * k_pi);
    const double margin = std::min(cx.size / 2.0 - 1, 6 * cx.scale + length / 4);
    const cv::Point2d c(rng.uniform(margin, cx.size - margin), rng.uniform(margin, cx.size - margin));
    const cv::Point2d dir = unit(angle);
    const double bend = rng.uniform(-0.12, 0.12);

    cv::Mat1f cov =
        stroke_coverage(rng, cx.size, c - dir * (length / 2), c + dir * (length / 2), bend, half_width);
    // Sometimes a scuff: two or three nearly parallel strokes.
    if (rng.chance(0.3)) {
        const int extra = rng.integer(1, 2);
        for (int i = 0; i < extra; ++i) {
            const cv::Point2d side =
                cv::Point2d(-dir.y, dir.x) * (rng.sign() * rng.uniform(2.5, 6.0) * cx.scale);
            const double l = length * rng.uniform(0.4, 0.9);
            const cv::Point2d m = c + side + dir * (rng.uniform(-0.2, 0.2) * length);
            cov = cv::max(cov, stroke_coverage(rng, cx.size, m - dir * (l / 2), m + dir * (l / 2), bend,
                                               std::max(0.55, half_width * rng.uniform(0.6, 1.0))));
        }
    }

    const bool bright = rng.chance(0.6);
    const float strength = float(rng.uniform(0.8, 1.0));
    // Scratches are uneven: they bite deeper in places.
    const cv::Mat1f variation = smooth_noise(rng, cx.size, std::max(8, cx.size / 5));
    Layer layer{cov, cv::Mat1f(cov.size()), cv::Mat3f(cov.size())};
    for (int i = 0; i < int(cov.total()); ++i) {
        const Rgb p = cx.clean(i);
        // Bright: the scraped-off surface shows paler material of the same hue. Dark: a groove in shadow.
        layer.look(i) = bright ? p + (Rgb(1.0f, 0.97f, 0.93f) - p) * 0.7f : p * 0.2f;
        layer.alpha(i) = cov(i) * strength * (0.5f + 0.5f * variation(i));
    }
    return layer;
}

Layer stain(Random& rng, const Context& cx) {
    const Blob blob = random_blob(rng, cx.size, cx.scale * log_uniform(rng, 8, 48), 2.0, 6, 0.32);
    const cv::Mat1f sd = signed_distance(blob, cx.size);
    const double w_in = blob.radius * rng.uniform(0.25, 0.55);
    const cv::Mat1f cov = coverage(sd, w_in, 1.0);
    // Blotchy: coarse and fine variation of how much the stain took.
    const cv::Mat1f coarse = smooth_noise(rng, cx.size, std::max(4, int(cx.size / (blob.radius * 1.2))));
    const cv::Mat1f fine = smooth_noise(rng, cx.size, std::max(8, int(cx.size / 3.0)));

    enum { Damp, Oil, Rust, Efflorescence } kind = static_cast<decltype(Damp)>(rng.integer(0, 3));
    const float strength = float(rng.uniform(0.75, 0.95));
    const bool tide_mark = kind == Damp || rng.chance(0.3);  // liquid stains dry with a darker rim
    Layer layer{cov, cv::Mat1f(cov.size()), cv::Mat3f(cov.size())};
    for (int i = 0; i < int(cov.total()); ++i) {
        const Rgb p = cx.clean(i);
        switch (kind) {
            case Damp:
                layer.look(i) = p.mul(Rgb(0.50f, 0.46f, 0.44f));
                break;
            case Oil:
                layer.look(i) = p.mul(Rgb(0.36f, 0.34f, 0.30f)) + Rgb(0.02f, 0.02f, 0.03f);
                break;
            case Rust:
                layer.look(i) = p * 0.45f + Rgb(0.50f, 0.22f, 0.06f) * 0.55f;
                break;
            case Efflorescence:
                layer.look(i) = p * 0.2f + Rgb(0.93f, 0.92f, 0.89f) * 0.8f;
                break;
        }
        float a = strength * (0.55f + 0.3f * coarse(i) + 0.15f * fine(i));
        if (tide_mark)
            a += 0.3f * float(std::exp(-std::pow((sd(i) - 1.5) / 1.5, 2)));
        layer.alpha(i) = cov(i) * std::min(a, 1.0f);
    }
    return layer;
}

// A chipped pit: a rough band of freshly broken (lighter) material around a dark hole, shaded by one light.
Layer hole(Random& rng, const Context& cx) {
    const Blob blob = random_blob(rng, cx.size, cx.scale * log_uniform(rng, 4, 18), 1.5, 6, 0.16);
    const cv::Mat1f sd = signed_distance(blob, cx.size);
    const cv::Mat1f cov = coverage(sd, 0.5, 0.5);
    const cv::Point2d light = unit(rng.uniform(0, 2 * k_pi));  // towards the light
    const double rim = std::max(1.0, blob.radius * rng.uniform(0.2, 0.45));
    const Rgb base = mean_colour(cx.clean);
    const Rgb fresh = base * 1.2f + Rgb(0.08f, 0.08f, 0.08f);
    const float base_lum = std::max(luminance(base), 0.05f);
    const cv::Mat1f grain = smooth_noise(rng, cx.size, std::max(8, cx.size / 2));

    Layer layer{cov, cov.clone(), cv::Mat3f(cov.size())};
    for (int y = 0; y < cx.size; ++y) {
        for (int x = 0; x < cx.size; ++x) {
            const Rgb p = cx.clean(y, x);
            const double d = sd(y, x);
            if (d < -1) {
                layer.look(y, x) = p;
                continue;
            }
            cv::Point2d n(x - blob.centre.x, y - blob.centre.y);
            n *= 1.0 / std::max(std::hypot(n.x, n.y), 1e-6);
            const double facing = n.dot(light);  // > 0: the side nearer the light, whose slope is shaded
            // The broken slope: lit where it faces the light (far side), shaded on the near side.
            const double slope_shade = 0.8 + 0.45 * std::max(0.0, -facing) - 0.35 * std::max(0.0, facing);
            const Rgb edge = (p * 0.4f + fresh * 0.6f) * float(slope_shade * (0.85 + 0.3 * grain(y, x)));
            // The hole itself: dark floor, its wall opposite the light catching some light.
            const double depth = std::clamp((d - rim) / std::max(blob.radius - rim, 1.0), 0.0, 1.0);
            const double off_centre =
                smoothstep(std::hypot(x - blob.centre.x, y - blob.centre.y) / (0.4 * blob.radius));
            const double lit = std::pow(std::max(0.0, -facing), 0.8) * std::pow(1 - depth, 1.2) * off_centre;
            const float texture = std::clamp(luminance(p) / base_lum, 0.7f, 1.3f);
            const Rgb inside = base * float((0.05 + 0.55 * lit) * (0.85 + 0.15 * texture));
            const float f = float(smoothstep(d - rim + 0.5));
            layer.look(y, x) = edge * (1 - f) + inside * f;
        }
    }
    return layer;
}

Layer foreign_material(Random& rng, const Context& cx, const std::vector<cv::Mat>& textures) {
    const Blob blob = random_blob(rng, cx.size, cx.scale * log_uniform(rng, 6, 26), 2.5, 7, 0.45);
    const cv::Mat1f sd = signed_distance(blob, cx.size);
    const cv::Mat1f cov = coverage(sd, 0.5, 0.5);

    // A piece of another material: a rotated, scaled crop of a texture photo, recoloured.
    const int which = rng.integer(0, int(textures.size()) - 1);
    const cv::Mat1f& tex = textures[which];
    const double angle = rng.uniform(0, 2 * k_pi), zoom = rng.uniform(0.5, 1.1);
    const cv::Point2d from(rng.uniform(0.25, 0.75) * tex.cols, rng.uniform(0.25, 0.75) * tex.rows);
    const double c = std::cos(angle) * zoom, s = std::sin(angle) * zoom;
    const cv::Matx23d to_tex(c, -s, from.x - c * blob.centre.x + s * blob.centre.y,  //
                             s, c, from.y - s * blob.centre.x - c * blob.centre.y);
    cv::Mat1f t;
    cv::warpAffine(tex, t, to_tex, cv::Size(cx.size, cx.size), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REFLECT_101);
    static const std::array<std::pair<Rgb, Rgb>, 4> k_palettes = {{
        {{0.10f, 0.11f, 0.12f}, {0.55f, 0.57f, 0.60f}},  // slate grit
        {{0.05f, 0.05f, 0.05f}, {0.30f, 0.29f, 0.28f}},  // charcoal / burnt residue
        {{0.08f, 0.16f, 0.04f}, {0.45f, 0.62f, 0.22f}},  // plant debris
        {{0.20f, 0.13f, 0.05f}, {0.78f, 0.62f, 0.30f}},  // dry leaf / wood chip
    }};
    const auto& [dark, bright] = k_palettes[rng.integer(0, int(k_palettes.size()) - 1)];
    const cv::Point2d light = unit(rng.uniform(0, 2 * k_pi));

    Layer layer{cov, cov.clone(), cv::Mat3f(cov.size())};
    for (int y = 0; y < cx.size; ++y) {
        for (int x = 0; x < cx.size; ++x) {
            const double d = sd(y, x);
            if (d < -1) {
                layer.look(y, x) = cx.clean(y, x);
                continue;
            }
            cv::Point2d n(x - blob.centre.x, y - blob.centre.y);
            n *= 1.0 / std::max(std::hypot(n.x, n.y), 1e-6);
            // A raised piece: its edge is lit on the light's side and shaded on the other.
            const double rim = std::exp(-std::max(d, 0.0) / 1.5);
            const double shade =
                1 - 0.45 * rim * std::max(0.0, -n.dot(light)) + 0.25 * rim * std::max(0.0, n.dot(light));
            const float v = t(y, x);
            layer.look(y, x) = (dark * (1 - v) + bright * v) * float(shade);
        }
    }
    return layer;
}

Layer color_change(Random& rng, const Context& cx) {
    const Blob blob = random_blob(rng, cx.size, cx.scale * log_uniform(rng, 12, 40), 2.2, 4, 0.15);
    const cv::Mat1f sd = signed_distance(blob, cx.size);
    const cv::Mat1f cov = coverage(sd, blob.radius * rng.uniform(0.2, 0.45), 1.0);

    cv::Mat3f hsv;
    cv::cvtColor(cx.clean, hsv, cv::COLOR_RGB2HSV);  // float: H in [0, 360), S and V in [0, 1]
    const bool bleach = rng.chance(0.35);
    const float hue_shift = float((rng.chance(0.75) ? 1 : -1) * rng.uniform(25, 70));
    const float sat_gain = float(rng.uniform(1.1, 1.5));
    for (auto& p : hsv) {
        if (bleach) {
            p[1] *= 0.15f;
            p[2] = std::min(1.0f, p[2] * 1.12f + 0.03f);
        } else {
            p[0] = std::fmod(p[0] + hue_shift + 360.0f, 360.0f);
            p[1] = std::min(1.0f, p[1] * sat_gain + 0.18f);  // + offset: grey surfaces take a colour too
        }
    }
    const cv::Mat1f blotches = smooth_noise(rng, cx.size, std::max(4, int(cx.size / blob.radius)));
    Layer layer{cov, cov.mul(0.7 + 0.3 * blotches), cv::Mat3f()};
    cv::cvtColor(hsv, layer.look, cv::COLOR_HSV2RGB);
    return layer;
}

// ---------------------------------------------------------------------------------------------------------

struct Composed {
    cv::Mat3f image;
    cv::Mat1b mask;
    double area = 0;      // mask pixels
    double strength = 0;  // mean |change| inside the mask
};

Composed compose(const cv::Mat3f& clean, const Layer& layer) {
    Composed out{clean.clone(), cv::Mat1b(clean.size(), uchar(0))};
    double change = 0;
    for (int i = 0; i < int(clean.total()); ++i) {
        const float a = layer.alpha(i);
        if (a > 0) {
            Rgb v = clean(i) * (1 - a) + layer.look(i) * a;
            for (int c = 0; c < 3; ++c)
                v[c] = std::clamp(v[c], 0.0f, 1.0f);
            out.image(i) = v;
        }
        if (layer.coverage(i) >= 0.5f) {
            out.mask(i) = 255;
            out.area += 1;
            const Rgb diff = out.image(i) - clean(i);
            change += (std::abs(diff[0]) + std::abs(diff[1]) + std::abs(diff[2])) / 3;
        }
    }
    out.strength = out.area > 0 ? change / out.area : 0;
    return out;
}

}  // namespace

std::string_view defect_kind_name(DefectKind kind) {
    switch (kind) {
        case DefectKind::Scratch:
            return "scratch";
        case DefectKind::Stain:
            return "stain";
        case DefectKind::Hole:
            return "hole";
        case DefectKind::ForeignMaterial:
            return "foreign_material";
        case DefectKind::Color:
            return "color";
    }
    return "unknown";
}

SampleSynthesizer::SampleSynthesizer(const std::filesystem::path& product_photo) {
    if (product_photo.empty()) {
        m_product = tinted(normalised_luminance(embedded_photo("brick")), k_brick_ramp);
    } else {
        m_product = read_image(product_photo).take();
        if (std::min(m_product.cols, m_product.rows) < 128) {
            throw file_error(product_photo, "too small for a sample product (" +
                                                std::to_string(m_product.cols) + "x" +
                                                std::to_string(m_product.rows) + "; at least 128 px a side)");
        }
        // A camera-sized photo is shrunk once here rather than blurred for every image.
        const double shrink = 1024.0 / std::min(m_product.cols, m_product.rows);
        if (shrink < 1)
            cv::resize(m_product, m_product, cv::Size(), shrink, shrink, cv::INTER_AREA);
    }
    for (const char* name : {"gravel", "grass"})
        m_foreign.push_back(normalised_luminance(embedded_photo(name)));
}

cv::Mat SampleSynthesizer::normal_image(uint64_t seed, int size) const {
    if (size < 16)
        throw Error("sample image size must be at least 16 px (got " + std::to_string(size) + ")");
    Random rng(seed);
    const int side = std::min(m_product.cols, m_product.rows);
    const double window = side * rng.uniform(0.46, 0.54);  // the crop covers the same share at any size
    const double angle = rng.uniform(-4, 4) * k_pi / 180;
    const double fx = rng.chance(0.5) ? -1 : 1, fy = rng.chance(0.5) ? -1 : 1;
    const double half = window / 2 * (std::abs(std::cos(angle)) + std::abs(std::sin(angle))) + 1;
    const cv::Point2d centre(rng.uniform(half, m_product.cols - half),
                             rng.uniform(half, m_product.rows - half));
    const double scale = window / size;
    // Output pixel -> photo: centre + scale * R(angle) * flip * (p - image centre).
    const double c = std::cos(angle) * scale, s = std::sin(angle) * scale, o = (size - 1) / 2.0;
    const cv::Matx23d map(c * fx, -s * fy, centre.x - (c * fx * o - s * fy * o),  //
                          s * fx, c * fy, centre.y - (s * fx * o + c * fy * o));
    cv::Mat source = m_product;
    if (scale > 1.3)
        cv::GaussianBlur(m_product, source, cv::Size(), 0.45 * std::sqrt(scale * scale - 1));
    cv::Mat3f out;
    cv::warpAffine(source, out, map, cv::Size(size, size), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REFLECT_101);

    // Exposure and lighting differ a little from shot to shot.
    const double contrast = rng.uniform(0.92, 1.08), brightness = rng.uniform(0.94, 1.06);
    const double gradient = rng.uniform(0, 0.08), light_angle = rng.uniform(0, 2 * k_pi);
    const Rgb mean = mean_colour(out);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            const double along = ((x - o) * std::cos(light_angle) + (y - o) * std::sin(light_angle)) / size;
            const float gain = float(brightness * (1 + gradient * along));
            Rgb v = (mean + (out(y, x) - mean) * float(contrast)) * gain;
            for (int ch = 0; ch < 3; ++ch)
                v[ch] = std::clamp(v[ch], 0.0f, 1.0f);
            out(y, x) = v;
        }
    }
    return out;
}

DefectSample SampleSynthesizer::defect_sample(DefectKind kind, uint64_t seed, int size) const {
    DefectSample sample;
    sample.kind = kind;
    sample.clean = normal_image(seed, size);
    const cv::Mat3f clean = sample.clean;
    const Context cx{clean, size, size / 256.0};
    Random rng(mix_seed(seed, 0xdefec7));

    // Redraw until the defect is visible and neither a speck nor most of the image.
    const double min_area = std::max(12.0, 2e-4 * size * size), max_area = 0.2 * size * size;
    Composed best;
    double best_score = -1;
    for (int attempt = 0; attempt < 32; ++attempt) {
        Layer layer;
        switch (kind) {
            case DefectKind::Scratch:
                layer = scratch(rng, cx);
                break;
            case DefectKind::Stain:
                layer = stain(rng, cx);
                break;
            case DefectKind::Hole:
                layer = hole(rng, cx);
                break;
            case DefectKind::ForeignMaterial:
                layer = foreign_material(rng, cx, m_foreign);
                break;
            case DefectKind::Color:
                layer = color_change(rng, cx);
                break;
        }
        Composed composed = compose(clean, layer);
        const bool ok = composed.area >= min_area && composed.area <= max_area && composed.strength >= 0.06;
        // Should nothing qualify, keep the most visible non-empty one that is not too large.
        const double score =
            ok ? 1e9 : (composed.area > 0 && composed.area <= max_area ? composed.strength : 0);
        if (score > best_score)
            best = std::move(composed), best_score = score;
        if (ok)
            break;
    }
    sample.defective = best.image;
    sample.mask = best.mask;
    return sample;
}

}  // namespace kensa::data
