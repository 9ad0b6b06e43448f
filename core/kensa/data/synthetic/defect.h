#pragma once
// What every synthetic-defect generator returns, and the contract it keeps.

#include <opencv2/core.hpp>

#include <string>

namespace kensa::data::synthetic {

// A normal image with one synthetic defect (which may consist of several pieces, e.g. confetti).
//  - image: CV_32FC3 RGB in [0, 1], the input's size.
//  - mask:  CV_8UC1, 255 where the defect covers at least half of the pixel, else 0; never empty.
//  - Pixels farther than 1 px (8-neighbourhood) from the mask are bit-identical to the input: edges are
//    anti-aliased, so a rim of at most 1 px just outside the mask may be faintly blended.
//  - Same input, same seed and same parameters give bit-identical results.
struct SyntheticDefect {
    cv::Mat image;
    cv::Mat mask;
    std::string generator;  // the id of the generator that made it, e.g. "confetti"
};

// Lengths in generator parameters are pixels of a 256-px image and scale with the input's shorter
// side, so one setting gives the same look at any resolution.
inline constexpr double k_reference_side = 256.0;

}  // namespace kensa::data::synthetic
