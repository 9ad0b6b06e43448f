#pragma once
// Defect masks drawn in Kensa, stored in the project folder in MVTec-AD ground-truth form: one 8-bit PNG per
// image, 0 = normal and 255 = defect, named <image stem>_mask.png, so any tool that reads MVTec-AD reads
// them.

#include <kensa/base/result.h>
#include <kensa/project/project.h>

#include <opencv2/core.hpp>

#include <filesystem>

namespace kensa::project {

// Where entry `index`'s annotation goes, relative to the project folder:
// annotations/<folder>/<stem>_mask.png, where <folder> is the image's path below the parent of its source
// folder (e.g. "annotations/bottle/test/crack/000_mask.png"), made unique within the project. Returns the
// entry's existing mask path when it has one.
std::filesystem::path annotation_path(const Project& project, size_t index);

// The mask to start editing entry `index` from: its own annotation, else its imported ground truth, else an
// empty Mat (no mask yet). CV_8UC1 0/255. Fails when a mask file exists but cannot be read.
Result<cv::Mat> load_mask(const Project& project, const std::filesystem::path& project_folder, size_t index);

// Writes `mask` (CV_8UC1, nonzero = defect; stored as 0/255) to <project_folder>/<relative_path> atomically,
// creating folders as needed. Returns the number of defect pixels. Throws kensa::Error naming the file.
int64_t save_mask(const std::filesystem::path& project_folder, const std::filesystem::path& relative_path,
                  const cv::Mat& mask);

}  // namespace kensa::project
