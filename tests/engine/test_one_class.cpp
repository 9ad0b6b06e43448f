// The one-class protocol on a small generated dataset of three easily told apart classes: its bookkeeping
// (which images train, which test as normal or anomalous, limits, order, mean), that every method's
// scores separate the classes in the paper's tiny-image setting, and its errors and cancellation.
#include <kensa/base/error.h>
#include <kensa/engine/one_class.h>

#include "tiny_model.h"

#include <gtest/gtest.h>
#include <opencv2/imgproc.hpp>

#include <string>
#include <vector>

namespace {

using kensa::data::TinyDataset;
using kensa::engine::OneClassConfig;
using kensa::engine::OneClassReport;
using kensa::engine::OneClassRun;

// Class 0: dark and smooth; 1: bright vertical stripes; 2: a mid-grey checkerboard. Grey 8-bit, 28 x 28
// (stored as Fashion-MNIST's are), with noise so no two images are the same.
cv::Mat tiny_image(int label, cv::RNG& rng) {
    cv::Mat img(28, 28, CV_8UC1);
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x) {
            int v = 40;
            if (label == 1)
                v = (x / 3) % 2 ? 230 : 120;
            if (label == 2)
                v = ((x / 4) + (y / 4)) % 2 ? 170 : 70;
            img.at<uint8_t>(y, x) = cv::saturate_cast<uint8_t>(v + rng.gaussian(12.0));
        }
    return img;
}

TinyDataset three_classes(int train_per_class, int test_per_class) {
    TinyDataset d;
    d.description = "three generated classes";
    d.class_names = {"dark", "stripes", "checks"};
    cv::RNG rng(7);
    for (int i = 0; i < train_per_class; ++i)
        for (int c = 0; c < 3; ++c) {
            d.train.images.push_back(tiny_image(c, rng));
            d.train.labels.push_back(c);
        }
    for (int i = 0; i < test_per_class; ++i)
        for (int c = 0; c < 3; ++c) {
            d.test.images.push_back(tiny_image(c, rng));
            d.test.labels.push_back(c);
        }
    return d;
}

OneClassConfig tiny_protocol(const std::string& method) {
    OneClassConfig c;
    c.training = kensa::test::tiny_config();
    kensa::engine::apply_tiny_image_settings(c.training);
    c.training.method = method;
    c.training.adtr.epochs = 10;
    c.training.patchcore.coreset_ratio = 0.25;
    c.training.padim.channels = 40;
    c.training.spade.k_images = 3;
    return c;
}

class EveryMethodOneClass : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryMethodOneClass, SeparatesEachClassFromTheOthers) {
    const TinyDataset d = three_classes(12, 6);
    std::vector<std::string> seen;
    const OneClassReport r = kensa::engine::run_one_class(d, tiny_protocol(GetParam()), {},
                                                          [&](const OneClassRun& run) { seen.push_back(run.name); });
    EXPECT_EQ(r.method, GetParam());
    EXPECT_EQ(r.dataset, "three generated classes");
    ASSERT_EQ(r.classes.size(), 3u);
    EXPECT_EQ(seen, (std::vector<std::string>{"dark", "stripes", "checks"}));
    double sum = 0;
    for (int c = 0; c < 3; ++c) {
        const OneClassRun& run = r.classes[static_cast<size_t>(c)];
        EXPECT_EQ(run.label, c);
        EXPECT_EQ(run.train_images + run.holdout_images, 12);  // the class's own training images, no others
        EXPECT_GE(run.holdout_images, 4);
        EXPECT_EQ(run.test_normal, 6);
        EXPECT_EQ(run.test_anomalous, 12);
        EXPECT_GT(run.image_auroc, 0.9) << GetParam() << " on class " << run.name;
        EXPECT_GT(run.test_images_per_second, 0.0);
        sum += run.image_auroc;
    }
    EXPECT_NEAR(r.mean_auroc, sum / 3, 1e-12);
}

INSTANTIATE_TEST_SUITE_P(Methods, EveryMethodOneClass, ::testing::Values("adtr", "patchcore", "padim", "spade"));

TEST(OneClass, ClassesLimitsAndOrderAreKept) {
    const TinyDataset d = three_classes(12, 6);
    OneClassConfig c = tiny_protocol("padim");
    c.classes = {2, 0};
    c.max_train_images = 9;
    c.max_test_images = 9;  // the first nine test images: three of each class
    const OneClassReport r = kensa::engine::run_one_class(d, c);
    ASSERT_EQ(r.classes.size(), 2u);
    EXPECT_EQ(r.classes[0].name, "checks");
    EXPECT_EQ(r.classes[1].name, "dark");
    for (const auto& run : r.classes) {
        EXPECT_EQ(run.train_images + run.holdout_images, 9);
        EXPECT_EQ(run.test_normal, 3);
        EXPECT_EQ(run.test_anomalous, 6);
    }
}

TEST(OneClass, OutliersTrainAdtrPlusOnWholeImages) {
    const TinyDataset d = three_classes(12, 6);
    OneClassConfig c = tiny_protocol("adtr");
    c.classes = {1};
    cv::RNG rng(3);
    for (int i = 0; i < 20; ++i) {  // external anomalies: noise of no class
        cv::Mat noise(28, 28, CV_8UC1);
        rng.fill(noise, cv::RNG::UNIFORM, 0, 256);
        c.outliers.push_back(noise);
    }
    const OneClassReport r = kensa::engine::run_one_class(d, c);
    ASSERT_EQ(r.classes.size(), 1u);
    EXPECT_EQ(r.classes[0].outlier_images, 12);  // as many as the class's training images, not all 20
    EXPECT_GT(r.classes[0].image_auroc, 0.9);

    c.training.method = "padim";  // learns from normal images only: the outliers are not used
    EXPECT_EQ(kensa::engine::run_one_class(d, c).classes[0].outlier_images, 0);
}

TEST(OneClass, TinySettingsAreThePapers) {
    kensa::engine::TrainingConfig c;
    kensa::engine::apply_tiny_image_settings(c);
    EXPECT_EQ(c.features.image_size, 32);
    EXPECT_EQ(c.features.grid_size, 8);
    EXPECT_EQ(c.map.score_pool, 0);  // the mean of the map
    EXPECT_EQ(c.map.gaussian_sigma, 0.0);
    EXPECT_EQ(c.adtr.memory_weight, 0.0);
    EXPECT_EQ(c.adtr.anomaly.objective, kensa::adtr::AnomalyObjective::Image);
}

TEST(OneClass, AnyMultipleOf16BelowSixtyFourWorks) {
    const TinyDataset d = three_classes(8, 4);
    OneClassConfig c = tiny_protocol("padim");
    c.classes = {1};
    for (int size : {16, 48}) {
        kensa::engine::apply_tiny_image_settings(c.training, size);
        EXPECT_GT(kensa::engine::run_one_class(d, c).classes[0].image_auroc, 0.9) << size << " px";
    }
    kensa::engine::apply_tiny_image_settings(c.training, 40);
    try {
        kensa::engine::run_one_class(d, c);
        FAIL() << "40 px was accepted";
    } catch (const kensa::Error& e) {
        EXPECT_NE(e.message().find("not a positive multiple of 16"), std::string::npos) << e.message();
    }
}

TEST(OneClass, BadRequestsAreRefusedWithReasons) {
    const TinyDataset d = three_classes(6, 2);
    OneClassConfig c = tiny_protocol("padim");
    c.classes = {3};
    try {
        kensa::engine::run_one_class(d, c);
        FAIL();
    } catch (const kensa::Error& e) {
        EXPECT_NE(e.message().find("class 3 is not one of the dataset's 3 classes (0-2)"), std::string::npos);
    }
    TinyDataset only_dark = d;
    only_dark.test.images.resize(1);  // the first test image is class 0: no others to tell apart
    only_dark.test.labels.resize(1);
    c.classes = {0};
    try {
        kensa::engine::run_one_class(only_dark, c);
        FAIL();
    } catch (const kensa::Error& e) {
        EXPECT_NE(e.message().find("need both this class and others (1 of it, 0 others)"), std::string::npos)
            << e.message();
    }
    TinyDataset no_checks = d;
    no_checks.train.images.resize(2);  // classes 0 and 1 only
    no_checks.train.labels.resize(2);
    c.classes = {2};
    EXPECT_THROW(kensa::engine::run_one_class(no_checks, c), kensa::Error);
}

TEST(OneClass, CancelStopsWithinAClass) {
    const TinyDataset d = three_classes(12, 6);
    int calls = 0;
    EXPECT_THROW(kensa::engine::run_one_class(d, tiny_protocol("padim"),
                                              [&](const kensa::Progress& p) {
                                                  ++calls;
                                                  return p.stage == "class" || calls < 3;
                                              }),
                 kensa::Cancelled);
}

}  // namespace
