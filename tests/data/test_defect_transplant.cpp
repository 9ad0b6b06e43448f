// Marked defects moved onto normal images: the synthetic-defect contract, determinism, that the pasted
// pixels are the marked defect's own, and input checks.

#include <kensa/base/error.h>
#include <kensa/data/synthetic/defect_transplant.h>

#include "synthetic_support.h"

#include <gtest/gtest.h>

namespace kensa::data::synthetic {
namespace {

using test::brick_image;
using test::expect_contract;

// Two marked defects of the sample product, as a user would mark them.
struct Marked {
    std::vector<cv::Mat> images, masks;
    Marked() {
        static const SampleSynthesizer synthesizer;
        for (auto [kind, seed] : {std::pair{DefectKind::Stain, 3}, std::pair{DefectKind::Hole, 4}}) {
            const auto sample = synthesizer.defect_sample(kind, static_cast<uint64_t>(seed), 256);
            images.push_back(sample.defective);
            masks.push_back(sample.mask);
        }
    }
};

TEST(DefectTransplant, KeepsTheContractAndIsDeterministic) {
    const Marked marked;
    const DefectTransplant transplant(marked.images, marked.masks);
    EXPECT_EQ(transplant.size(), 2u);
    for (uint64_t seed = 0; seed < 16; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const cv::Mat image = brick_image(200 + seed);
        const auto a = transplant.apply(image, seed);
        expect_contract(image, a);
        EXPECT_EQ(a.generator, "marked_defect");
        const auto b = transplant.apply(image, seed);
        EXPECT_EQ(cv::norm(a.image, b.image, cv::NORM_INF), 0.0);
        EXPECT_EQ(cv::norm(a.mask, b.mask, cv::NORM_INF), 0.0);
    }
    const cv::Mat image = brick_image(300);
    EXPECT_GT(cv::norm(transplant.apply(image, 1).mask, transplant.apply(image, 2).mask, cv::NORM_L1), 0.0);
}

TEST(DefectTransplant, PastesTheMarkedDefectWithItsArea) {
    // One marked defect (a stain), a uniform grey image: the moved mask has the marked area, and inside
    // it (away from the anti-aliased edge) the pixels are the stained brick's, not the grey.
    const Marked marked;
    const DefectTransplant transplant({marked.images[0]}, {marked.masks[0]});
    const cv::Mat grey(256, 256, CV_32FC3, cv::Scalar(0.5, 0.5, 0.5));
    const auto moved = transplant.apply(grey, 5);
    cv::Mat inner;
    cv::erode(moved.mask, inner, cv::Mat());
    ASSERT_GT(cv::countNonZero(inner), 0);
    const double marked_area = cv::countNonZero(marked.masks[0]);
    EXPECT_NEAR(cv::countNonZero(moved.mask), marked_area, 0.05 * marked_area);
    // The stain darkens the brick: the pasted inside is far from the grey it replaced.
    const cv::Scalar inside = cv::mean(moved.image, inner);
    EXPECT_GT(std::abs(inside[0] - 0.5) + std::abs(inside[1] - 0.5) + std::abs(inside[2] - 0.5), 0.1);
}

TEST(DefectTransplant, ScalesADefectLargerThanTheImageDown) {
    const Marked marked;
    const DefectTransplant transplant(marked.images, marked.masks);
    const cv::Mat small = brick_image(7, 32);
    for (uint64_t seed = 0; seed < 8; ++seed)
        expect_contract(small, transplant.apply(small, seed));
}

TEST(DefectTransplant, RejectsBadInput) {
    const Marked marked;
    EXPECT_THROW(DefectTransplant({}, {}), Error);
    EXPECT_THROW(DefectTransplant(marked.images, {marked.masks[0]}), Error);
    EXPECT_THROW(DefectTransplant({marked.images[0]}, {cv::Mat::zeros(256, 256, CV_8UC1)}), Error);
    EXPECT_THROW(DefectTransplant({marked.images[0]}, {cv::Mat::zeros(128, 128, CV_8UC1)}), Error);
    const DefectTransplant transplant(marked.images, marked.masks);
    EXPECT_THROW(transplant.apply(cv::Mat::zeros(64, 64, CV_8UC3), 1), Error);
}

}  // namespace
}  // namespace kensa::data::synthetic
