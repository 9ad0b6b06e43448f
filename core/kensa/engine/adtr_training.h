#pragma once
// Training an ADTR model on normal images: features once from the frozen backbone, then the
// reconstruction transformer; thresholds from a held-out slice of the normal images. LibTorch-free API.

#include <kensa/base/progress.h>
#include <kensa/engine/adtr_plus.h>
#include <kensa/engine/anomaly_map.h>
#include <kensa/engine/feature_extractor.h>
#include <kensa/model/model_bundle.h>

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace kensa::engine {

// Kensa's transformer recipe, measured on the sample product (docs/benchmarks.md, "ADTR: how the
// defaults were chosen" and the ablation): the paper's shape with UniAD's neighbour mask, here in the
// encoder too (so longer training does not teach the model to copy defects), pre-norm and feature jitter.
inline model::AdtrConfig default_adtr_config() {
    model::AdtrConfig c;
    c.neighbour_mask = 7;
    c.mask_encoder = true;
    c.pre_norm = true;
    c.jitter_scale = 20.0;
    // Decoder queries from the jittered input tokens, not a learned query: a context-conditioned denoiser
    // (ablation, 2 seeds: 97.8-98.2 / 98.1 / 92.2-92.4 against 75.9 / 94.2 / 80.4 with the learned query).
    c.query_mode = model::QueryMode::None;
    return c;
}

struct TrainingConfig {
    FeatureExtractorConfig features;  // backbone, weights, image size, threads
    model::AdtrConfig adtr = default_adtr_config();  // channels and grid are filled in from the backbone
    model::Precision precision = model::Precision::Auto;
    AnomalyMapOptions map;  // model_size is set from features.image_size

    // Measured on the sample product: detection peaks around 30-40 epochs and then stays flat with the
    // encoder masked (without it, longer training degrades it); lr 1e-3 beats UniAD's 1e-4 at this budget.
    int epochs = 40;
    int batch_size = 8;
    double learning_rate = 1e-3;  // AdamW; x0.1 for the last 20% of epochs (UniAD's step schedule)
    double weight_decay = 1e-4;
    double grad_clip = 0.1;  // max global gradient norm
    // Divide each channel's reconstruction difference by its RMS on the normal training images before
    // the L2 norm: channels the model cannot predict even on normal data (texture noise) then stop
    // drowning out the ones it can. Stored in the bundle as "score.channel_scale".
    bool normalize_residuals = false;
    // Score each grid position in units of its own spread on the normal training images:
    // (grid - mean) / std per position. Border positions, which the model rebuilds worse on every image,
    // then stop producing the highest scores of normal images. "score.position_mean" / "_std".
    bool normalize_positions = true;
    uint64_t seed = 1;       // same seed, same data, same model (bit for bit)

    // Normal images kept out of training to learn what normal scores look like.
    double holdout_fraction = 0.1;
    int min_holdout = 4;
    double image_quantile = 0.99;   // image threshold: this quantile of held-out image scores
    double pixel_quantile = 0.999;  // pixel threshold: this quantile of held-out map values

    // ADTR+: training with defect samples and/or synthetic defects (kensa/engine/adtr_plus.h).
    AnomalyTrainingConfig anomaly;
};

// What a model trains on. Only the images are needed; the names are recorded in the bundle
// (training_json "training_images") so evaluation can leave those images out.
struct TrainingData {
    std::vector<cv::Mat> normal;            // defect-free images (a slice is held out for thresholds)
    std::vector<std::string> normal_paths;  // empty, or one per normal image, relative to the product root
    std::vector<DefectSample> defects;      // real defects with masks (used in anomaly-available mode)
};

struct TrainingResult {
    model::ModelBundle bundle;         // ready for model::save_bundle
    std::vector<double> epoch_losses;  // mean training loss per epoch
    int train_images = 0;
    int holdout_images = 0;
    double feature_seconds = 0.0;
    double training_seconds = 0.0;

    TrainingMode mode = TrainingMode::NormalOnly;  // the mode used (never Auto)
    int defect_images = 0;                         // real defect samples trained on
    std::vector<int> synthetic_per_epoch;          // defect copies (synthetic or moved) added per epoch
    std::vector<double> epoch_seconds;             // wall time per epoch (synthetic defects included)
    std::vector<double> synthetic_seconds;         // of which drawing synthetic defects and their features
    std::vector<std::string> training_images;      // every image the model saw (as recorded in the bundle)
    std::vector<std::string> warnings;             // what the user asked for but did not get, in a sentence
};

// Reports ("features", i, n) while extracting (normal images, then defect samples), ("training", step, steps)
// with value = loss and detail "epoch e/E" after every optimiser step, and ("thresholds", ...) at the end;
// returning false from the callback stops within one step (throws Cancelled; nothing is returned, nothing
// written). Throws kensa::Error on bad configuration or too few images. In anomaly-available mode, synthetic
// defects are drawn at the start of every epoch on copies of normal training images resized to the model's
// input size (only the copies go through the backbone; the rest come from the feature cache) and join the
// epoch next to their originals, up to AnomalyTrainingConfig::max_epoch_size; defect samples join every
// epoch.
TrainingResult train_adtr(const TrainingData& data, const TrainingConfig& config,
                          const ProgressCallback& progress = {});

// Normal-only data without names.
TrainingResult train_adtr(const std::vector<cv::Mat>& normal_images, const TrainingConfig& config,
                          const ProgressCallback& progress = {});

}  // namespace kensa::engine
