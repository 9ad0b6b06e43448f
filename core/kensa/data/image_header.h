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

// Whether the bytes end where their format says a file ends: a JPEG's end-of-image marker (zero padding
// after it allowed), a PNG's IEND chunk, a BMP's declared file size. A file still being written fails this,
// where decoders may not notice (a cut JPEG decodes with its missing rows grey). TIFF, which has no end
// marker, and bytes of no known format pass.
bool ends_complete(std::span<const unsigned char> bytes);

}  // namespace kensa::data
