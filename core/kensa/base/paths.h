#pragma once

#include <filesystem>
#include <vector>

namespace kensa {

// Directories searched, in order, for backbone weight files:
// $KENSA_WEIGHTS_DIR, <executable>/../share/kensa/weights, and the build tree's weights directory.
std::vector<std::filesystem::path> weights_search_path();

// The first existing <dir>/<file_name> on weights_search_path(), or an empty path.
std::filesystem::path find_weights_file(const std::string& file_name);

}  // namespace kensa
