#pragma once
// Where infer writes each image's outputs (its map "<name>.tiff", its overlay "<name>.overlay.png").

#include <kensa/data/image_folder.h>

#include <filesystem>
#include <vector>

namespace kensa::cli {

// For each file, its output name relative to the output folder, without a suffix: the image's relative path
// without its extension ("lot2/0003"), unless that would give two images of one folder the same outputs
// ("a.png" and "a.jpg", or "a.png.png" beside those): then the image's whole name ("a.png", so a.png.tiff).
// Names stay as short as they were unless they collide, and a collision never replaces one map by another.
std::vector<std::filesystem::path> output_names(const std::vector<data::ImageFile>& files);

}  // namespace kensa::cli
