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

// Raw scores must beat normalised ones by this much pixel AUROC + AU-PRO (fractions) to be chosen. On the
// quality benchmark, leads of raw scores under 0.1 on synthetic defects went either way on real ones (marble
// +0.020 and print +0.018 lost with raw scores, cup +0.038 won), while coin, which raw scores suit, led by
// 0.14 (docs/benchmarks.md, session 11). A margin set on that benchmark: normalisation stays the rule.
inline constexpr double kRawScoreMargin = 0.10;

// bundle: the trained model without position statistics; stats: fitted on its training grids; holdout:
// at least one normal image the model did not train on. Normalisation is kept unless raw scores give a
// pixel AUROC + AU-PRO higher by kRawScoreMargin. Reports ("positions", done, total); throws
// kensa::Cancelled.
PositionChoice choose_position_scoring(const model::ModelBundle& bundle, const postprocess::PositionStatistics& stats,
                                       const std::vector<cv::Mat>& holdout, const TrainingConfig& config,
                                       const ProgressCallback& progress = {});

}  // namespace kensa::engine
