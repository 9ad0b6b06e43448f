#pragma once
// Deterministic images of one product (a brick surface photographed under slightly varying conditions)
// with realistic defects and exact masks: Kensa's demo product and test material.

#include <opencv2/core.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace kensa::data {

enum class DefectKind { Scratch, Stain, Hole, ForeignMaterial, Color };
inline constexpr std::array<DefectKind, 5> k_defect_kinds = {
    DefectKind::Scratch, DefectKind::Stain, DefectKind::Hole, DefectKind::ForeignMaterial, DefectKind::Color};

// The folder name of a defect kind: "scratch", "stain", "hole", "foreign_material", "color".
std::string_view defect_kind_name(DefectKind kind);

struct DefectSample {
    cv::Mat clean;      // CV_32FC3 RGB in [0, 1]; equals normal_image(seed, size)
    cv::Mat defective;  // clean plus one defect; bit-identical to clean beyond 1 px outside the mask
    cv::Mat mask;       // CV_8UC1, 255 where the defect covers at least half of the pixel, else 0
    DefectKind kind = DefectKind::Scratch;
};

class SampleSynthesizer {
public:
    // product_photo: the surface every image is cut from; empty = the embedded CC0 brick photograph, tinted
    // brick red (the original is greyscale). Another photo is used as read_image returns it and must be at
    // least 128 px a side. Throws kensa::Error when it cannot be read or is too small.
    explicit SampleSynthesizer(const std::filesystem::path& product_photo = {});

    // A normal image, size x size: a crop of the photo at a random place, slightly rotated and maybe
    // flipped, with small brightness, contrast and lighting changes. Same seed and size, same pixels.
    cv::Mat normal_image(uint64_t seed, int size) const;

    // normal_image(seed, size) with one defect of `kind`; its shape, size (small to large), place and look
    // derive from the seed.
    DefectSample defect_sample(DefectKind kind, uint64_t seed, int size) const;

private:
    cv::Mat m_product;               // CV_32FC3 RGB
    std::vector<cv::Mat> m_foreign;  // CV_32FC1 luminance in [0, 1], textures for foreign material
};

}  // namespace kensa::data
