#pragma once
// One-class classification of tiny images, the ADTR paper's CIFAR-10 protocol: for each chosen class, a
// model trains on that class's training images alone, scores every test image, and the image AUROC says
// how well its scores set the class (normal) apart from all the others (anomalies). Any method; the
// paper's setting is tiny_image_settings(). LibTorch-free.

#include <kensa/base/progress.h>
#include <kensa/data/tiny/tiny_dataset.h>
#include <kensa/methods/training.h>

#include <functional>
#include <string>
#include <vector>

namespace kensa::engine {

// The paper's tiny-image setting on a training config: input image_size x image_size (32 in the paper), an
// 8 x 8 feature grid, the image score the mean of the anomaly map, no smoothing (nothing is localised).
// For ADTR: the reconstruction alone (no memory term, whose bank of every training position would make
// thousands of images slow to score), positions normalised without the synthetic-defect choice (its
// defects are local, these anomalies are whole images), and ADTR+ with the image-level loss alone, its
// anomalies never moved onto normal images (they are whole images).
void apply_tiny_image_settings(TrainingConfig& config, int image_size = 32);

struct OneClassConfig {
    TrainingConfig training;   // the method and its options (apply_tiny_image_settings for the paper's)
    std::vector<int> classes;  // the classes to run, in this order; empty: every class
    int max_train_images = 0;  // per class, its first N training images (0: all)
    int max_test_images = 0;   // the first N test images (0: all; fewer only for a quick look)
    // Anomaly-available training (ADTR+ with the image-level loss, as the paper trains on CIFAR-100 images
    // for CIFAR-10): external images of no class, each labelled anomalous as a whole. A class trains on
    // as many of them as it has training images (the first ones), as the paper does. Empty: normal-only.
    std::vector<cv::Mat> outliers;  // 8-bit grey or RGB, or CV_32FC3 (as LabelledImages holds them)
};

struct OneClassRun {
    int label = 0;
    std::string name;
    int train_images = 0;    // the class's training images the model saw (the held-out slice excluded)
    int holdout_images = 0;  // of the class's, kept out to set the model's thresholds
    int outlier_images = 0;  // external anomalies trained on (anomaly-available mode)
    int test_normal = 0;     // test images of this class
    int test_anomalous = 0;  // test images of every other class
    double image_auroc = 0.0;
    double training_seconds = 0.0;  // wall time of engine::train, features included
    double test_seconds = 0.0;      // wall time of scoring the test images
    double test_images_per_second = 0.0;
};

struct OneClassReport {
    std::string dataset;  // TinyDataset::description
    std::string method;
    std::vector<OneClassRun> classes;
    double mean_auroc = 0.0;  // over classes
    double seconds = 0.0;     // the whole protocol
};

// Runs the protocol. Reports ("class", i, n, detail = class name) before each class and the training and
// inspection stages within it; returning false stops within one step (throws Cancelled). on_class, when
// set, sees each class's result as it finishes. Throws kensa::Error for a class index out of range, a
// class without training images, or a test set without images of the class or of any other.
OneClassReport run_one_class(const data::TinyDataset& dataset, const OneClassConfig& config,
                             const ProgressCallback& progress = {},
                             const std::function<void(const OneClassRun&)>& on_class = {});

}  // namespace kensa::engine
