#pragma once
// The one place Kensa decodes (and encodes) image files.

#include <kensa/base/result.h>

#include <opencv2/core.hpp>

#include <filesystem>
#include <span>
#include <vector>

namespace kensa::data {

// The largest image Kensa decodes: 100 megapixels (five times a 20-megapixel line camera's frame; as
// float RGB it takes 1.2 GB), no side over 30000 pixels. Checked on the file's header before decoding, so a
// small file that declares a huge image is refused at once.
inline constexpr int64_t kMaxImagePixels = 100'000'000;
inline constexpr int kMaxImageSide = 30'000;

// Reads a PNG, JPEG, BMP or TIFF file (8- or 16-bit; grey, RGB or RGBA) as CV_32FC3 RGB in [0, 1] at the
// file's own size. 8-bit values are scaled by 1/255, 16-bit by 1/65535; grey is copied to all three
// channels. Alpha is dropped: the stored colour values are used as they are, whatever their opacity
// (inspection images are opaque, and compositing would invent a background colour). An EXIF orientation
// tag is applied, so images appear as any photo viewer shows them. For TIFF, the first page is read.
// The error says which file and why (missing, not a regular file, empty, not an image, larger than
// kMaxImagePixels, damaged, unsupported depth, out of memory).
Result<cv::Mat> read_image(const std::filesystem::path& path);

// Decodes image bytes held in memory exactly as read_image decodes a file; `label` names them in errors.
Result<cv::Mat> decode_image(std::span<const unsigned char> bytes, const std::filesystem::path& label);

// Reads a defect mask as CV_8UC1 with 0 (normal) or 255 (defect) at the file's own size. A pixel is a
// defect when any colour channel is nonzero (8- or 16-bit); with an alpha channel it must also be
// non-transparent. No EXIF orientation is applied: masks are written by tools, not cameras.
Result<cv::Mat> read_mask(const std::filesystem::path& path);

// Decodes the file fully (so damage is found, as read_image would) and returns its size; cheaper than
// read_image because nothing is converted.
Result<cv::Size> probe_image(const std::filesystem::path& path);

// The image encoded in the format label's extension names (.png, .jpg, .bmp, .tif, .tiff), as cv::imencode
// encodes it, with the output buffer reserved first: OpenCV grows it from inside libpng's and libtiff's
// callbacks, where running out of memory cannot be caught and aborted the process (a 400 MB map). Throws
// kensa::Error naming label instead (out of memory, an encoder that fails).
std::vector<unsigned char> encode_image(const std::filesystem::path& label, const cv::Mat& image);

// Writes an image, encoded by the file extension (.png, .jpg, .bmp, .tif), atomically. Accepts
// CV_32FC3 RGB or CV_32FC1 in [0, 1] (rounded to 8 bits) and CV_8UC1 (e.g. a mask). Throws kensa::Error.
void write_image(const std::filesystem::path& path, const cv::Mat& image);

}  // namespace kensa::data
