#pragma once
// Reading a whole file Kensa was given (an image, a model, a project file): only regular files, so a FIFO
// or a link to /dev/zero fails at once instead of blocking or filling memory.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace kensa {

// The file's bytes. Throws kensa::Error naming the path and why: missing, a broken symbolic link or a
// link loop, a folder, a device or pipe, empty (when allow_empty is false), unreadable.
std::vector<std::byte> read_regular_file(const std::filesystem::path& path, bool allow_empty = false);

// Why path is not a regular file that can be read, in a file manager's words ("a broken symbolic link
// (its target does not exist)", "a device, not a regular file", ...): for listings that skip such entries.
std::string why_not_regular(const std::filesystem::path& path);

}  // namespace kensa
