#pragma once
// One real defect image to train on, whatever its source (an MVTec ground_truth/ folder, masks drawn in
// the app, a list file): a plain (image, mask) pair. LibTorch-free.

#include <opencv2/core.hpp>

#include <string>

namespace kensa::engine {

struct DefectSample {
    cv::Mat image;            // CV_32FC3 RGB in [0, 1] (as data::read_image gives)
    cv::Mat mask;             // CV_8UC1 of the image's size, nonzero = defect (0/255 on disk)
    std::string defect_type;  // recorded in the bundle, e.g. "crack"; may be empty
    std::string path;         // recorded in the bundle, relative to the product or project ("test/crack/000.png")
};

}  // namespace kensa::engine
