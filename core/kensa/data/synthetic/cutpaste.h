#pragma once
// CutPaste (Li et al., CVPR 2021): a region of the image itself, optionally colour-jittered, pasted at
// another place. "patch": a rectangle of 2-15 % of the image; "scar": a thin, long, rotated rectangle.

#include <kensa/data/synthetic/defect.h>
#include <kensa/data/synthetic/params.h>

#include <cstdint>

namespace kensa::data::synthetic {

struct CutPastePatchParams {
    double min_area = 0.02;  // share of the image area (the paper: 0.02-0.15)
    double max_area = 0.15;
    double max_aspect = 3.3;  // long side / short side (the paper: 0.3-3.3)
    double max_rotation = 0;  // degrees; the paper pastes patches unrotated
    double colour_jitter = 0.1;

    static std::span<const ParamField<CutPastePatchParams>> fields();
    void validate() const;
};

struct CutPasteScarParams {
    // px on a 256-px image. The paper's scars (width 2-16, length 10-25) are stubs that vanish on
    // textured surfaces; longer, thinner ones read as scars.
    double min_width = 2;
    double max_width = 8;
    double min_length = 20;
    double max_length = 80;
    double max_rotation = 45;  // degrees away from vertical
    double colour_jitter = 0.1;

    static std::span<const ParamField<CutPasteScarParams>> fields();
    void validate() const;
};

// Both throw kensa::Error for bad params or a non-CV_32FC3 image.
SyntheticDefect cutpaste_patch(const cv::Mat& image, uint64_t seed, const CutPastePatchParams& params = {});
SyntheticDefect cutpaste_scar(const cv::Mat& image, uint64_t seed, const CutPasteScarParams& params = {});

}  // namespace kensa::data::synthetic
