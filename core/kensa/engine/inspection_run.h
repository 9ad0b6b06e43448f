#pragma once
// Inspecting a list of images with one model, as a batch: scores, small anomaly maps and, where the truth
// is known, the evaluation (ROC, PRO, AUROC, AU-PRO, F1-optimal thresholds) computed once, so a threshold
// slider afterwards only recounts verdicts. LibTorch-free API.
//
// Memory: images are decoded batch_size at a time; each image keeps only a map (and its ground-truth
// mask) reduced to at most map_side pixels on the long side, never its full-resolution map.

#include <kensa/base/progress.h>
#include <kensa/metrics/evaluation.h>
#include <kensa/postprocess/verdicts.h>

#include <opencv2/core.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kensa::engine {

class Inspector;
class MapArena;

struct InspectionItem {
    std::filesystem::path image;
    postprocess::Truth truth = postprocess::Truth::Unknown;
    std::string defect_type;     // for Truth::Defect (empty: "defect")
    std::filesystem::path mask;  // 0/255 defect mask of a Truth::Defect image; empty: not annotated
};

struct InspectionRunConfig {
    int batch_size = 8;
    int map_side = 128;  // long side of the kept maps and masks, in pixels (never larger than the image)
    metrics::EvaluationConfig evaluation;
};

struct InspectedImage {
    float score = std::numeric_limits<float>::quiet_NaN();  // NaN when the image failed
    cv::Size image_size;                                    // the image's own size
    // Both point into their InspectionRun's storage: keep the run (or a copy of it) while using them.
    cv::Mat map;          // CV_32FC1, reduced (area-averaged) to at most map_side on the long side
    cv::Mat mask;         // CV_8UC1 0/255 at the map's size; empty: no annotation was read
    std::string error;    // why this image has no score (unreadable file, ...); empty when inspected
    std::string warning;  // scored, but e.g. its mask was unreadable and is left out of pixel metrics
};

struct InspectionRun {
    std::vector<InspectedImage> images;  // one per item, in order
    int failed = 0;                      // images with an error
    // Ranges of the scores and of every map value seen (NaN while nothing was scored): sliders cover them.
    float score_min = std::numeric_limits<float>::quiet_NaN(), score_max = score_min;
    float map_min = score_min, map_max = score_min;
    // Metrics over the scored images whose truth is known; absent when there are none.
    std::optional<metrics::EvaluationReport> evaluation;
    std::string evaluation_error;  // why there is no evaluation although labelled images were scored
    std::shared_ptr<const MapArena> storage;  // owns every map and mask of images (shared by copies)

    std::vector<float> scores() const;  // per item, NaN for failed ones
};

// Reports ("inspecting", done, total) after every batch, then evaluate()'s ("metrics", ...); returning
// false stops after the current batch (throws kensa::Cancelled). Per-image problems never throw: they
// become InspectedImage::error / warning. Throws kensa::Error on a bad config.
InspectionRun run_inspection(Inspector& inspector, std::span<const InspectionItem> items,
                             const InspectionRunConfig& config = {}, const ProgressCallback& progress = {});

}  // namespace kensa::engine
