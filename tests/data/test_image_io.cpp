#include <kensa/data/image_io.h>

#include "temp_dir.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <fstream>
#include <string>

namespace kensa::data {
namespace {

using test::TempDir;

// A 7x5 (w x h) BGR image: pure red at (0,0), pure green at (1,0), pure blue at (2,0), grey 128 elsewhere.
cv::Mat bgr_pattern(int depth) {
    const double full = depth == CV_16U ? 65535 : 255;
    cv::Mat m(5, 7, CV_MAKETYPE(depth, 3), cv::Scalar::all(depth == CV_16U ? 40000 : 128));
    auto set = [&](int x, cv::Scalar bgr) { m(cv::Rect(x, 0, 1, 1)).setTo(bgr * full); };
    set(0, {0, 0, 1});
    set(1, {0, 1, 0});
    set(2, {1, 0, 0});
    return m;
}

cv::Vec3f rgb_at(const cv::Mat& m, int x, int y) {
    return m.at<cv::Vec3f>(y, x);
}

void expect_rgb(const cv::Vec3f& v, float r, float g, float b, float tol) {
    EXPECT_NEAR(v[0], r, tol);
    EXPECT_NEAR(v[1], g, tol);
    EXPECT_NEAR(v[2], b, tol);
}

struct ColourCase {
    const char* file;
    int depth;
};

class ColourFormats : public ::testing::TestWithParam<ColourCase> {};

TEST_P(ColourFormats, ReadsRgbInUnitRangeAtFileSize) {
    TempDir dir;
    const auto path = dir / GetParam().file;
    ASSERT_TRUE(cv::imwrite(path.string(), bgr_pattern(GetParam().depth)));
    auto image = read_image(path);
    ASSERT_TRUE(image.ok()) << image.error().message();
    EXPECT_EQ(image->type(), CV_32FC3);
    EXPECT_EQ(image->cols, 7);
    EXPECT_EQ(image->rows, 5);
    expect_rgb(rgb_at(*image, 0, 0), 1, 0, 0, 1e-6f);  // channel order: red reads as R = 1
    expect_rgb(rgb_at(*image, 1, 0), 0, 1, 0, 1e-6f);
    expect_rgb(rgb_at(*image, 2, 0), 0, 0, 1, 1e-6f);
    const float grey = GetParam().depth == CV_16U ? 40000.f / 65535.f : 128.f / 255.f;
    expect_rgb(rgb_at(*image, 4, 3), grey, grey, grey, 1e-6f);
}

INSTANTIATE_TEST_SUITE_P(ImageIo, ColourFormats,
                         ::testing::Values(ColourCase{"rgb8.png", CV_8U}, ColourCase{"rgb16.png", CV_16U},
                                           ColourCase{"rgb8.bmp", CV_8U}, ColourCase{"rgb8.tif", CV_8U},
                                           ColourCase{"rgb16.tiff", CV_16U}, ColourCase{"UPPER.PNG", CV_8U}),
                         [](const auto& info) {
                             std::string name = info.param.file;
                             for (auto& c : name)
                                 c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             return name;
                         });

TEST(ImageIo, GreyEightBitIsCopiedToAllChannels) {
    TempDir dir;
    cv::Mat grey(3, 4, CV_8UC1, cv::Scalar(51));
    grey.at<uchar>(1, 2) = 255;
    ASSERT_TRUE(cv::imwrite((dir / "g.png").string(), grey));
    const cv::Mat image = read_image(dir / "g.png").take();
    EXPECT_EQ(image.size(), cv::Size(4, 3));
    expect_rgb(rgb_at(image, 0, 0), 0.2f, 0.2f, 0.2f, 1e-6f);
    expect_rgb(rgb_at(image, 2, 1), 1, 1, 1, 1e-6f);
}

TEST(ImageIo, GreySixteenBitScalesBy65535) {
    TempDir dir;
    cv::Mat grey(2, 2, CV_16UC1, cv::Scalar(65535));
    grey.at<uint16_t>(0, 1) = 1000;
    for (const char* name : {"g16.png", "g16.tif"}) {
        ASSERT_TRUE(cv::imwrite((dir / name).string(), grey));
        const cv::Mat image = read_image(dir / name).take();
        expect_rgb(rgb_at(image, 0, 0), 1, 1, 1, 1e-6f);
        expect_rgb(rgb_at(image, 1, 0), 1000.f / 65535.f, 1000.f / 65535.f, 1000.f / 65535.f, 1e-7f);
    }
}

TEST(ImageIo, AlphaIsDroppedNotComposited) {
    TempDir dir;
    cv::Mat bgra(2, 3, CV_8UC4, cv::Scalar(10, 20, 30, 0));  // fully transparent
    bgra.at<cv::Vec4b>(1, 2) = {0, 0, 255, 128};
    ASSERT_TRUE(cv::imwrite((dir / "a.png").string(), bgra));
    const cv::Mat image = read_image(dir / "a.png").take();
    EXPECT_EQ(image.type(), CV_32FC3);
    expect_rgb(rgb_at(image, 0, 0), 30 / 255.f, 20 / 255.f, 10 / 255.f, 1e-6f);
    expect_rgb(rgb_at(image, 2, 1), 1, 0, 0, 1e-6f);
}

TEST(ImageIo, JpegKeepsChannelOrderApproximately) {
    TempDir dir;
    cv::Mat bgr(16, 24, CV_8UC3, cv::Scalar(0, 0, 255));       // red
    bgr(cv::Rect(16, 0, 8, 16)).setTo(cv::Scalar(255, 0, 0));  // blue on the right
    for (const char* name : {"x.jpg", "x.JPEG"}) {
        ASSERT_TRUE(cv::imwrite((dir / name).string(), bgr, {cv::IMWRITE_JPEG_QUALITY, 98}));
        const cv::Mat image = read_image(dir / name).take();
        EXPECT_EQ(image.size(), cv::Size(24, 16));
        expect_rgb(rgb_at(image, 3, 8), 1, 0, 0, 0.08f);
        expect_rgb(rgb_at(image, 21, 8), 0, 0, 1, 0.08f);
    }
}

TEST(ImageIo, DecodesBytesInMemoryLikeFiles) {
    std::vector<uchar> png;
    ASSERT_TRUE(cv::imencode(".png", bgr_pattern(CV_8U), png));
    const cv::Mat image = decode_image(png, "memory.png").take();
    expect_rgb(rgb_at(image, 0, 0), 1, 0, 0, 1e-6f);
    const auto bad = decode_image(std::vector<uchar>{'h', 'i'}, "memory.png");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message().find("memory.png"), std::string::npos);
}

TEST(ImageIo, WriteThenReadRoundTripsWithinQuantisation) {
    TempDir dir;
    cv::Mat image(8, 9, CV_32FC3);
    cv::randu(image, 0.0, 1.0);
    write_image(dir / "w.png", image);
    const cv::Mat back = read_image(dir / "w.png").take();
    EXPECT_LE(cv::norm(back, image, cv::NORM_INF), 0.5 / 255 + 1e-6);
    EXPECT_FALSE(std::filesystem::exists(dir / "w.png.partial"));
    EXPECT_THROW(write_image(dir / "w.png", cv::Mat(2, 2, CV_64FC2)), Error);
}

// --- bad input ---------------------------------------------------------------------------------------

std::string read_error(const std::filesystem::path& path) {
    auto r = read_image(path);
    EXPECT_FALSE(r.ok()) << path;
    return r.ok() ? "" : r.error().message();
}

void expect_contains(const std::string& text, const std::string& part) {
    EXPECT_NE(text.find(part), std::string::npos) << "'" << part << "' not in: " << text;
}

TEST(ImageIoErrors, MissingFile) {
    TempDir dir;
    const auto msg = read_error(dir / "nope.png");
    expect_contains(msg, (dir / "nope.png").string());
    expect_contains(msg, "not found");
}

TEST(ImageIoErrors, ZeroByteFile) {
    TempDir dir;
    test::write_text(dir / "empty.png", "");
    const auto msg = read_error(dir / "empty.png");
    expect_contains(msg, (dir / "empty.png").string());
    expect_contains(msg, "empty");
}

TEST(ImageIoErrors, TextFileNamedPng) {
    TempDir dir;
    test::write_text(dir / "notes.png", "these are my notes, not a picture\n");
    const auto msg = read_error(dir / "notes.png");
    expect_contains(msg, (dir / "notes.png").string());
    expect_contains(msg, "not a supported image");
    expect_contains(msg, "text file");
}

TEST(ImageIoErrors, UnsupportedExtensionIsNamed) {
    TempDir dir;
    test::write_text(dir / "data.csv", "1,2,3\n");
    expect_contains(read_error(dir / "data.csv"), "'.csv'");
}

TEST(ImageIoErrors, TruncatedPng) {
    TempDir dir;
    cv::Mat noise(64, 64, CV_8UC3);
    cv::randu(noise, 0, 256);  // incompressible, so the cut lands inside the pixel data
    std::vector<uchar> png;
    ASSERT_TRUE(cv::imencode(".png", noise, png));
    std::ofstream(dir / "cut.png", std::ios::binary)
        .write(reinterpret_cast<const char*>(png.data()), png.size() / 2);
    const auto msg = read_error(dir / "cut.png");
    expect_contains(msg, (dir / "cut.png").string());
    expect_contains(msg, "PNG data is damaged or truncated");
}

TEST(ImageIoErrors, FolderAndFloatTiff) {
    TempDir dir;
    std::filesystem::create_directory(dir / "folder.png");
    expect_contains(read_error(dir / "folder.png"), "is a folder");
    ASSERT_TRUE(cv::imwrite((dir / "f.tif").string(), cv::Mat(4, 4, CV_32FC1, cv::Scalar(0.5))));
    const auto msg = read_error(dir / "f.tif");
    expect_contains(msg, (dir / "f.tif").string());
    expect_contains(msg, "unsupported pixel depth");
}

TEST(ImageIoErrors, ProbeFindsTheSameProblems) {
    TempDir dir;
    test::write_text(dir / "t.png", "text");
    EXPECT_FALSE(probe_image(dir / "t.png").ok());
    ASSERT_TRUE(cv::imwrite((dir / "ok.png").string(), cv::Mat(5, 9, CV_8UC1, cv::Scalar(1))));
    EXPECT_EQ(probe_image(dir / "ok.png").take(), cv::Size(9, 5));
}

// --- encoding ---------------------------------------------------------------------------------------

// This process's address space in bytes (VmSize), which RLIMIT_AS limits.
size_t address_space() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmSize:", 0) == 0)
            return std::stoull(line.substr(7)) * 1024;
    return 0;
}

TEST(ImageEncoding, EncodesAsTheExtensionSays) {
    const cv::Mat map(3, 4, CV_32FC1, cv::Scalar(0.25f));
    const auto tiff = encode_image("m.tiff", map);
    const cv::Mat back = cv::imdecode(tiff, cv::IMREAD_UNCHANGED);
    ASSERT_EQ(back.type(), CV_32FC1);
    EXPECT_EQ(cv::norm(back, map, cv::NORM_INF), 0.0);
    EXPECT_THROW(encode_image("m.nope", map), kensa::Error);
}

// Issue 21: running out of memory while encoding a large map aborted infer: std::bad_alloc thrown inside
// libtiff's write callback cannot unwind through libtiff's C frames. In a child process left 32 MB of
// address space, encoding a 64 MB map is an error naming the file.
TEST(ImageEncoding, RunningOutOfMemoryIsAnErrorNotAnAbort) {
#if defined(__SANITIZE_ADDRESS__)
    // ASan maps its shadow and its own tables in the same address space: under the limit it fails itself.
    GTEST_SKIP() << "an address-space limit is not testable under AddressSanitizer";
#endif
    const cv::Mat map(4096, 4096, CV_32FC1, cv::Scalar(0.5f));
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        rlimit limit{};
        limit.rlim_cur = limit.rlim_max = address_space() + (size_t(32) << 20);
        if (address_space() == 0 || ::setrlimit(RLIMIT_AS, &limit) != 0)
            ::_exit(10);
        try {
            encode_image("map.tiff", map);
            ::_exit(11);
        } catch (const kensa::Error& e) {
            ::_exit(std::string(e.what()).find("map.tiff: not enough memory to encode") == std::string::npos ? 12 : 0);
        } catch (...) {
            ::_exit(13);
        }
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status) << " (6: aborted)";
    EXPECT_EQ(WEXITSTATUS(status), 0) << "10: no address-space limit, 11: encoded after all, 12: another error, "
                                         "13: another exception";
}

// --- masks -------------------------------------------------------------------------------------------

TEST(MaskIo, NonzeroIsDefectAcrossDepthsAndChannels) {
    TempDir dir;
    cv::Mat grey(3, 4, CV_8UC1, cv::Scalar(0));
    grey.at<uchar>(0, 0) = 1;
    grey.at<uchar>(2, 3) = 255;
    cv::Mat grey16(3, 4, CV_16UC1, cv::Scalar(0));
    grey16.at<uint16_t>(1, 1) = 300;  // nonzero only in the high byte
    cv::Mat colour(3, 4, CV_8UC3, cv::Scalar(0, 0, 0));
    colour.at<cv::Vec3b>(1, 2) = {7, 0, 0};  // blue only
    ASSERT_TRUE(cv::imwrite((dir / "g.png").string(), grey));
    ASSERT_TRUE(cv::imwrite((dir / "g16.png").string(), grey16));
    ASSERT_TRUE(cv::imwrite((dir / "c.png").string(), colour));

    const cv::Mat g = read_mask(dir / "g.png").take();
    EXPECT_EQ(g.type(), CV_8UC1);
    EXPECT_EQ(g.size(), cv::Size(4, 3));
    EXPECT_EQ(g.at<uchar>(0, 0), 255);
    EXPECT_EQ(g.at<uchar>(2, 3), 255);
    EXPECT_EQ(cv::countNonZero(g), 2);
    const cv::Mat g16 = read_mask(dir / "g16.png").take();
    EXPECT_EQ(g16.at<uchar>(1, 1), 255);
    EXPECT_EQ(cv::countNonZero(g16), 1);
    const cv::Mat c = read_mask(dir / "c.png").take();
    EXPECT_EQ(c.at<uchar>(1, 2), 255);
    EXPECT_EQ(cv::countNonZero(c), 1);
}

TEST(MaskIo, TransparentPixelsAreNotDefects) {
    TempDir dir;
    cv::Mat bgra(2, 2, CV_8UC4, cv::Scalar(255, 255, 255, 0));  // white but transparent
    bgra.at<cv::Vec4b>(0, 1) = {0, 0, 255, 255};                // opaque red stroke
    ASSERT_TRUE(cv::imwrite((dir / "m.png").string(), bgra));
    const cv::Mat m = read_mask(dir / "m.png").take();
    EXPECT_EQ(cv::countNonZero(m), 1);
    EXPECT_EQ(m.at<uchar>(0, 1), 255);
}

TEST(MaskIo, UnreadableMaskNamesPath) {
    TempDir dir;
    test::write_text(dir / "m_mask.png", "");
    auto r = read_mask(dir / "m_mask.png");
    ASSERT_FALSE(r.ok());
    expect_contains(r.error().message(), (dir / "m_mask.png").string());
}

}  // namespace
}  // namespace kensa::data
