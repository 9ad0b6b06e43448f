#pragma once

#include <cstddef>
#include <filesystem>
#include <span>

namespace kensa {

// Writes bytes to `<path>.partial`, flushes, then renames over path: readers see the old file or the
// complete new one, never a torn write. Throws kensa::Error naming the path on failure.
void write_file_atomically(const std::filesystem::path& path, std::span<const std::byte> bytes);

}  // namespace kensa
