#pragma once
// Training a model of any method (TrainingConfig::method), the same way for all: a held-out slice of the
// normal images is kept out; the method fits on the rest; position statistics (where the method scores
// per position) and the image and pixel thresholds (from the held-out images, scored exactly as
// inference will score them) complete the bundle, with one training record. LibTorch-free.

#include <kensa/base/progress.h>
#include <kensa/methods/training.h>

#include <opencv2/core.hpp>

#include <vector>

namespace kensa::engine {

// Reports the method's stages ("features", "training", ...), then ("thresholds", i, n) while scoring the
// held-out images; returning false from the callback stops within one step (throws Cancelled; nothing
// is returned, nothing written). Throws kensa::Error on bad configuration, an unknown method or too few
// images.
TrainingResult train(const TrainingData& data, const TrainingConfig& config, const ProgressCallback& progress = {});

// Normal-only data without names.
TrainingResult train(const std::vector<cv::Mat>& normal_images, const TrainingConfig& config,
                     const ProgressCallback& progress = {});

}  // namespace kensa::engine
