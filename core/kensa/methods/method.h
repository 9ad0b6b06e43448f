#pragma once
// The interface every anomaly-detection method implements (ADTR today; PatchCore, PaDiM, SPADE next):
// fit on normal images (and defect samples, if it learns from them) into a model bundle, and score
// images with a loaded bundle. The shared training flow (engine/training.h) and post-processing
// (postprocess/) do the rest: the held-out slice and thresholds, position normalisation, smoothing,
// the map at each image's size, the image score, the verdict. A method lives in its own folder under
// methods/ and is listed once in registry.cpp. LibTorch-free.

#include <kensa/base/progress.h>
#include <kensa/methods/training.h>
#include <kensa/model/model_bundle.h>
#include <kensa/postprocess/position_normalization.h>

#include <opencv2/core.hpp>

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace kensa::engine {

// What a method says about one image before post-processing.
struct GridScore {
    cv::Mat grid;                // CV_32FC1 of Detector::grid_size(), higher = more anomalous
    std::optional<float> score;  // the method's own image score (PatchCore's re-weighted one, SPADE's
                                 // image kNN); empty: the map's pooled maximum (postprocess)
};

// A loaded model of one method.
class Detector {
public:
    virtual ~Detector() = default;

    // The size of the grids score() returns.
    virtual cv::Size grid_size() const = 0;

    // Per image (CV_32FC3 RGB in [0, 1], any size), the method's anomaly grid and perhaps its own image
    // score, before post-processing. All images go through the model at once (the caller batches). Not
    // thread-safe: one call at a time.
    virtual std::vector<GridScore> score(const std::vector<cv::Mat>& images) = 0;
};

// What a method's fit hands to the shared training flow.
struct FitResult {
    // bundle: everything but the method id, the map options, thresholds and position statistics
    // (backbone, settings_json, tensors; training_json: the method's own record as a JSON object).
    // The statistics it knows (times, losses, mode, warnings) are filled in.
    TrainingResult result;
    // The training images' grids, when the method scores positions relative to their spread on normal
    // images (postprocess/position_normalization.h); empty otherwise.
    std::vector<cv::Mat> training_grids;
    // With training grids: normalise, or let the engine choose on held-out images (never Raw here).
    postprocess::PositionScoring positions = postprocess::PositionScoring::Normalised;
};

class Method {
public:
    virtual ~Method() = default;

    virtual std::string_view id() const = 0;       // recorded in bundles: "adtr"
    virtual std::string_view name() const = 0;     // "ADTR"
    virtual std::string_view summary() const = 0;  // one line for --help and the app
    // Whether `kensa-cli compare` trains it when no methods are named: not a method whose training takes many
    // minutes (the diffusion denoiser), which a user asks for.
    virtual bool compared_by_default() const { return true; }

    // normal: the training images (the held-out slice already removed); defects: as given (the method
    // decides whether to use them, and says so in result.defect_images). Reports progress with the
    // stages "features" and "training"; returning false from it throws kensa::Cancelled within one step.
    // Throws kensa::Error on bad settings.
    virtual FitResult fit(const std::vector<cv::Mat>& normal, const std::vector<DefectSample>& defects,
                          const TrainingConfig& config, const ProgressCallback& progress) const = 0;

    // A detector from a bundle of this method. threads: 0 = all cores. Throws kensa::Error when the
    // bundle's settings or tensors do not fit the method.
    virtual std::unique_ptr<Detector> load(const model::ModelBundle& bundle, int threads) const = 0;
};

}  // namespace kensa::engine
