#include <kensa/project/annotation_store.h>

#include <kensa/project/project_file.h>

#include <kensa/base/file_name_limit.h>
#include <kensa/data/image_io.h>

#include <unordered_set>

namespace kensa::project {
namespace fs = std::filesystem;

namespace {

// The image's folder below the parent of the source folder that holds it, else its own folder's name.
fs::path group_folder(const Project& project, const fs::path& image) {
    size_t best = 0;
    fs::path group;
    for (const auto& s : project.sources) {
        const fs::path rel = image.lexically_relative(s.folder.parent_path());
        const size_t depth = std::distance(s.folder.begin(), s.folder.end());
        if (!rel.empty() && *rel.begin() != ".." && depth > best) {
            best = depth;
            group = rel.parent_path();
        }
    }
    return group.empty() ? image.parent_path().filename() : group;
}

}  // namespace

fs::path annotation_path(const Project& project, size_t index) {
    const ImageEntry& entry = project.images.at(index);
    if (!entry.mask.empty())
        return entry.mask;
    std::unordered_set<std::string> taken;
    for (const auto& e : project.images) {
        if (!e.mask.empty())
            taken.insert(e.mask.generic_string());
    }
    const fs::path dir = fs::path(k_annotations_dir) / group_folder(project, entry.path);
    const std::string stem = entry.path.stem().string();
    // An image name near the 255-byte limit would not take the suffix: name_within_limit shortens it.
    fs::path candidate = dir / name_within_limit(stem, "_mask.png");
    for (int n = 2; taken.count(candidate.generic_string()); ++n)
        candidate =
            dir / name_within_limit(stem, std::string("_").append(std::to_string(n)).append("_mask.png"));
    return candidate;
}

Result<cv::Mat> load_mask(const Project& project, const fs::path& project_folder, size_t index) {
    const ImageEntry& entry = project.images.at(index);
    std::error_code ec;
    if (!entry.mask.empty() && fs::exists(project_folder / entry.mask, ec))
        return data::read_mask(project_folder / entry.mask);
    if (!entry.source_mask.empty() && fs::exists(entry.source_mask, ec))
        return data::read_mask(entry.source_mask);
    return cv::Mat();
}

int64_t save_mask(const fs::path& project_folder, const fs::path& relative_path, const cv::Mat& mask) {
    const fs::path file = project_folder / relative_path;
    if (mask.empty() || mask.type() != CV_8UC1)
        throw file_error(file, "a mask must be a non-empty 8-bit single-channel image");
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec)
        throw file_error(file.parent_path(), "cannot create folder: " + ec.message());
    cv::Mat binary = mask != 0;  // 0/255
    data::write_image(file, binary);
    return cv::countNonZero(binary);
}

}  // namespace kensa::project
