#pragma once
// The synthetic normal images and the tiny configuration (random-init ResNet-18, no weights file needed)
// the batch-inspection tests train on; shared by the engine tests.

#include <kensa/engine/training.h>

#include "../support/tiny_adtr.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <vector>

namespace kensa::test {

// Normal images: smooth random blobs of one colour family on a textured background (deterministic).
inline std::vector<cv::Mat> normal_images(int count, cv::Size size, uint64_t seed) {
    cv::RNG rng(seed);
    std::vector<cv::Mat> out;
    for (int i = 0; i < count; ++i) {
        cv::Mat img(size, CV_32FC3);
        rng.fill(img, cv::RNG::UNIFORM, cv::Scalar(0.35, 0.45, 0.55), cv::Scalar(0.45, 0.55, 0.65));
        cv::GaussianBlur(img, img, cv::Size(5, 5), 1.5);
        out.push_back(img);
    }
    return out;
}
inline std::vector<cv::Mat> normal_images(int count, int size, uint64_t seed) {
    return normal_images(count, cv::Size(size, size), seed);
}

// A small, fast configuration: random-init ResNet-18 (needs no weights file), 64 px, 8x8 grid.
inline engine::TrainingConfig tiny_config() {
    engine::TrainingConfig c;
    c.features.backbone = "resnet18";
    c.features.random_init = true;
    c.features.image_size = 64;
    use_tiny_transformer(c.adtr.model);
    c.adtr.model.dropout = 0.0;
    c.adtr.epochs = 60;
    c.adtr.learning_rate = 1e-3;
    c.adtr.precision = adtr::Precision::Float32;
    c.map.score_pool = 8;
    return c;
}

}  // namespace kensa::test
