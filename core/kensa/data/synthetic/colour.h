#pragma once
// Colour helpers shared by the generators: random colours and CutPaste-style colour jitter.

#include <kensa/data/random.h>

#include <opencv2/core.hpp>

namespace kensa::data::synthetic {

float luminance(const cv::Vec3f& rgb);

// A colour of random hue, saturation and value (each uniform), so dark, pale and vivid all occur.
cv::Vec3f random_colour(Random& rng);

// Brightness, contrast and saturation factors and a hue rotation, like torchvision's ColorJitter.
struct ColourJitter {
    float brightness = 1;
    float contrast = 1;
    float saturation = 1;
    float hue_degrees = 0;

    // Factors drawn from [1 - strength, 1 + strength], hue from +-180 * strength degrees.
    static ColourJitter random(Random& rng, double strength);

    // Applies the jitter in place; contrast pivots on `mean_grey`, the region's mean luminance.
    void apply(cv::Mat3f& rgb, float mean_grey) const;
};

}  // namespace kensa::data::synthetic
