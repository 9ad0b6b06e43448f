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

// An entry with an image's name that is not an image file Kensa can read, and why.
struct SkippedEntry {
    std::filesystem::path path;
    std::string reason;  // "a broken symbolic link (its target does not exist)", "cannot list: ..."
    std::string message() const { return path.string() + ": " + reason + " (skipped)"; }
};

struct ImageListing {
    std::vector<ImageFile> files;
    std::vector<SkippedEntry> skipped;  // image names that are links to nowhere, loops, devices, pipes;
                                        // subfolders that cannot be listed (recursive only)
};

// The visible entries of one folder (names starting with '.', such as .DS_Store, are skipped silently),
// files and folders each sorted. Throws kensa::Error naming the folder when it cannot be listed.
struct FolderEntries {
    std::vector<std::filesystem::path> files;    // regular files (or links to them)
    std::vector<std::filesystem::path> folders;  // folders (or links to them)
    std::vector<std::filesystem::path> others;   // neither: broken links, link loops, devices, pipes
};
FolderEntries list_folder_entries(const std::filesystem::path& folder);

// The image files in a folder (and its subfolders when recursive), sorted by relative path (byte order of
// the '/'-separated form) so every run and platform sees the same order. Hidden files and folders (name
// starting with '.', e.g. macOS "._x.png" resource forks) are left out silently; symbolic links to
// folders are not followed. Fails when the folder itself does not exist or cannot be read.
Result<ImageListing> scan_image_folder(const std::filesystem::path& folder, bool recursive = false);

// scan_image_folder's files alone, for callers that do not report what was skipped.
Result<std::vector<ImageFile>> list_image_folder(const std::filesystem::path& folder, bool recursive = false);

}  // namespace kensa::data
