#pragma once
// Writes a complete sample product in MVTec-AD layout (see mvtec_product.h) for demos and tests.

#include <kensa/base/progress.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kensa::data {

struct SampleProductConfig {
    std::filesystem::path output_dir;  // the product folder to create; its name is the product's name
    uint64_t seed = 1;
    int train_good = 80;
    int test_good = 20;
    int test_per_defect = 8;  // for each of the five defect kinds
    int image_size = 256;
    std::filesystem::path source_photo;  // empty: the embedded brick photograph
    bool overwrite = false;              // replace an existing output_dir (else it is an error)
    ProgressCallback progress;           // stage "generating"; returning false cancels
};

struct SampleProductResult {
    std::filesystem::path root;
    std::string name;
    int train_images = 0;
    int test_images = 0;
    std::vector<std::string> defect_types;  // sorted
};

// Generates the product: train/good, test/good and test/<defect>, ground_truth/<defect>/<stem>_mask.png,
// and a README.txt naming the seed and the photos' licence. Image i of a folder depends only on the seed, the
// folder and i, so the same seed gives byte-identical files. Everything is written into a hidden sibling
// folder that is renamed to output_dir at the end: a cancelled or failed run leaves no output_dir behind.
// Throws kensa::Error (bad config, unreadable photo, disk trouble) or kensa::Cancelled.
SampleProductResult generate_sample_product(const SampleProductConfig& config);

}  // namespace kensa::data
