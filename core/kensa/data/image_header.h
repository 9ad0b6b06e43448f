#pragma once
// The pixel size an image file declares in its header, read before anything is decoded: a PNG of 1 MB can
// declare 30000 x 30000 pixels (a "decompression bomb"), and only the header says so before the decoder
// has allocated gigabytes.

#include <opencv2/core.hpp>

#include <optional>
#include <span>
#include <string_view>

namespace kensa::data {

// The container format named by the first bytes: "PNG", "JPEG", "BMP", "TIFF", or empty for none of ours.
std::string_view sniff_format(std::span<const unsigned char> bytes);

// Width and height from a PNG, JPEG, BMP or TIFF header, found where the decoders find them (a JPEG's
// frame header after skipped junk bytes, a TIFF side in any integer type); nullopt when the bytes are none
// of those formats or no size can be read (cut short, damaged): such an image is not decoded at all.
std::optional<cv::Size> declared_size(std::span<const unsigned char> bytes);

}  // namespace kensa::data
