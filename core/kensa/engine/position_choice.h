#pragma once
// Whether a model scores positions against their spread on the normal training images
// (postprocess/position_normalization.h), chosen per model on images it never trained on: the held-out
// normal images, and copies of them with a synthetic defect drawn in (data/synthetic, every generator).
// Normalisation wins 17 AU-PRO on one product of the quality benchmark and loses 20 on another; which one
// a product needs shows in how well each ranks defect pixels above normal ones. LibTorch-free.

#include <kensa/base/progress.h>
#include <kensa/methods/training.h>
#include <kensa/metrics/evaluation.h>
#include <kensa/model/model_bundle.h>
#include <kensa/postprocess/position_normalization.h>

#include <opencv2/core.hpp>

#include <vector>

namespace kensa::engine {

struct PositionChoice {
    bool normalise = true;
    metrics::MetricSet normalised, raw;  // of the two scorings on the choice's images
    int synthetic_images = 0;
};

// Synthetic copies per held-out image: enough defect pixels to rank, a few seconds of inspection.
inline constexpr int kChoiceCopiesPerImage = 4;

// Raw scores must beat normalised ones by this much pixel AUROC + AU-PRO (fractions) to be chosen. Synthetic
// defects predict which scoring ranks real ones better only when the lead is large: on the quality benchmark
// with ADTR's memory at stride 8, leads under 0.04 went either way on real defects (leather +0.011 lost 11
// AU-PRO with raw scores, motorbike +0.021 won 1.6), coin led by 0.063 and won 14 (docs/benchmarks.md,
// session 16). A margin set on that benchmark's ten products: normalisation stays the rule.
inline constexpr double kRawScoreMargin = 0.05;

// bundle: the trained model without position statistics; stats: fitted on its training grids; holdout:
// at least one normal image the model did not train on. Normalisation is kept unless raw scores give a
// pixel AUROC + AU-PRO higher by kRawScoreMargin. Reports ("positions", done, total); throws
// kensa::Cancelled.
PositionChoice choose_position_scoring(const model::ModelBundle& bundle, const postprocess::PositionStatistics& stats,
                                       const std::vector<cv::Mat>& holdout, const TrainingConfig& config,
                                       const ProgressCallback& progress = {});

}  // namespace kensa::engine
