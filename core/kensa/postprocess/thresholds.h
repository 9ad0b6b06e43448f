#pragma once
// Decision thresholds, for every method alike: from normal images the model never trained on (a
// held-out slice of the normal training images), and the F1-optimal ones where labels exist.

#include <kensa/metrics/evaluation.h>
#include <kensa/model/model_bundle.h>
#include <kensa/postprocess/anomaly_map.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace kensa::postprocess {

struct HoldoutConfig {
    double fraction = 0.1;          // of the normal images, kept out of training
    int min_images = 4;             // at least this many (never more than half of the images)
    double image_quantile = 0.99;   // image threshold: this quantile of held-out image scores
    double pixel_quantile = 0.999;  // pixel threshold: this quantile of held-out map values

    // Throws kensa::Error naming the first bad field.
    void validate() const;
};

// Per image, whether it is held out: every k-th image, so the slice spreads over the folder and is the
// same on every machine.
std::vector<bool> holdout_mask(size_t count, const HoldoutConfig& config);

// The q-quantile with linear interpolation between order statistics (numpy's default); NaN when empty.
float quantile(std::vector<float> values, double q);

// Image and pixel thresholds at the configured quantiles of held-out normal images' scores and map values.
model::Thresholds thresholds_from_normal(const std::vector<AnomalyResult>& held_out, const HoldoutConfig& config);

// The F1-optimal image and pixel thresholds of an evaluation, where it has them (finite).
struct F1Thresholds {
    std::optional<float> image;
    std::optional<float> pixel;
};
F1Thresholds f1_optimal_thresholds(const metrics::EvaluationReport& report);

}  // namespace kensa::postprocess
