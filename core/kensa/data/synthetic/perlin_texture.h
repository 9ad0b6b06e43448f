#pragma once
// DRAEM-style defects (Zavrtanik et al., ICCV 2021): regions where thresholded Perlin noise is high,
// filled with a blend of a foreign texture (a rotated, zoomed, recoloured crop of a texture photo).

#include <kensa/data/synthetic/defect.h>
#include <kensa/data/synthetic/params.h>
#include <kensa/data/synthetic/texture_source.h>

#include <cstdint>

namespace kensa::data::synthetic {

struct PerlinTextureParams {
    int min_scale_log2 = 0;  // 2^value noise cells across the image (DRAEM: 0-5)
    int max_scale_log2 = 5;
    double threshold = 0.5;    // noise above it is defect; noise lies in [-1, 1] (DRAEM: 0.5)
    double max_rotation = 90;  // degrees, of the noise pattern
    double min_opacity = 0.3;  // texture weight in the blend (DRAEM: 1 - beta, beta in [0, 0.8])
    double max_opacity = 1.0;
    double min_area = 0.005;  // the region is redrawn until it covers this share of the image...
    double max_area = 0.4;    // ...and no more (as far as a few draws allow)

    static std::span<const ParamField<PerlinTextureParams>> fields();
    void validate() const;
};

// `textures` null: the built-in textures. Throws kensa::Error for bad params, a non-CV_32FC3 image or a
// texture file that cannot be decoded.
SyntheticDefect perlin_texture(const cv::Mat& image, uint64_t seed, const PerlinTextureParams& params = {},
                               const TextureSource* textures = nullptr);

}  // namespace kensa::data::synthetic
