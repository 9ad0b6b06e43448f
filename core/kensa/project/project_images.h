#pragma once
// Adding images to a project: plain folders (normal training images, or test images to review) and
// products in MVTec-AD layout with their ground truth. Only file names are read here (fast for thousands of
// images); decoding, and finding unreadable files, is left to whoever shows or uses the images.

#include <kensa/base/result.h>
#include <kensa/project/project.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kensa::project {

struct AddImagesReport {
    int added = 0;
    int already_present = 0;          // images the project held already (not added twice)
    std::vector<std::string> issues;  // "path: reason" for files that were skipped
};

// Lists the image files of `folder` (sorted; subfolders too when recursive). Train images are labelled
// Normal (the user vouches for the folder), test images Unlabelled. Fails when the folder cannot be read.
Result<AddImagesReport> add_image_folder(Project& project, const std::filesystem::path& folder,
                                         ImageRole role, bool recursive = true);

// Adds an MVTec-AD product: train/good as Normal train images; test/good as Normal test images; test/<type>
// as Defect test images of that type, their ground-truth masks kept as source_mask. Fails when the folder is
// not in MVTec-AD layout (the message says what is missing).
Result<AddImagesReport> import_mvtec_product(Project& project, const std::filesystem::path& root);

}  // namespace kensa::project
