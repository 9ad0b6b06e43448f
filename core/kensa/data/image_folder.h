#pragma once
// A plain folder of images: which files count as images, and a deterministic listing of them.

#include <kensa/base/result.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kensa::data {

// True when the extension is one Kensa reads (.png .jpg .jpeg .bmp .tif .tiff, any letter case).
bool is_image_file(const std::filesystem::path& path);

struct ImageFile {
    std::filesystem::path path;           // as found: folder / relative_path
    std::filesystem::path relative_path;  // relative to the listed folder, e.g. "lot2/0003.png"
};

// The image files in a folder (and its subfolders when recursive), sorted by relative path (byte order of
// the '/'-separated form) so every run and platform sees the same order. Hidden files and folders (name
// starting with '.', e.g. macOS "._x.png" resource forks) are skipped; symbolic links to folders are not
// followed. Fails when the folder does not exist or cannot be read.
Result<std::vector<ImageFile>> list_image_folder(const std::filesystem::path& folder, bool recursive = false);

}  // namespace kensa::data
