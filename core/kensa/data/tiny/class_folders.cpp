#include <kensa/data/tiny/class_folders.h>

#include <kensa/data/image_folder.h>
#include <kensa/data/image_io.h>

#include <algorithm>

namespace kensa::data {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> class_folder_names(const fs::path& split) {
    std::error_code ec;
    if (!fs::is_directory(split, ec))
        throw file_error(split, "missing: a folders dataset has train/<class>/ and test/<class>/ folders of images");
    std::vector<std::string> names;
    for (const fs::path& folder : list_folder_entries(split).folders)
        names.push_back(folder.filename().string());
    return names;
}

void read_split(const fs::path& split, const std::vector<std::string>& classes, LabelledImages& out,
                std::vector<std::string>& warnings) {
    for (const std::string& name : class_folder_names(split)) {
        const auto found = std::find(classes.begin(), classes.end(), name);
        if (found == classes.end())
            throw file_error(split / name, "a class that train/ does not have");
        const int label = static_cast<int>(found - classes.begin());
        ImageListing listing = scan_image_folder(split / name).take();
        for (const SkippedEntry& skipped : listing.skipped)
            warnings.push_back(skipped.message());
        if (listing.files.empty())
            throw file_error(split / name, "no images in this class folder");
        for (const ImageFile& file : listing.files) {
            out.images.push_back(read_image(file.path).take());
            out.labels.push_back(label);
        }
    }
}

}  // namespace

TinyDataset read_class_folders(const fs::path& folder) {
    TinyDataset dataset;
    dataset.class_names = class_folder_names(folder / "train");
    if (dataset.class_names.empty())
        throw file_error(folder / "train", "no class folders");
    read_split(folder / "train", dataset.class_names, dataset.train, dataset.warnings);
    read_split(folder / "test", dataset.class_names, dataset.test, dataset.warnings);
    dataset.description = "folders of images by class";
    return dataset;
}

}  // namespace kensa::data
