#include <kensa/data/image_io.h>

#include <kensa/base/atomic_file.h>
#include <kensa/data/image_folder.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <span>
#include <string_view>
#include <vector>

namespace kensa::data {

namespace {

namespace fs = std::filesystem;

// The container format named by the first bytes of a file, or empty when none of ours matches.
std::string_view sniff_format(std::span<const uchar> bytes) {
    auto starts_with = [&](std::initializer_list<uchar> magic) {
        return bytes.size() >= magic.size() && std::equal(magic.begin(), magic.end(), bytes.begin());
    };
    if (starts_with({0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}))
        return "PNG";
    if (starts_with({0xff, 0xd8, 0xff}))
        return "JPEG";
    if (starts_with({'B', 'M'}))
        return "BMP";
    if (starts_with({'I', 'I', 42, 0}) || starts_with({'M', 'M', 0, 42}))
        return "TIFF";
    return {};
}

bool looks_like_text(std::span<const uchar> bytes) {
    const auto head = bytes.first(std::min<size_t>(bytes.size(), 512));
    return !head.empty() && std::all_of(head.begin(), head.end(), [](uchar c) {
        return c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7f) || c >= 0x80;
    });
}

// Reads the whole file; the error names what the file system said.
std::vector<uchar> read_bytes(const fs::path& path) {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (!fs::exists(status))
        throw file_error(path, "file not found");
    if (fs::is_directory(status))
        throw file_error(path, "is a folder, not an image file");
    if (!fs::is_regular_file(status))
        throw file_error(path, "not a regular file");
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw file_error(path, "cannot read: " + ec.message());
    if (size == 0)
        throw file_error(path, "file is empty (0 bytes)");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw file_error(path, std::string("cannot open: ") + std::strerror(errno));
    std::vector<uchar> bytes(size);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size));
    if (static_cast<uintmax_t>(in.gcount()) != size)
        throw file_error(path, "read failed");
    return bytes;
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
    cv::Mat image;
    try {
        const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8U, const_cast<uchar*>(bytes.data()));
        image = cv::imdecode(buffer, flags);
    } catch (const cv::Exception& e) {
        throw file_error(label, "the " + std::string(format) + " data cannot be decoded (" + e.err + ")");
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
    return decode_bytes(read_bytes(path), path, flags);
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

}  // namespace

Result<cv::Mat> read_image(const fs::path& path) {
    return capture([&] { return to_rgb_float(decode(path, k_image_flags), path); });
}

Result<cv::Mat> decode_image(std::span<const unsigned char> bytes, const fs::path& label) {
    return capture([&] { return to_rgb_float(decode_bytes(bytes, label, k_image_flags), label); });
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
    std::vector<uchar> bytes;
    try {
        if (!cv::imencode(path.extension().string(), out, bytes))
            throw file_error(path, "encoding failed");
    } catch (const cv::Exception& e) {
        throw file_error(path, "cannot encode as '" + path.extension().string() + "': " + e.err);
    }
    write_file_atomically(path, std::as_bytes(std::span(bytes)));
}

}  // namespace kensa::data
