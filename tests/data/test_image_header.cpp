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
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
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
