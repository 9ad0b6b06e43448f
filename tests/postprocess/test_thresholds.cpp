#include <kensa/base/error.h>
#include <kensa/postprocess/thresholds.h>

#include <gtest/gtest.h>

#include <cmath>

namespace pp = kensa::postprocess;

TEST(Thresholds, QuantileInterpolatesAsNumpy) {
    EXPECT_FLOAT_EQ(pp::quantile({4, 1, 3, 2}, 0.5), 2.5f);   // numpy.quantile([1,2,3,4], 0.5)
    EXPECT_FLOAT_EQ(pp::quantile({4, 1, 3, 2}, 0.99), 3.97f);  // 3 + 0.97 * (4 - 3)
    EXPECT_FLOAT_EQ(pp::quantile({7}, 0.3), 7.f);
    EXPECT_TRUE(std::isnan(pp::quantile({}, 0.5)));
}

TEST(Thresholds, HoldoutIsEveryKthImageAndNeverMoreThanHalf) {
    pp::HoldoutConfig c;  // 10%, at least 4
    const auto held = pp::holdout_mask(80, c);
    std::vector<int> indices;
    for (size_t i = 0; i < held.size(); ++i)
        if (held[i])
            indices.push_back(static_cast<int>(i));
    EXPECT_EQ(indices, (std::vector<int>{9, 19, 29, 39, 49, 59, 69, 79}));
    const auto few = pp::holdout_mask(6, c);  // 4 wanted, 3 allowed
    EXPECT_EQ(std::count(few.begin(), few.end(), true), 3);
    c.min_images = 0;
    c.fraction = 0;
    const auto none = pp::holdout_mask(10, c);
    EXPECT_EQ(std::count(none.begin(), none.end(), true), 0);
}

TEST(Thresholds, FromHeldOutNormalImages) {
    std::vector<pp::AnomalyResult> held;
    for (int i = 0; i < 5; ++i)
        held.push_back({cv::Mat(2, 2, CV_32FC1, cv::Scalar(float(i))), float(10 + i)});
    pp::HoldoutConfig c;
    c.image_quantile = 0.5;
    c.pixel_quantile = 1.0;
    const auto t = pp::thresholds_from_normal(held, c);
    EXPECT_FLOAT_EQ(t.image, 12.f);
    EXPECT_FLOAT_EQ(t.pixel, 4.f);
    EXPECT_EQ(t.holdout_images, 5);
    EXPECT_EQ(t.normal_quantile, 0.5);
    c.image_quantile = 0;
    EXPECT_THROW(c.validate(), kensa::Error);
}

TEST(Thresholds, F1OptimalOnlyWhereTheEvaluationHasThem) {
    kensa::metrics::EvaluationReport report;
    report.overall.image_f1_threshold = 0.75;
    const auto f1 = pp::f1_optimal_thresholds(report);
    EXPECT_EQ(f1.image, 0.75f);
    EXPECT_FALSE(f1.pixel);  // NaN: no pixel metrics
}
