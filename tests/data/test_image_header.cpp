#include <kensa/data/image_header.h>
#include <kensa/data/image_io.h>

#include "temp_dir.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <fstream>
#include <string>
#include <vector>

namespace kensa::data {
namespace {

using test::TempDir;

std::vector<uchar> encoded(const cv::Mat& image, const std::string& extension) {
    std::vector<uchar> bytes;
    EXPECT_TRUE(cv::imencode(extension, image, bytes));
    return bytes;
}

void write_bytes(const std::filesystem::path& path, const std::vector<uchar>& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

// A PNG signature and IHDR that declare width x height, then a few bytes of image data: what a
// decompression bomb's header looks like (its data would inflate to width x height bytes).
std::vector<uchar> png_header(uint32_t width, uint32_t height) {
    std::vector<uchar> b = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            b.push_back(static_cast<uchar>(v >> shift));
    for (uchar c : {8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})  // depth 8, grey; then a stub
        b.push_back(c);
    return b;
}

// The offset of a JPEG's first frame header (SOF0, which OpenCV writes) and of its height and width.
size_t jpeg_frame_offset(const std::vector<uchar>& jpeg) {
    for (size_t i = 2; i + 1 < jpeg.size(); ++i)
        if (jpeg[i] == 0xff && jpeg[i + 1] == 0xc0)
            return i;
    ADD_FAILURE() << "no SOF0 marker";
    return 0;
}

// A JPEG whose frame header declares width x height, with junk bytes before it: libjpeg only warns about
// those and decodes on (it reads such a 700-byte file as a 30000 x 30000 image of grey).
std::vector<uchar> jpeg_with_junk_before_frame(uint32_t width, uint32_t height) {
    auto jpeg = encoded(cv::Mat(8, 8, CV_8UC3, cv::Scalar(10, 100, 200)), ".jpg");
    const size_t sof = jpeg_frame_offset(jpeg);
    for (const auto& [offset, value] : {std::pair{sof + 5, height}, std::pair{sof + 7, width}}) {
        jpeg[offset] = static_cast<uchar>(value >> 8);
        jpeg[offset + 1] = static_cast<uchar>(value);
    }
    jpeg.insert(jpeg.begin() + std::ptrdiff_t(sof), {0x00, 0xff, 0x00, 0x42});  // junk, a stuffed 0xFF too
    return jpeg;
}

void put_le(std::vector<uchar>& b, size_t offset, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i)
        b[offset + size_t(i)] = static_cast<uchar>(value >> (8 * i));
}

// OpenCV's little-endian TIFF with its ImageWidth and ImageLength entries rewritten in another TIFF integer
// type (BYTE 1, SHORT 3, LONG 4, SSHORT 8, SLONG 9, LONG8 16, or ASCII 2: not a number).
std::vector<uchar> tiff_with_sides(uint16_t type, uint32_t width, uint32_t height) {
    auto tiff = encoded(cv::Mat(8, 8, CV_8UC1, cv::Scalar(90)), ".tif");
    EXPECT_EQ(tiff[0], 'I');
    const size_t ifd = tiff[4] | tiff[5] << 8 | tiff[6] << 16 | size_t(tiff[7]) << 24;
    const size_t entries = tiff[ifd] | tiff[ifd + 1] << 8;
    for (size_t e = 0; e < entries; ++e) {
        const size_t entry = ifd + 2 + 12 * e;
        const unsigned tag = tiff[entry] | tiff[entry + 1] << 8;
        if (tag != 256 && tag != 257)
            continue;
        const uint32_t value = tag == 256 ? width : height;
        put_le(tiff, entry + 2, type, 2);
        put_le(tiff, entry + 8, 0, 4);
        if (type == 16) {  // eight bytes do not fit the entry: stored at the end, the entry holds the offset
            put_le(tiff, entry + 8, tiff.size(), 4);
            tiff.resize(tiff.size() + 8);
            put_le(tiff, tiff.size() - 8, value, 8);
        } else {
            put_le(tiff, entry + 8, value, type == 1 ? 1 : type == 3 || type == 8 ? 2 : 4);
        }
    }
    return tiff;
}

class DeclaredSize : public ::testing::TestWithParam<const char*> {};

TEST_P(DeclaredSize, MatchesTheEncodedImage) {
    for (const auto& [width, height] : {std::pair{37, 23}, std::pair{640, 3}, std::pair{1, 900}}) {
        for (int channels : {1, 3}) {
            const cv::Mat image(height, width, CV_8UC(channels), cv::Scalar::all(90));
            const auto size = declared_size(encoded(image, GetParam()));
            ASSERT_TRUE(size) << GetParam();
            EXPECT_EQ(*size, cv::Size(width, height)) << GetParam() << " " << channels << " channels";
        }
    }
}

INSTANTIATE_TEST_SUITE_P(ImageHeader, DeclaredSize, ::testing::Values(".png", ".jpg", ".bmp", ".tif"));

TEST(ImageHeader, CutShortOrForeignBytesDeclareNothing) {
    const auto png = encoded(cv::Mat(5, 7, CV_8UC1, cv::Scalar(1)), ".png");
    EXPECT_FALSE(declared_size(std::span(png).first(20)));
    EXPECT_FALSE(declared_size(std::vector<uchar>{'h', 'e', 'l', 'l', 'o'}));
    const auto jpeg = encoded(cv::Mat(5, 7, CV_8UC1, cv::Scalar(1)), ".jpg");
    EXPECT_FALSE(declared_size(std::span(jpeg).first(8)));
    EXPECT_EQ(sniff_format(jpeg), "JPEG");
    EXPECT_EQ(*declared_size(png_header(30000, 30000)), cv::Size(30000, 30000));
    EXPECT_EQ(declared_size(png_header(0xffffffffu, 2))->width, INT32_MAX);  // huge stays huge
}

TEST(ImageHeader, AJpegFrameHeaderIsFoundAfterJunkBytesAsLibjpegFindsIt) {
    EXPECT_EQ(declared_size(jpeg_with_junk_before_frame(37, 23)), cv::Size(37, 23));
    EXPECT_EQ(declared_size(jpeg_with_junk_before_frame(30000, 30000)), cv::Size(30000, 30000));
}

TEST(ImageHeader, TiffSidesAreReadInEveryIntegerTypeAndOtherTypesDeclareNothing) {
    for (const uint16_t type : {1, 3, 4, 8, 9, 16})
        EXPECT_EQ(declared_size(tiff_with_sides(type, 7, 5)), cv::Size(7, 5)) << "TIFF type " << type;
    EXPECT_EQ(declared_size(tiff_with_sides(9, 30000, 30000)), cv::Size(30000, 30000));
    EXPECT_FALSE(declared_size(tiff_with_sides(2, 7, 5)));  // ASCII: no size to check
}

TEST(ImageSizeLimit, ADecompressionBombIsRefusedFromItsHeader) {
    TempDir dir;
    const auto path = dir / "bomb.png";
    write_bytes(path, png_header(30000, 30000));
    const auto image = read_image(path);
    ASSERT_FALSE(image.ok());
    const auto message = image.error().message();
    // Refused for its size, not found "damaged" by a decoder that first tried to allocate 900 MB.
    EXPECT_NE(message.find("bomb.png: 30000 x 30000 pixels (900 megapixels) is larger than Kensa reads"),
              std::string::npos)
        << message;
    EXPECT_FALSE(probe_image(path).ok());
}

// Bombs whose size only a decoder's leniency finds: junk before a JPEG's frame header (which used to take
// 18 GB and two minutes for a 700-byte file), a TIFF whose sides are signed longs.
TEST(ImageSizeLimit, BombsInJpegAndTiffAreRefusedFromTheirHeaders) {
    TempDir dir;
    write_bytes(dir / "junk.jpg", jpeg_with_junk_before_frame(30000, 30000));
    write_bytes(dir / "signed.tif", tiff_with_sides(9, 30000, 30000));
    for (const char* name : {"junk.jpg", "signed.tif"}) {
        const auto image = read_image(dir / name);
        ASSERT_FALSE(image.ok()) << name;
        EXPECT_NE(image.error().message().find("30000 x 30000 pixels (900 megapixels)"), std::string::npos)
            << image.error().message();
    }
}

// A header that states no size Kensa can read is not decoded: the decoder might find a size later on.
TEST(ImageSizeLimit, AHeaderWithoutAReadableSizeIsNotDecoded) {
    TempDir dir;
    write_bytes(dir / "ascii.tif", tiff_with_sides(2, 7, 5));
    const auto image = read_image(dir / "ascii.tif");
    ASSERT_FALSE(image.ok());
    EXPECT_NE(image.error().message().find(
                  "ascii.tif: the TIFF header is damaged or truncated: it states no image size"),
              std::string::npos)
        << image.error().message();
    // Junk bytes alone do not make a valid image unreadable.
    write_bytes(dir / "junk.jpg", jpeg_with_junk_before_frame(8, 8));
    const auto junk = read_image(dir / "junk.jpg");
    ASSERT_TRUE(junk.ok()) << junk.error().message();
    EXPECT_EQ(junk->size(), cv::Size(8, 8));
}

TEST(ImageSizeLimit, AValidImageOverTheLimitIsRefusedAndOneAtTheLimitIsRead) {
    TempDir dir;
    // 108 megapixels of one grey: a valid PNG of a few hundred kB that OpenCV alone would decode.
    const auto over = dir / "over.png";
    write_bytes(over, encoded(cv::Mat(9000, 12000, CV_8UC1, cv::Scalar(7)), ".png"));
    const auto refused = read_image(over);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message().find("12000 x 9000 pixels (108 megapixels)"), std::string::npos)
        << refused.error().message();
    // A side over the limit is refused however few pixels the image has.
    const auto wide = dir / "wide.png";
    write_bytes(wide, encoded(cv::Mat(1, kMaxImageSide + 1, CV_8UC1, cv::Scalar(7)), ".png"));
    EXPECT_FALSE(read_image(wide).ok());
    const auto fits = dir / "fits.png";
    write_bytes(fits, encoded(cv::Mat(2, kMaxImageSide, CV_8UC1, cv::Scalar(7)), ".png"));
    const auto read = read_image(fits);
    ASSERT_TRUE(read.ok()) << read.error().message();
    EXPECT_EQ(read->size(), cv::Size(kMaxImageSide, 2));
}

}  // namespace
}  // namespace kensa::data
