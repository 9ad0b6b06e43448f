#pragma once
// Confetti noise, the synthetic defect of the ADTR paper (after FCDD): a few small squares and blobs of
// random colour, white or colour noise, rotated, with softened edges, pasted at random places.

#include <kensa/data/synthetic/defect.h>
#include <kensa/data/synthetic/params.h>

#include <cstdint>

namespace kensa::data::synthetic {

struct ConfettiParams {
    int min_count = 1;
    int max_count = 5;
    double min_size = 8;  // px on a 256-px image (the paper: 8-54)
    double max_size = 54;
    double max_aspect = 1.5;    // 1: squares
    double max_rotation = 45;   // degrees
    double blob_share = 0.3;    // pieces that are irregular blobs instead of rectangles
    double white_share = 0.25;  // pieces that are white
    double noise_share = 0.25;  // pieces filled with colour noise; the rest are one random colour
    double edge_blur = 1.0;     // px on a 256-px image; softens edges inside the piece
    double min_opacity = 0.85;
    double max_opacity = 1.0;

    static std::span<const ParamField<ConfettiParams>> fields();
    void validate() const;  // throws kensa::Error naming the bad field
};

// Throws kensa::Error for bad params or a non-CV_32FC3 image.
SyntheticDefect confetti(const cv::Mat& image, uint64_t seed, const ConfettiParams& params = {});

}  // namespace kensa::data::synthetic
