// Every generator, through the registry: determinism, the pixel contract of defect.h, input checks.

#include <kensa/base/error.h>
#include <kensa/data/synthetic/registry.h>

#include "synthetic_support.h"

#include <gtest/gtest.h>

#include <set>

namespace kensa::data::synthetic {
namespace {

using test::brick_image;
using test::expect_contract;

class EveryGenerator : public ::testing::TestWithParam<std::string> {
protected:
    std::unique_ptr<Generator> m_generator = make_generator(GetParam());
};

TEST_P(EveryGenerator, SameSeedSamePixelsOtherSeedsDiffer) {
    const cv::Mat image = brick_image(11);
    const SyntheticDefect a = m_generator->apply(image, 42);
    const SyntheticDefect b = m_generator->apply(image, 42);
    EXPECT_EQ(a.generator, GetParam());
    EXPECT_EQ(cv::norm(a.image, b.image, cv::NORM_INF), 0.0);
    EXPECT_EQ(cv::norm(a.mask, b.mask, cv::NORM_INF), 0.0);
    for (uint64_t seed : {43, 44, 1000}) {
        const SyntheticDefect c = m_generator->apply(image, seed);
        EXPECT_GT(cv::norm(a.mask, c.mask, cv::NORM_L1), 0.0) << "seed " << seed;
        EXPECT_GT(cv::norm(a.image, c.image, cv::NORM_L1), 0.0) << "seed " << seed;
    }
}

TEST_P(EveryGenerator, OnlyMaskedPixelsChange) {
    for (uint64_t seed = 0; seed < 24; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const cv::Mat image = brick_image(100 + seed);
        const cv::Mat before = image.clone();
        expect_contract(image, m_generator->apply(image, seed));
        EXPECT_EQ(cv::norm(image, before, cv::NORM_INF), 0.0) << "the input was modified";
    }
}

TEST_P(EveryGenerator, MaskedPixelsAreVisiblyChanged) {
    double changed_share = 0, mean_change = 0;
    const int n = 24;
    for (uint64_t seed = 0; seed < n; ++seed) {
        const cv::Mat image = brick_image(200 + seed);
        const SyntheticDefect d = m_generator->apply(image, seed);
        cv::Mat diff, change;
        cv::absdiff(d.image, image, diff);
        cv::transform(diff, change, cv::Matx13f(1 / 3.f, 1 / 3.f, 1 / 3.f));
        changed_share += double(cv::countNonZero((change > 0.01) & d.mask)) / cv::countNonZero(d.mask) / n;
        mean_change += cv::mean(change, d.mask)[0] / n;
    }
    RecordProperty("changed_share", std::to_string(changed_share));
    RecordProperty("mean_change", std::to_string(mean_change));
    EXPECT_GT(changed_share, 0.7);
    EXPECT_GT(mean_change, 0.04);
}

TEST_P(EveryGenerator, KeepsContractAtOtherSizesAndShapes) {
    const cv::Mat big = brick_image(7, 640);
    for (const cv::Rect crop : {cv::Rect(0, 0, 640, 640), cv::Rect(20, 30, 500, 180), cv::Rect(5, 5, 40, 300),
                                cv::Rect(0, 0, 16, 16)}) {
        SCOPED_TRACE(std::to_string(crop.width) + "x" + std::to_string(crop.height));
        const cv::Mat image = big(crop).clone();
        for (uint64_t seed = 0; seed < 4; ++seed)
            expect_contract(image, m_generator->apply(image, seed));
    }
}

TEST_P(EveryGenerator, MasksVaryInSizeAndPlace) {
    std::set<int> areas;
    cv::Mat1f coverage(256, 256, 0.0f);
    const cv::Mat image = brick_image(3);
    for (uint64_t seed = 0; seed < 40; ++seed) {
        const SyntheticDefect d = m_generator->apply(image, seed);
        areas.insert(cv::countNonZero(d.mask));
        cv::Mat1f hit;
        d.mask.convertTo(hit, CV_32F, 1.0 / 255);
        coverage += hit;
    }
    EXPECT_GT(areas.size(), 30u);
    // Defects land all over the image: every quadrant is hit.
    for (const cv::Rect quadrant : {cv::Rect(0, 0, 128, 128), cv::Rect(128, 0, 128, 128),
                                    cv::Rect(0, 128, 128, 128), cv::Rect(128, 128, 128, 128)}) {
        EXPECT_GT(cv::sum(coverage(quadrant))[0], 0.0);
    }
}

TEST_P(EveryGenerator, RejectsImagesItCannotUse) {
    const cv::Mat image = brick_image(1);
    cv::Mat bytes;
    image.convertTo(bytes, CV_8UC3, 255);
    EXPECT_THROW(m_generator->apply(bytes, 1), Error);
    EXPECT_THROW(m_generator->apply(image(cv::Rect(0, 0, 15, 64)), 1), Error);
    EXPECT_THROW(m_generator->apply(cv::Mat(), 1), Error);
}

INSTANTIATE_TEST_SUITE_P(Synthetic, EveryGenerator,
                         ::testing::Values("confetti", "cutpaste_patch", "cutpaste_scar", "perlin_texture",
                                           "scratch"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kensa::data::synthetic
