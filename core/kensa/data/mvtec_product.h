#pragma once
// A product laid out like MVTec-AD:
//   <root>/train/good/*                          normal images for training
//   <root>/test/<type>/*                         test images; type "good" is normal, any other a defect
//   <root>/ground_truth/<type>/<stem>_mask.png   defect masks (nonzero = defect)

#include <kensa/base/progress.h>
#include <kensa/base/result.h>

#include <opencv2/core.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::data {

inline constexpr std::string_view k_good_type = "good";

struct ImageRecord {
    std::filesystem::path image_path;
    std::filesystem::path relative_path;             // under train/ or test/, e.g. "crack/000.png"
    std::string defect_type;                         // "good" for normal images
    std::optional<std::filesystem::path> mask_path;  // defect images only; empty when the mask is missing

    bool is_good() const { return defect_type == k_good_type; }
};

// A file that was skipped or is incomplete, and why (shown to the user; loading goes on).
struct DatasetIssue {
    std::filesystem::path path;
    std::string reason;

    std::string message() const { return path.string() + ": " + reason; }
};

struct MvtecProduct {
    std::string name;  // the root folder's name
    std::filesystem::path root;
    std::vector<ImageRecord> train;         // sorted by relative path
    std::vector<ImageRecord> test;          // sorted by relative path
    std::vector<std::string> defect_types;  // sorted, without "good"
    std::vector<DatasetIssue> issues;
};

struct MvtecLoadOptions {
    // Decode every image and mask: finds unreadable files (skipped and listed in issues) and masks whose
    // size differs from their image (an error). Without it only names are checked.
    bool check_images = true;
    ProgressCallback progress;  // stage "checking images"; returning false throws kensa::Cancelled
};

// Loads the file list of an MVTec-AD product. Unreadable or non-image files are skipped and listed in
// issues, as is a defect image without a mask (kept, with no mask_path). Fails when train/good or test/
// is missing, when train/good has no readable image, or when a mask's size differs from its image's
// (the message names both files). Masks are found as <stem>_mask.png, else <stem>_mask or <stem> with
// any image extension.
Result<MvtecProduct> load_mvtec_product(const std::filesystem::path& root,
                                        const MvtecLoadOptions& options = {});

struct RecordImages {
    cv::Mat image;  // CV_32FC3 RGB in [0, 1], as read_image gives
    cv::Mat mask;  // CV_8UC1 0/255 of the image's size; zeros for good images; empty when the mask is missing
};

// Reads one record's image and mask. Fails on an unreadable file or a mask of the wrong size.
Result<RecordImages> load_record(const ImageRecord& record);

}  // namespace kensa::data
