// Perlin noise and texture sources.

#include <kensa/base/error.h>
#include <kensa/data/image_io.h>
#include <kensa/data/synthetic/perlin_noise.h>
#include <kensa/data/synthetic/perlin_texture.h>
#include <kensa/data/synthetic/texture_source.h>

#include "synthetic_support.h"
#include "temp_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kensa::data::synthetic {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

TEST(PerlinNoise, ZeroOnTheLatticeBoundedAndSmooth) {
    const PerlinNoise noise(7);
    for (int i = -3; i <= 3; ++i) {
        for (int j = -3; j <= 3; ++j)
            EXPECT_EQ(noise(i, j), 0.0);
    }
    double lo = 1, hi = -1, sum = 0, largest_step = 0;
    const int n = 400;
    for (int y = 0; y < n; ++y) {
        for (int x = 0; x < n; ++x) {
            const double v = noise(x * 0.037, y * 0.041);
            lo = std::min(lo, v), hi = std::max(hi, v), sum += v;
            largest_step = std::max(largest_step, std::abs(noise(x * 0.037 + 1e-3, y * 0.041) - v));
        }
    }
    EXPECT_GE(lo, -1.0);
    EXPECT_LE(hi, 1.0);
    EXPECT_LT(lo, -0.5);  // and it does use the range
    EXPECT_GT(hi, 0.5);
    EXPECT_NEAR(sum / (n * n), 0.0, 0.1);
    EXPECT_LT(largest_step, 5e-3);  // continuous: gradients are bounded
}

TEST(PerlinNoise, SeededImages) {
    const cv::Mat a = perlin_image({96, 64}, {4, 2}, 0.3, 1);
    EXPECT_EQ(a.size(), cv::Size(96, 64));
    EXPECT_EQ(cv::norm(a, perlin_image({96, 64}, {4, 2}, 0.3, 1), cv::NORM_INF), 0.0);
    EXPECT_GT(cv::norm(a, perlin_image({96, 64}, {4, 2}, 0.3, 2), cv::NORM_INF), 0.1);
    // The image samples the same noise as PerlinNoise (its lattice table is only a shortcut).
    const PerlinNoise noise(1);
    const double c = std::cos(0.3), s = std::sin(0.3), cx = 47.5, cy = 31.5;
    for (const cv::Point p : {cv::Point(0, 0), cv::Point(95, 63), cv::Point(40, 7), cv::Point(3, 60)}) {
        const double u = (c * (p.x - cx) + s * (p.y - cy)) * 4 / 96,
                     v = (-s * (p.x - cx) + c * (p.y - cy)) * 2 / 64;
        EXPECT_NEAR(a.at<float>(p), noise(u, v), 1e-6);
    }
}

TEST(TextureSource, BuiltInTexturesAreGreyPhotos) {
    const auto source = TextureSource::built_in();
    ASSERT_EQ(source->size(), 2u);
    for (size_t i = 0; i < source->size(); ++i) {
        const Texture t = source->texture(i);
        EXPECT_EQ(t.rgb.type(), CV_32FC3);
        EXPECT_GE(std::min(t.rgb.cols, t.rgb.rows), 256);
        EXPECT_TRUE(t.grey) << source->label(i);
    }
}

TEST(TextureSource, FolderErrorsNameTheFolderAndSayWhatToDo) {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "empty");
    test::write_text(dir / "notes/readme.txt", "not an image");
    for (const char* name : {"empty", "notes"}) {
        const auto source = TextureSource::from_folder(dir / name);
        ASSERT_FALSE(source);
        EXPECT_THAT(source.error().message(),
                    AllOf(HasSubstr((dir / name).string()), HasSubstr("no texture images"),
                          HasSubstr("built-in textures")));
    }
    const auto missing = TextureSource::from_folder(dir / "missing");
    ASSERT_FALSE(missing);
    EXPECT_THAT(missing.error().message(),
                AllOf(HasSubstr((dir / "missing").string()), HasSubstr("not found")));
    const auto file = TextureSource::from_folder(dir / "notes/readme.txt");
    ASSERT_FALSE(file);
    EXPECT_THAT(file.error().message(), AllOf(HasSubstr("readme.txt"), HasSubstr("not a folder")));
}

TEST(TextureSource, UnreadableTextureIsAnErrorNamingTheFile) {
    test::TempDir dir;
    test::write_text(dir / "textures/broken.png", "this is not a PNG");
    const auto source = TextureSource::from_folder(dir / "textures").take();
    ASSERT_EQ(source->size(), 1u);
    const auto message = [&](const std::function<void()>& fn) -> std::string {
        try {
            fn();
        } catch (const Error& e) {
            return e.message();
        }
        return "(no error)";
    };
    EXPECT_THAT(message([&] { source->texture(0); }),
                AllOf(HasSubstr("texture"), HasSubstr("broken.png"), HasSubstr("fix or remove")));
    EXPECT_THAT(message([&] { perlin_texture(test::brick_image(1), 1, {}, source.get()); }),
                HasSubstr("broken.png"));
}

TEST(TextureSource, UsesColourTexturesFromAFolder) {
    test::TempDir dir;
    // A blue-green checkerboard, 1200 px: shrunk when loaded, kept in colour.
    cv::Mat3f board(1200, 900);
    for (int y = 0; y < board.rows; ++y) {
        for (int x = 0; x < board.cols; ++x)
            board(y, x) = ((x / 30 + y / 30) % 2) ? cv::Vec3f(0.1f, 0.3f, 0.9f) : cv::Vec3f(0.1f, 0.8f, 0.4f);
    }
    std::filesystem::create_directories(dir / "tex/sub");
    write_image(dir / "tex/sub/board.png", board);
    const auto source = TextureSource::from_folder(dir / "tex").take();
    ASSERT_EQ(source->size(), 1u);
    EXPECT_EQ(source->label(0), "sub/board.png");
    const Texture t = source->texture(0);
    EXPECT_FALSE(t.grey);
    EXPECT_EQ(std::min(t.rgb.cols, t.rgb.rows), k_max_texture_side);

    const cv::Mat image = test::brick_image(8);
    const PerlinTextureParams opaque{.min_opacity = 1.0};
    const SyntheticDefect d = perlin_texture(image, 3, opaque, source.get());
    test::expect_contract(image, d);
    // The brick is red; the pasted texture is mostly green or blue (jitter aside).
    cv::Mat eroded;
    cv::erode(d.mask, eroded, cv::Mat());
    const cv::Scalar inside = cv::mean(d.image, eroded);
    EXPECT_LT(inside[0], std::max(inside[1], inside[2]));
    EXPECT_EQ(cv::norm(d.image, perlin_texture(image, 3, opaque, source.get()).image, cv::NORM_INF), 0.0);
}

}  // namespace
}  // namespace kensa::data::synthetic
