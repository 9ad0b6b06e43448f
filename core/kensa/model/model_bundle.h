#pragma once
// A trained Kensa model of any method as one file: everything `kensa-cli infer` or the app needs to
// reproduce its maps on another machine. The file is safetensors (tensors + a string map), so it stays
// plain data:
//   __metadata__["format"]   "kensa-model"
//   __metadata__["version"]  the bundle format version (kBundleFormatVersion)
//   __metadata__["model"]    JSON: method, the method's settings, backbone, image size, map options,
//                            tiling (only when the model tiles), region (only when it has one),
//                            thresholds, training record
//   __metadata__["checksum"] tensor_checksum() of all tensors: detects corruption the format itself cannot
//   tensors "backbone.*"     the backbone's weights (so the bundle runs without installed weights)
//   tensors "score.*"        post-processing state shared by all methods (position statistics)
//   other tensors            the method's own (ADTR: "adtr.*", "features.mean", "features.std", "memory.bank")
// Version 1 (before methods had ids) had no "method" and ADTR's settings under "adtr": it loads as ADTR.
// Version 3 adds "tiling"; only tiled models are written as version 3, so a Kensa that cannot tile refuses
// them ("update Kensa") instead of inspecting them whole, and every other model stays readable by it.
// Version 4 adds "region" (the region of interest), written only for models that have one, for the same reason.

#include <kensa/io/safetensors.h>
#include <kensa/model/region_of_interest.h>
#include <kensa/model/tiling.h>

#include <filesystem>
#include <limits>
#include <optional>
#include <string>

namespace kensa::model {

inline constexpr const char* kBundleFormat = "kensa-model";
inline constexpr int kBundleFormatVersion = 4;  // the newest this Kensa reads; written for a region of interest
inline constexpr int kTiledBundleFormatVersion = 3;    // written for a tiled model without a region
inline constexpr int kUntiledBundleFormatVersion = 2;  // what it writes for a model that does neither

// Decision thresholds. Image: images scoring at or above it are NG. Pixel: map values at or above it are
// outlined as defects. Set from normal data only (a held-out slice of the training images) so a model
// trained on normal images never flags everything; F1-optimal ones are added when labels exist.
struct Thresholds {
    static constexpr float kUnset = std::numeric_limits<float>::quiet_NaN();
    float image = kUnset;
    float pixel = kUnset;
    double normal_quantile = 0.0;  // the quantile of held-out normal scores/pixels they sit at
    int holdout_images = 0;        // how many normal images that distribution came from
    std::optional<float> image_f1_optimal;
    std::optional<float> pixel_f1_optimal;
};

struct ModelBundle {
    std::string method = "adtr";            // the method's id (methods/registry.h)
    std::string settings_json = "{}";       // the method's own settings (JSON object; ADTR: its transformer)
    std::string backbone;                   // backbone id, e.g. "mobilenet_v2"
    std::string backbone_weights_checksum;  // tensor_checksum() of the backbone weights it was trained with
    int image_size = 224;
    int first_feature_stage = 0;  // backbone stages before this one are left out (0: all stages)
    double gaussian_sigma = 4.0;  // anomaly map smoothing, model pixels
    int score_pool = 16;          // image score pooling window; 0 = mean
    Tiling tiling;                // off unless the model inspects large images tile by tile
    RegionOfInterest region;      // off unless the model looks only inside a region of the image
    Thresholds thresholds;
    std::string training_json = "{}";  // settings and statistics of the training run (JSON object)
    io::TensorArchive tensors;         // see above; metadata is filled in on save
};

// "crc32:<decimal>" over all tensor bytes in order: identifies weights, detects corruption.
std::string tensor_checksum(const io::TensorArchive& archive);

// Atomic (temp file + rename). Throws kensa::Error.
void save_bundle(const std::filesystem::path& path, const ModelBundle& bundle);

// Throws kensa::Error naming the file: not a Kensa model, a newer format version, truncated or corrupt.
// Whether the method's settings and tensors fit is the method's check (Method::load).
ModelBundle load_bundle(const std::filesystem::path& path);

}  // namespace kensa::model
