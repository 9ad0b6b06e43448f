// The mix: shares, determinism, and configuration errors.

#include <kensa/base/error.h>
#include <kensa/data/image_io.h>
#include <kensa/data/synthetic/mix.h>

#include "synthetic_support.h"
#include "temp_dir.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <thread>

namespace kensa::data::synthetic {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

std::string error_of(const MixConfig& config) {
    const auto mix = SyntheticMix::create(config);
    return mix ? "(no error)" : mix.error().message();
}

TEST(SyntheticMix, DefaultHasEveryGeneratorWithEqualShares) {
    const SyntheticMix mix;
    ASSERT_EQ(mix.size(), generator_catalog().size());
    for (size_t i = 0; i < mix.size(); ++i) {
        EXPECT_EQ(mix.generator(i).id(), generator_catalog()[i].id);
        EXPECT_DOUBLE_EQ(mix.share(i), 1.0 / mix.size());
    }
}

TEST(SyntheticMix, PicksInProportionToShares) {
    const SyntheticMix mix({.generators = {{"confetti", 1}, {"scratch", 3}, {"cutpaste_patch", 0}}});
    ASSERT_EQ(mix.size(), 2u);  // a zero share leaves the generator out
    EXPECT_DOUBLE_EQ(mix.share(1), 0.75);
    std::map<std::string, int> counts;
    const int n = 8000;
    for (uint64_t seed = 0; seed < n; ++seed)
        ++counts[mix.pick(seed).id()];
    EXPECT_EQ(counts.size(), 2u);
    // Binomial standard deviation sqrt(n p (1 - p)) ~ 39; allow 4 of them.
    EXPECT_NEAR(counts["scratch"], 0.75 * n, 160);
    EXPECT_NEAR(counts["confetti"], 0.25 * n, 160);
}

TEST(SyntheticMix, ApplyIsDeterministicAndUsesThePickedGenerator) {
    const SyntheticMix mix;
    std::map<std::string, int> seen;
    for (uint64_t seed = 0; seed < 30; ++seed) {
        const cv::Mat image = test::brick_image(seed);
        const SyntheticDefect a = mix.apply(image, seed);
        EXPECT_EQ(a.generator, mix.pick(seed).id());
        test::expect_contract(image, a);
        const SyntheticDefect b = mix.apply(image, seed);
        EXPECT_EQ(cv::norm(a.image, b.image, cv::NORM_INF), 0.0);
        EXPECT_EQ(cv::norm(a.mask, b.mask, cv::NORM_INF), 0.0);
        ++seen[a.generator];
    }
    EXPECT_EQ(seen.size(), 5u);
}

TEST(SyntheticMix, CopiesShareGeneratorsAndGiveTheSameDefects) {
    const SyntheticMix mix({.generators = {{"perlin_texture", 1, {{"threshold", 0.3}}}}});
    const SyntheticMix copy = mix;
    const cv::Mat image = test::brick_image(4);
    EXPECT_EQ(cv::norm(mix.apply(image, 5).image, copy.apply(image, 5).image, cv::NORM_INF), 0.0);
    EXPECT_EQ(copy.generator(0).param("threshold"), 0.3);
}

TEST(SyntheticMix, ThreadsGetTheSameDefectsAsOneThread) {
    const SyntheticMix mix;
    const cv::Mat image = test::brick_image(6);
    const int n = 24;
    std::vector<cv::Mat> serial(n), parallel(n);
    for (int i = 0; i < n; ++i)
        serial[i] = mix.apply(image, i).image;
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t) {
        threads.emplace_back([&, t] {
            for (int i = t; i < n; i += 3)
                parallel[i] = mix.apply(image, i).image;
        });
    }
    for (auto& thread : threads)
        thread.join();
    for (int i = 0; i < n; ++i)
        EXPECT_EQ(cv::norm(serial[i], parallel[i], cv::NORM_INF), 0.0) << "seed " << i;
}

TEST(SyntheticMix, ConfigurationErrorsAreClear) {
    EXPECT_THAT(error_of({.generators = {{"confetti", -1}}}),
                AllOf(HasSubstr("share of 'confetti'"), HasSubstr("0 or more")));
    EXPECT_THAT(error_of({.generators = {{"confetti", 0}, {"scratch", 0}}}), HasSubstr("no generator"));
    EXPECT_THAT(error_of({.generators = {{"sparkles", 1}}}), HasSubstr("'sparkles'"));
    EXPECT_THAT(error_of({.generators = {{"scratch", 1, {{"max_widht", 2}}}}}),
                AllOf(HasSubstr("scratch has no parameter 'max_widht'"), HasSubstr("max_width")));
    EXPECT_THAT(error_of({.generators = {{"scratch", 1, {{"min_width", 5}, {"max_width", 2}}}}}),
                HasSubstr("'min_width' (5) must not exceed 'max_width' (2)"));
}

TEST(SyntheticMix, TextureFolderIsCheckedWhenPerlinTextureIsIn) {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "empty");
    EXPECT_THAT(error_of({.texture_folder = dir / "empty"}),
                AllOf(HasSubstr((dir / "empty").string()), HasSubstr("no texture images")));
    EXPECT_THAT(error_of({.texture_folder = dir / "missing"}),
                AllOf(HasSubstr((dir / "missing").string()), HasSubstr("not found")));
    // Without perlin_texture the folder is not needed, so not opened.
    EXPECT_EQ(error_of({.generators = {{"confetti", 1}}, .texture_folder = dir / "missing"}), "(no error)");
}

}  // namespace
}  // namespace kensa::data::synthetic
