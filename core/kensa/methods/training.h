#pragma once
// What every method trains on and with, and what training gives back (engine/training.h runs it).
// LibTorch-free.

#include <kensa/features/feature_extractor.h>
#include <kensa/methods/adtr/adtr_options.h>
#include <kensa/methods/defect_sample.h>
#include <kensa/methods/diffusion/diffusion_options.h>
#include <kensa/methods/padim/padim_options.h>
#include <kensa/methods/patchcore/patchcore_options.h>
#include <kensa/methods/spade/spade_options.h>
#include <kensa/model/evaluation_exclusions.h>
#include <kensa/model/model_bundle.h>
#include <kensa/model/region_of_interest.h>
#include <kensa/model/tiling.h>
#include <kensa/model/training_mode.h>
#include <kensa/postprocess/anomaly_map.h>
#include <kensa/postprocess/thresholds.h>

#include <opencv2/core.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace kensa::engine {

// What a model trains on. Only the images are needed; the names are recorded in the bundle
// (training_json "training_images") so evaluation can leave those images out.
struct TrainingData {
    std::vector<cv::Mat> normal;            // defect-free images (a slice is held out for thresholds)
    std::vector<std::string> normal_paths;  // empty, or one per normal image, relative to the product or project
    std::vector<DefectSample> defects;      // real defects with masks (for methods that learn from them)
    // Test images (product paths) to leave out of evaluation without training on them, so that models
    // trained on some of them are compared with this one on the same test images.
    std::vector<std::string> set_aside;
};

struct TrainingConfig {
    std::string method = "adtr";     // a method id (methods/registry.h)
    FeatureExtractorConfig features;  // backbone, weights, image size, threads
    postprocess::AnomalyMapOptions map;  // model_size is set from features.image_size
    postprocess::HoldoutConfig holdout;  // normal images kept out of training to set the thresholds
    uint64_t seed = 1;                   // same seed, same data, same model (bit for bit)
    // Large images: train and inspect tile by tile (model/tiling.h). The method fits on the tiles of the
    // training images, at most max_training_tiles of them, spread evenly over images and positions.
    // tiling.tile 0: no tiling, unless smallest_defect > 0: then the tile side comes from it and the first
    // normal image's size (model::auto_tile_side). tiling.overlap < 0: model::default_overlap(tile).
    model::Tiling tiling{0, -1};
    int smallest_defect = 0;
    int max_training_tiles = 500;
    // The region of interest (model/region_of_interest.h): training and inspection see only this part of
    // each image. A reference size of 0 x 0 means the first normal image's size. Applied before tiling.
    model::RegionOfInterest region;

    // Each method's own settings; only the chosen method's are read.
    adtr::AdtrOptions adtr;
    patchcore::PatchCoreOptions patchcore;
    padim::PadimOptions padim;
    spade::SpadeOptions spade;
    diffusion::DiffusionOptions diffusion;
};

struct TrainingResult {
    model::ModelBundle bundle;  // ready for model::save_bundle
    int train_images = 0;
    int holdout_images = 0;
    double feature_seconds = 0.0;
    double training_seconds = 0.0;
    std::vector<std::string> training_images;  // every image the model saw (as recorded in the bundle)
    std::vector<std::string> warnings;         // what the user asked for but did not get, in a sentence

    model::TrainingMode mode = model::TrainingMode::NormalOnly;  // the mode used (never Auto)
    int defect_images = 0;                                      // real defect samples trained on

    // Iterative methods (ADTR): per epoch.
    std::vector<double> epoch_losses;       // mean training loss
    std::vector<double> epoch_seconds;      // wall time (synthetic defects included)
    std::vector<int> synthetic_per_epoch;   // defect copies (synthetic or moved) added
    std::vector<double> synthetic_seconds;  // of which drawing synthetic defects and their features
};

using model::evaluation_exclusions;  // model/evaluation_exclusions.h

}  // namespace kensa::engine
