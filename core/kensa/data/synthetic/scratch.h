#pragma once
// Scratches: thin, gently curved strokes (cubic Bezier curves with tapered ends), darker (a groove in
// shadow) or lighter (scraped-off paler material) than the surface, unevenly deep along their length.

#include <kensa/data/synthetic/defect.h>
#include <kensa/data/synthetic/params.h>

#include <cstdint>

namespace kensa::data::synthetic {

struct ScratchParams {
    int min_count = 1;
    int max_count = 3;
    double min_length = 30;  // px on a 256-px image
    double max_length = 160;
    double min_width = 1;  // px on a 256-px image; never drawn thinner than 1 image pixel
    double max_width = 3;
    double curvature = 0.2;     // how far the curve may bow off a straight line, share of its length
    double dark_share = 0.5;    // scratches darker than the surface; the rest are lighter
    double min_strength = 0.5;  // how far a scratch goes towards black or white
    double max_strength = 0.9;
    double parallel_share = 0.5;  // extra scratches that run alongside the first, as in a scuff

    static std::span<const ParamField<ScratchParams>> fields();
    void validate() const;
};

// Throws kensa::Error for bad params or a non-CV_32FC3 image.
SyntheticDefect scratch(const cv::Mat& image, uint64_t seed, const ScratchParams& params = {});

}  // namespace kensa::data::synthetic
