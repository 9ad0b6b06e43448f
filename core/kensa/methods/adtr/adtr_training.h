#pragma once
// Training ADTR on normal images (and, in anomaly-available mode, defect samples and synthetic
// defects): features once from the frozen backbone, then the reconstruction transformer. What comes
// before (the held-out slice) and after (thresholds, position statistics, the shared record) is the
// engine's (engine/training.h). LibTorch-free API.

#include <kensa/methods/method.h>

#include <vector>

namespace kensa::adtr {

// Method::fit for ADTR. Reports ("features", i, n) while extracting (normal images, then defect samples)
// and ("training", step, steps) with value = loss and detail "epoch e/E" after every optimiser step. In
// anomaly-available mode, synthetic and moved defects are drawn at the start of every epoch on copies of
// normal training images resized to the model's input size (only the copies go through the backbone; the
// rest come from the feature cache) and join the epoch next to their originals, up to
// AnomalyTrainingConfig::max_epoch_size; defect samples join every epoch.
engine::FitResult fit_adtr(const std::vector<cv::Mat>& normal, const std::vector<engine::DefectSample>& defects,
                           const engine::TrainingConfig& config, const ProgressCallback& progress);

}  // namespace kensa::adtr
