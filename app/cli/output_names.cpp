#include "output_names.h"

#include <map>
#include <set>
#include <string>

namespace kensa::cli {

std::vector<std::filesystem::path> output_names(const std::vector<data::ImageFile>& files) {
    // Per folder: how many images share each stem, and every image's whole name.
    std::map<std::filesystem::path, std::map<std::string, int>> stems;
    std::map<std::filesystem::path, std::set<std::string>> names;
    for (const auto& f : files) {
        const auto folder = f.relative_path.parent_path();
        ++stems[folder][f.relative_path.stem().string()];
        names[folder].insert(f.relative_path.filename().string());
    }
    // Whole names are unique in a folder; a stem kept is unique among stems and is no image's whole name.
    std::vector<std::filesystem::path> out;
    out.reserve(files.size());
    for (const auto& f : files) {
        const auto folder = f.relative_path.parent_path();
        const std::string stem = f.relative_path.stem().string();
        const bool shared = stems[folder][stem] > 1 || names[folder].contains(stem);
        out.push_back(folder / (shared ? f.relative_path.filename().string() : stem));
    }
    return out;
}

}  // namespace kensa::cli
