#pragma once
// Shared by the synthetic-defect tests: real input images and the contract every defect must keep.

#include <kensa/data/sample_synthesizer.h>
#include <kensa/data/synthetic/defect.h>

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

namespace kensa::test {

using data::SampleSynthesizer;
using data::synthetic::SyntheticDefect;

// A normal image of the sample brick product (cached: building the synthesizer decodes photos).
inline cv::Mat brick_image(uint64_t seed, int size = 256) {
    static const SampleSynthesizer synthesizer;
    return synthesizer.normal_image(seed, size);
}

// The contract of defect.h: same size and type, a non-empty 0/255 mask, values in [0, 1], and every
// pixel farther than 1 px from the mask bit-identical to the input.
inline void expect_contract(const cv::Mat& input, const SyntheticDefect& d) {
    ASSERT_EQ(d.image.type(), CV_32FC3);
    ASSERT_EQ(d.image.size(), input.size());
    ASSERT_EQ(d.mask.type(), CV_8UC1);
    ASSERT_EQ(d.mask.size(), input.size());
    EXPECT_EQ(cv::countNonZero((d.mask != 0) & (d.mask != 255)), 0) << "mask is not 0/255";
    EXPECT_GT(cv::countNonZero(d.mask), 0) << "mask is empty";
    double lo = 0, hi = 0;
    cv::minMaxLoc(d.image.reshape(1), &lo, &hi);
    EXPECT_GE(lo, 0.0);
    EXPECT_LE(hi, 1.0);

    cv::Mat near;
    cv::dilate(d.mask, near, cv::Mat());  // 3x3: the mask and its 1-px rim
    cv::Mat diff;
    cv::absdiff(d.image, input, diff);
    cv::Mat changed;
    cv::transform(diff, changed, cv::Matx13f(1, 1, 1));
    EXPECT_EQ(cv::countNonZero((changed > 0) & (near == 0)), 0) << "pixels changed beyond the 1-px rim";
    EXPECT_GT(cv::countNonZero(changed > 0), 0) << "nothing changed";
}

}  // namespace kensa::test
