#pragma once
// A tiny-image dataset as plain folders: <folder>/train/<class>/<images> and <folder>/test/<class>/<images>.
// OpenCV only.

#include <kensa/data/tiny/tiny_dataset.h>

#include <filesystem>

namespace kensa::data {

// Classes are the subfolders of train/ (sorted by name); test/ may lack a class but may not add one.
// Images are decoded as read_image does (CV_32FC3). Throws kensa::Error naming the folder or file: no
// train/ or test/, no class folders, a class folder without images, an image that cannot be read.
TinyDataset read_class_folders(const std::filesystem::path& folder);

}  // namespace kensa::data
