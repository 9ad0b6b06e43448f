#pragma once

#include <cstddef>
#include <filesystem>
#include <span>

namespace kensa {

// Writes bytes to a temporary file beside path (`<name>.partial`, shortened when the name is too long
// for that), flushes, then renames over path: readers see the old file or the complete new one, never a
// torn write. Missing parent folders are created. Throws kensa::Error naming path on failure.
void write_file_atomically(const std::filesystem::path& path, std::span<const std::byte> bytes);

// Files that belong together (a report's CSV, HTML and PDF), written as write_file_atomically writes one,
// but renamed into place only once every one is complete: a failure (a full disk) replaces none of them and
// leaves no temporary file. (A crash between the renames, which take microseconds, can replace some.)
struct FileContent {
    std::filesystem::path path;
    std::span<const std::byte> bytes;
};
void write_files_atomically(std::span<const FileContent> files);

// The temporary name write_file_atomically uses for path: the same for every write of path, so one a
// killed process left behind is replaced by the next write, not piled up.
std::filesystem::path partial_path(const std::filesystem::path& path);

}  // namespace kensa
