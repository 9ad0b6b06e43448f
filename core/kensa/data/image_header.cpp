#include <kensa/data/image_header.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <initializer_list>
#include <utility>

namespace kensa::data {

namespace {

using Bytes = std::span<const unsigned char>;

// Unsigned integers of n bytes at offset, or nullopt past the end.
std::optional<uint32_t> big_endian(Bytes b, size_t offset, size_t n) {
    if (offset + n > b.size())
        return std::nullopt;
    uint32_t v = 0;
    for (size_t i = 0; i < n; ++i)
        v = (v << 8) | b[offset + i];
    return v;
}
std::optional<uint32_t> little_endian(Bytes b, size_t offset, size_t n) {
    if (offset + n > b.size())
        return std::nullopt;
    uint32_t v = 0;
    for (size_t i = n; i-- > 0;)
        v = (v << 8) | b[offset + i];
    return v;
}

std::optional<cv::Size> size_of(std::optional<uint32_t> width, std::optional<uint32_t> height) {
    if (!width || !height)
        return std::nullopt;
    // Clamped to int: a declared 4-billion-pixel side must still read as huge, not wrap to a small number.
    const auto clamp = [](uint32_t v) { return static_cast<int>(std::min<uint32_t>(v, INT32_MAX)); };
    return cv::Size(clamp(*width), clamp(*height));
}

std::optional<cv::Size> png_size(Bytes b) {  // IHDR is the first chunk: width, height at 16 and 20
    return size_of(big_endian(b, 16, 4), big_endian(b, 20, 4));
}

std::optional<cv::Size> bmp_size(Bytes b) {
    const auto header = little_endian(b, 14, 4);
    if (!header)
        return std::nullopt;
    if (*header == 12)  // OS/2 BITMAPCOREHEADER: 16-bit sides
        return size_of(little_endian(b, 18, 2), little_endian(b, 20, 2));
    const auto height = little_endian(b, 22, 4);
    if (!height)
        return std::nullopt;
    const auto signed_height = static_cast<int32_t>(*height);  // negative: rows stored top-down
    const auto rows = signed_height == INT32_MIN ? uint32_t(INT32_MAX)
                                                 : static_cast<uint32_t>(signed_height < 0 ? -signed_height
                                                                                           : signed_height);
    return size_of(little_endian(b, 18, 4), rows);
}

// The next marker at or after offset, found as libjpeg finds it: bytes before a 0xFF are skipped (libjpeg
// only warns about "extraneous bytes"), as are 0xFF fill bytes and stuffed 0xFF 0x00 pairs. Returns the
// marker code and the offset just after it.
std::optional<std::pair<unsigned char, size_t>> next_jpeg_marker(Bytes b, size_t offset) {
    for (size_t i = offset; i + 1 < b.size(); ++i) {
        if (b[i] != 0xff)
            continue;
        size_t code = i + 1;
        while (code < b.size() && b[code] == 0xff)
            ++code;
        if (code == b.size())
            return std::nullopt;
        if (b[code] != 0x00)
            return std::pair{b[code], code + 1};
        i = code;
    }
    return std::nullopt;
}

std::optional<cv::Size> jpeg_size(Bytes b) {
    size_t i = 2;  // after SOI
    while (const auto found = next_jpeg_marker(b, i)) {
        const auto [marker, after] = *found;
        if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {  // standalone markers
            i = after;
            continue;
        }
        if (marker == 0xda || marker == 0xd9)  // scan data or end before any frame header
            return std::nullopt;
        const auto length = big_endian(b, after, 2);
        if (!length || *length < 2)
            return std::nullopt;
        // Start of frame: SOF0-SOF15, except DHT (C4), JPG (C8) and DAC (CC).
        if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
            return size_of(big_endian(b, after + 5, 2), big_endian(b, after + 3, 2));
        i = after + *length;
    }
    return std::nullopt;
}

// The first IFD's ImageWidth (256) and ImageLength (257), in any integer type libtiff accepts for them (a
// type read here but not there only makes the check stricter). Several entries of one tag: the largest.
std::optional<cv::Size> tiff_size(Bytes b) {
    const bool little = b[0] == 'I';
    const auto read = [&](size_t offset, size_t n) {
        return little ? little_endian(b, offset, n) : big_endian(b, offset, n);
    };
    const auto ifd = read(4, 4);
    if (!ifd)
        return std::nullopt;
    const auto entries = read(*ifd, 2);
    if (!entries)
        return std::nullopt;
    const auto value_of = [&](size_t entry, uint32_t type) -> std::optional<uint32_t> {
        switch (type) {
            case 1:
            case 6:
                return read(entry + 8, 1);  // BYTE, SBYTE
            case 3:
            case 8:
                return read(entry + 8, 2);  // SHORT, SSHORT
            case 4:
            case 9:
            case 13:
                return read(entry + 8, 4);  // LONG, SLONG, IFD
            case 16:
            case 17:
            case 18: {  // LONG8, SLONG8, IFD8: stored at an offset
                const auto at = read(entry + 8, 4);
                if (!at)
                    return std::nullopt;
                const size_t first = *at;
                const auto low = read(first + (little ? 0 : 4), 4), high = read(first + (little ? 4 : 0), 4);
                if (!low || !high)
                    return std::nullopt;
                return *high ? UINT32_MAX : *low;
            }
            default:
                return std::nullopt;
        }
    };
    std::optional<uint32_t> width, height;
    for (uint32_t e = 0; e < *entries; ++e) {
        const size_t entry = size_t(*ifd) + 2 + size_t(e) * 12;
        const auto tag = read(entry, 2), type = read(entry + 2, 2);
        if (!tag || !type)
            return std::nullopt;
        if (*tag != 256 && *tag != 257)
            continue;
        const auto value = value_of(entry, *type);
        if (!value)
            return std::nullopt;  // a size Kensa cannot read is not a size it can check
        auto& side = *tag == 256 ? width : height;
        side = std::max(side.value_or(0), *value);
    }
    return size_of(width, height);
}

}  // namespace

std::string_view sniff_format(Bytes bytes) {
    auto starts_with = [&](std::initializer_list<unsigned char> magic) {
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

std::optional<cv::Size> declared_size(Bytes bytes) {
    const auto format = sniff_format(bytes);
    if (format == "PNG")
        return png_size(bytes);
    if (format == "JPEG")
        return jpeg_size(bytes);
    if (format == "BMP")
        return bmp_size(bytes);
    if (format == "TIFF")
        return tiff_size(bytes);
    return std::nullopt;
}

bool ends_complete(Bytes bytes) {
    const auto format = sniff_format(bytes);
    if (format == "JPEG") {
        size_t end = bytes.size();
        while (end > 0 && bytes[end - 1] == 0x00)
            --end;
        return end >= 4 && bytes[end - 2] == 0xFF && bytes[end - 1] == 0xD9;
    }
    if (format == "PNG") {  // the last chunk: length 0, "IEND", CRC
        static constexpr unsigned char iend[] = {0, 0, 0, 0, 'I', 'E', 'N', 'D'};
        return bytes.size() >= 12 + 8 && std::equal(std::begin(iend), std::end(iend), bytes.end() - 12);
    }
    if (format == "BMP") {
        const auto declared = little_endian(bytes, 2, 4);
        return declared && bytes.size() >= *declared;
    }
    return true;
}

}  // namespace kensa::data
