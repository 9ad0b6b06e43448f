#include <kensa/data/image_io.h>

#include <kensa/base/atomic_file.h>
#include <kensa/base/file_bytes.h>
#include <kensa/data/image_folder.h>
#include <kensa/data/image_header.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <new>
#include <span>
#include <string_view>
#include <vector>

namespace kensa::data {

namespace {

namespace fs = std::filesystem;

bool looks_like_text(std::span<const uchar> bytes) {
    const auto head = bytes.first(std::min<size_t>(bytes.size(), 512));
    return !head.empty() && std::all_of(head.begin(), head.end(), [](uchar c) {
        return c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7f) || c >= 0x80;
    });
}

// Refuses, before decoding, an image whose header declares more pixels than Kensa inspects, or none.
void check_declared_size(std::span<const uchar> bytes, std::string_view format, const fs::path& label) {
    const auto size = declared_size(bytes);
    if (!size) {  // decoding it anyway would leave the decoder to allocate whatever it finds later
        throw file_error(label, "the " + std::string(format) +
                                    " header is damaged or truncated: it states no image size (" +
                                    std::to_string(bytes.size()) + " bytes); re-export or re-copy the file");
    }
    const double pixels = double(size->width) * double(size->height);
    if (pixels > double(kMaxImagePixels) || size->width > kMaxImageSide || size->height > kMaxImageSide) {
        char text[160];
        std::snprintf(text, sizeof text,
                      "%d x %d pixels (%.0f megapixels) is larger than Kensa reads (%lld megapixels, at most "
                      "%d pixels a side)",
                      size->width, size->height, pixels / 1e6,
                      static_cast<long long>(kMaxImagePixels / 1000000), kMaxImageSide);
        throw file_error(label, text);
    }
}

// Decodes with OpenCV, which gives an empty Mat without a reason: the reason is derived here.
// `label` (a path) names the data in errors.
cv::Mat decode_bytes(std::span<const uchar> bytes, const fs::path& label, int flags) {
    if (bytes.empty())
        throw file_error(label, "file is empty (0 bytes)");
    const auto format = sniff_format(bytes);
    if (format.empty()) {
        std::string reason = "not a supported image: its contents are not PNG, JPEG, BMP or TIFF";
        if (looks_like_text(bytes))
            reason += " (it is a text file)";
        if (!is_image_file(label)) {
            reason += "; the extension '" + label.extension().string() + "' is not one Kensa reads";
        }
        throw file_error(label, reason);
    }
    check_declared_size(bytes, format, label);
    cv::Mat image;
    try {
        const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8U, const_cast<uchar*>(bytes.data()));
        image = cv::imdecode(buffer, flags);
    } catch (const cv::Exception& e) {
        throw file_error(label, "the " + std::string(format) + " data cannot be decoded (" + e.err + ")");
    } catch (const std::bad_alloc&) {
        throw file_error(label, "not enough memory to decode this " + std::string(format) + " image");
    }
    if (image.empty()) {
        throw file_error(label, "the " + std::string(format) + " data is damaged or truncated (" +
                                    std::to_string(bytes.size()) + " bytes); re-export or re-copy the file");
    }
    if (image.depth() != CV_8U && image.depth() != CV_16U) {
        throw file_error(label,
                         "unsupported pixel depth (" + std::string(format) +
                             " with floating-point or 32-bit samples); Kensa reads 8- and 16-bit images");
    }
    return image;
}

cv::Mat decode(const fs::path& path, int flags) {
    const auto bytes = read_regular_file(path);
    return decode_bytes({reinterpret_cast<const uchar*>(bytes.data()), bytes.size()}, path, flags);
}

cv::Mat to_rgb_float(const cv::Mat& raw, const fs::path& label) {
    cv::Mat rgb;
    if (raw.channels() == 1) {
        cv::cvtColor(raw, rgb, cv::COLOR_GRAY2RGB);
    } else if (raw.channels() == 3) {
        cv::cvtColor(raw, rgb, cv::COLOR_BGR2RGB);
    } else {
        throw file_error(label, "unsupported number of channels (" + std::to_string(raw.channels()) + ")");
    }
    cv::Mat out;
    rgb.convertTo(out, CV_32F, raw.depth() == CV_16U ? 1.0 / 65535.0 : 1.0 / 255.0);
    return out;
}

// ANYCOLOR yields 1 or 3 channels (alpha dropped); ANYDEPTH keeps 16 bits; EXIF orientation applies.
constexpr int k_image_flags = cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR;

// The conversion to float quadruples the decoded size: memory can run out there too.
cv::Mat to_rgb_float_or_error(const cv::Mat& raw, const fs::path& label) {
    try {
        return to_rgb_float(raw, label);
    } catch (const std::bad_alloc&) {
        throw file_error(label, "not enough memory to convert this " + std::to_string(raw.cols) + " x " +
                                    std::to_string(raw.rows) + " image");
    } catch (const cv::Exception& e) {
        if (e.code == cv::Error::StsNoMem)  // OpenCV's own allocator reports it so
            throw file_error(label, "not enough memory to convert this " + std::to_string(raw.cols) + " x " +
                                        std::to_string(raw.rows) + " image");
        throw file_error(label, "cannot convert the decoded image (" + e.err + ")");
    }
}

}  // namespace

Result<cv::Mat> read_image(const fs::path& path) {
    return capture([&] { return to_rgb_float_or_error(decode(path, k_image_flags), path); });
}

Result<cv::Mat> decode_image(std::span<const unsigned char> bytes, const fs::path& label) {
    return capture([&] { return to_rgb_float_or_error(decode_bytes(bytes, label, k_image_flags), label); });
}

Result<cv::Size> probe_image(const fs::path& path) {
    return capture([&] { return decode(path, k_image_flags).size(); });
}

Result<cv::Mat> read_mask(const fs::path& path) {
    return capture([&] {
        const cv::Mat raw = decode(path, cv::IMREAD_UNCHANGED);
        std::vector<cv::Mat> channels;
        cv::split(raw, channels);
        const bool has_alpha = channels.size() == 2 || channels.size() == 4;
        const size_t colours = has_alpha ? channels.size() - 1 : channels.size();
        cv::Mat mask = cv::Mat::zeros(raw.size(), CV_8UC1);
        for (size_t c = 0; c < colours; ++c)
            mask |= (channels[c] != 0);
        if (has_alpha)
            mask &= (channels.back() != 0);
        return mask;
    });
}

void write_image(const fs::path& path, const cv::Mat& image) {
    cv::Mat out;
    if (image.type() == CV_32FC3) {
        cv::Mat rgb8;
        image.convertTo(rgb8, CV_8U, 255.0);  // rounds and saturates
        cv::cvtColor(rgb8, out, cv::COLOR_RGB2BGR);
    } else if (image.type() == CV_32FC1) {
        image.convertTo(out, CV_8U, 255.0);
    } else if (image.type() == CV_8UC1) {
        out = image;
    } else {
        throw file_error(path, "cannot write an image of OpenCV type " + std::to_string(image.type()));
    }
    const auto bytes = encode_image(path, out);
    write_file_atomically(path, std::as_bytes(std::span(bytes)));
}

std::vector<uchar> encode_image(const fs::path& label, const cv::Mat& image) {
    // More than any of the formats needs (uncompressed TIFF, PNG of noise, LZW's worst case of 1.5x), so
    // the encoder never grows the buffer; the pages are not touched until written.
    const size_t raw = image.total() * image.elemSize();
    std::vector<uchar> bytes;
    try {
        bytes.reserve(raw + raw / 2 + (size_t(1) << 16));
    } catch (const std::bad_alloc&) {
        throw file_error(label, "not enough memory to encode this " + std::to_string(image.cols) + " x " +
                                    std::to_string(image.rows) + " image");
    } catch (const std::length_error&) {
        throw file_error(label, "too large to encode");
    }
    try {
        if (!cv::imencode(label.extension().string(), image, bytes))
            throw file_error(label, "encoding failed");
    } catch (const cv::Exception& e) {
        throw file_error(label, "cannot encode as '" + label.extension().string() + "': " + e.err);
    }
    return bytes;
}

}  // namespace kensa::data
