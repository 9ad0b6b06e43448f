#include <kensa/postprocess/thresholds.h>

#include <kensa/base/error.h>

#include <algorithm>
#include <cmath>

namespace kensa::postprocess {

void HoldoutConfig::validate() const {
    if (!(fraction >= 0 && fraction < 1))
        throw Error("the held-out fraction must be in [0, 1)");
    if (min_images < 0)
        throw Error("the held-out minimum must not be negative");
    if (!(image_quantile > 0 && image_quantile <= 1) || !(pixel_quantile > 0 && pixel_quantile <= 1))
        throw Error("threshold quantiles must be in (0, 1]");
}

std::vector<bool> holdout_mask(size_t count, const HoldoutConfig& config) {
    const auto n = static_cast<int>(count);
    int wanted = std::max(config.min_images, static_cast<int>(std::lround(config.fraction * n)));
    wanted = std::min(wanted, n / 2);  // never more than half of the training data
    const int stride = wanted > 0 ? n / wanted : n + 1;
    std::vector<bool> held(count, false);
    int taken = 0;
    for (int i = 0; i < n; ++i) {
        if (wanted > 0 && (i % stride) == stride - 1 && taken < wanted) {
            held[static_cast<size_t>(i)] = true;
            ++taken;
        }
    }
    return held;
}

float quantile(std::vector<float> values, double q) {
    if (values.empty())
        return model::Thresholds::kUnset;
    const double pos = q * static_cast<double>(values.size() - 1);
    const auto lo = static_cast<size_t>(std::floor(pos));
    const auto hi = std::min(lo + 1, values.size() - 1);
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lo), values.end());
    const float a = values[lo];
    const float b =
        hi == lo ? a : *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lo) + 1, values.end());
    return a + static_cast<float>(pos - static_cast<double>(lo)) * (b - a);
}

model::Thresholds thresholds_from_normal(const std::vector<AnomalyResult>& held_out, const HoldoutConfig& config) {
    std::vector<float> scores, pixels;
    for (const auto& r : held_out) {
        scores.push_back(r.score);
        pixels.insert(pixels.end(), r.map.begin<float>(), r.map.end<float>());
    }
    model::Thresholds t;
    t.image = quantile(scores, config.image_quantile);
    t.pixel = quantile(pixels, config.pixel_quantile);
    t.normal_quantile = config.image_quantile;
    t.holdout_images = static_cast<int>(held_out.size());
    return t;
}

F1Thresholds f1_optimal_thresholds(const metrics::EvaluationReport& report) {
    const auto finite = [](double v) { return std::isfinite(v) ? std::optional<float>(float(v)) : std::nullopt; };
    return {finite(report.overall.image_f1_threshold), finite(report.overall.pixel_f1_threshold)};
}

}  // namespace kensa::postprocess
