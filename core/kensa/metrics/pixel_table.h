#pragma once
// Every pixel of a set of anomaly maps, sorted once by score, so pixel AUROC and AU-PRO of any subset of
// the images (e.g. the good images plus one defect type) cost one linear sweep each.
// Memory: 16 bytes per pixel while building, 8 bytes per pixel kept.

#include <kensa/base/progress.h>
#include <kensa/metrics/pro.h>
#include <kensa/metrics/roc.h>
#include <kensa/metrics/score_sort.h>

#include <opencv2/core/mat.hpp>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kensa::metrics {

struct PixelSweepOptions {
    bool roc = true;
    bool pro = true;
    size_t max_roc_points = 512;
    ProOptions pro_options;
};

struct PixelSweepResult {
    RocResult roc;  // left default when not requested
    ProResult pro;
};

class PixelTable {
public:
    // anomaly_maps: CV_32FC1; masks: CV_8UC1 of the same size, nonzero = defect, or empty = no defect.
    // names[i] (optional) names image i in error messages. Throws kensa::Error on a type or size
    // mismatch or a NaN score; kensa::Cancelled when progress asks to stop.
    PixelTable(std::span<const cv::Mat> anomaly_maps, std::span<const cv::Mat> masks,
               std::span<const std::string> names = {}, const ProgressCallback& progress = {});

    size_t image_count() const { return m_image_count; }

    // Metrics over the images with include[i] != 0; an empty span includes every image.
    PixelSweepResult sweep(std::span<const uint8_t> include, const PixelSweepOptions& options) const;

private:
    size_t m_image_count = 0;
    ScoredEntries m_entries;                // pack_scored(score, payload), ascending
    std::vector<uint32_t> m_region_image;   // region index -> image index
    std::vector<double> m_region_inv_size;  // region index -> 1 / pixel count
    std::vector<int64_t> m_defect_pixels;   // per image
    std::vector<int64_t> m_normal_pixels;   // per image
};

}  // namespace kensa::metrics
