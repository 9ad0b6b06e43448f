#pragma once
// Reading images for the commands that train, evaluate and inspect.

#include <kensa/data/mvtec_product.h>

#include <opencv2/core.hpp>

#include <filesystem>
#include <vector>

namespace kensa::cli {

struct LoadedImages {
    std::vector<cv::Mat> images;  // CV_32FC3 RGB [0, 1]
    std::vector<cv::Mat> masks;   // CV_8UC1 0/255; zeros for good images, empty when a defect has no mask
};

// Loads every record (throws kensa::Error naming the file on a read failure).
LoadedImages load_images(const std::vector<data::ImageRecord>& records);

// load_mvtec_product with a progress display; prints its issues as warnings. Throws on failure.
data::MvtecProduct open_product(const std::filesystem::path& root);

// Every readable image directly in a folder (unreadable ones are skipped with a warning); throws when none.
std::vector<cv::Mat> load_folder_images(const std::filesystem::path& folder);

}  // namespace kensa::cli
