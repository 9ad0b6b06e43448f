#include <kensa/base/paths.h>

#include <cstdlib>
#include <system_error>

namespace kensa {

namespace {
std::filesystem::path executable_dir() {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path{} : exe.parent_path();
}
}  // namespace

std::vector<std::filesystem::path> weights_search_path() {
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("KENSA_WEIGHTS_DIR"); env && *env)
        dirs.emplace_back(env);
    if (auto exe = executable_dir(); !exe.empty())
        dirs.push_back(exe.parent_path() / "share" / "kensa" / "weights");
    dirs.emplace_back(KENSA_DEFAULT_WEIGHTS_DIR);
    return dirs;
}

std::filesystem::path find_weights_file(const std::string& file_name) {
    for (const auto& dir : weights_search_path()) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / file_name, ec))
            return dir / file_name;
    }
    return {};
}

}  // namespace kensa
