#include <kensa/data/mvtec_product.h>

#include <kensa/base/file_bytes.h>
#include <kensa/data/image_folder.h>
#include <kensa/data/image_io.h>

#include <algorithm>
#include <map>
#include <set>

namespace kensa::data {

namespace fs = std::filesystem;

namespace {

void require_folder(const fs::path& folder, const std::string& what) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw file_error(folder, "folder not found: " + what);
}

// The reason of a file error about `path`, without repeating the path (issues carry it already).
std::string reason_of(const Error& error, const fs::path& path) {
    const std::string message = error.message(), prefix = path.string() + ": ";
    return message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
}

// Records for the image files of one type folder (train/good or test/<type>); other files become issues.
std::vector<ImageRecord> records_in(const fs::path& folder, const fs::path& split_dir,
                                    const std::string& type, std::vector<DatasetIssue>& issues) {
    FolderEntries entries;
    try {
        entries = list_folder_entries(folder);
    } catch (const Error& e) {  // e.g. no read permission: this folder is left out, not the whole product
        issues.push_back({folder, reason_of(e, folder) + "; its images are left out"});
        return {};
    }
    std::vector<ImageRecord> records;
    for (const auto& other : entries.others)
        if (is_image_file(other))
            issues.push_back({other, why_not_regular(other) + "; skipped"});
    for (const auto& file : entries.files) {
        if (!is_image_file(file)) {
            issues.push_back(
                {file, "not an image file (Kensa reads .png .jpg .jpeg .bmp .tif .tiff); skipped"});
            continue;
        }
        records.push_back({file, file.lexically_relative(split_dir), type, std::nullopt});
    }
    for (const auto& sub : entries.folders)
        issues.push_back(
            {sub, "subfolder ignored (images must sit directly in " + folder.filename().string() + "/)"});
    if (records.empty())
        issues.push_back({folder, "no images in this folder"});
    return records;
}

// Finds the mask of `image` among the files of ground_truth/<type>/ (file name -> path).
std::optional<fs::path> find_mask(const fs::path& image, const std::map<std::string, fs::path>& masks) {
    const auto stem = image.stem().string();
    if (auto it = masks.find(stem + "_mask.png"); it != masks.end())
        return it->second;
    for (const auto& base : {stem + "_mask", stem}) {
        for (const auto& [name, path] : masks) {
            if (path.stem().string() == base)
                return path;
        }
    }
    return std::nullopt;
}

std::string size_text(cv::Size s) {
    return std::to_string(s.width) + "x" + std::to_string(s.height);
}

Error size_mismatch(const fs::path& mask, cv::Size mask_size, const fs::path& image, cv::Size image_size) {
    return Error("mask size " + size_text(mask_size) + " differs from image size " + size_text(image_size) +
                 ": mask " + mask.string() + ", image " + image.string() +
                 ". Masks must have their image's exact size; re-export the mask or the image.");
}

std::string product_name(const fs::path& root) {
    auto normal = root.lexically_normal();
    if (normal.filename().empty())
        normal = normal.parent_path();
    auto name = normal.filename().string();
    if (name.empty() || name == "." || name == "..")
        name = fs::absolute(root).lexically_normal().filename().string();
    return name;
}

MvtecProduct load(const fs::path& root, const MvtecLoadOptions& options) {
    MvtecProduct product;
    product.root = root;
    product.name = product_name(root);
    require_folder(root, "the product folder");
    const fs::path train_dir = root / "train";
    const fs::path test_dir = root / "test";
    const fs::path truth_dir = root / "ground_truth";
    require_folder(train_dir / k_good_type,
                   "an MVTec-AD product keeps its normal training images in train/good/");
    require_folder(test_dir,
                   "an MVTec-AD product keeps its test images in test/<defect type>/ (type 'good' = normal)");

    product.train = records_in(train_dir / k_good_type, train_dir, std::string(k_good_type), product.issues);
    for (const auto& sub : list_folder_entries(train_dir).folders) {
        if (sub.filename() != k_good_type)
            product.issues.push_back({sub, "ignored: training uses only train/good/"});
    }

    const auto test_entries = list_folder_entries(test_dir);
    for (const auto& file : test_entries.files) {
        product.issues.push_back({file, "ignored: test images belong in test/<defect type>/"});
    }
    std::map<std::string, std::map<std::string, fs::path>> truth;  // type -> file name -> path
    std::error_code ec;
    if (fs::is_directory(truth_dir, ec)) {
        for (const auto& type_dir : list_folder_entries(truth_dir).folders) {
            auto& masks = truth[type_dir.filename().string()];
            for (const auto& file : list_folder_entries(type_dir).files) {
                if (is_image_file(file))
                    masks[file.filename().string()] = file;
            }
        }
    }
    for (const auto& type_dir : test_entries.folders) {
        const auto type = type_dir.filename().string();
        auto records = records_in(type_dir, test_dir, type, product.issues);
        if (type != k_good_type) {
            const auto& masks = truth[type];
            for (auto& r : records) {
                r.mask_path = find_mask(r.image_path, masks);
                if (!r.mask_path) {
                    product.issues.push_back(
                        {r.image_path,
                         "defect image without a mask (expected " +
                             (truth_dir / type / (r.image_path.stem().string() + "_mask.png")).string() +
                             "); it counts for image scores but not for pixel scores"});
                }
            }
        }
        product.test.insert(product.test.end(), records.begin(), records.end());
    }

    std::stable_sort(product.test.begin(), product.test.end(),
                     [](const ImageRecord& a, const ImageRecord& b) {
                         return a.relative_path.generic_string() < b.relative_path.generic_string();
                     });

    // Masks nobody points at are probably misnamed: say so.
    std::set<fs::path> used;
    for (const auto& r : product.test) {
        if (r.mask_path)
            used.insert(*r.mask_path);
    }
    for (const auto& [type, masks] : truth) {
        for (const auto& [name, path] : masks) {
            if (!used.count(path))
                product.issues.push_back(
                    {path, "mask without a matching image in test/" + type + "/; ignored"});
        }
    }

    if (options.check_images) {
        const int64_t total = static_cast<int64_t>(product.train.size() + product.test.size());
        int64_t done = 0;
        auto check = [&](std::vector<ImageRecord>& records) {
            std::vector<ImageRecord> kept;
            for (auto& r : records) {
                report(options.progress,
                       {"checking images", done++, total, r.relative_path.generic_string()});
                auto size = probe_image(r.image_path);
                if (!size) {
                    product.issues.push_back(
                        {r.image_path, "unreadable, skipped: " + reason_of(size.error(), r.image_path)});
                    continue;
                }
                if (r.mask_path) {
                    auto mask_size = probe_image(*r.mask_path);
                    if (!mask_size) {
                        product.issues.push_back(
                            {*r.mask_path,
                             "unreadable mask, ignored: " + reason_of(mask_size.error(), *r.mask_path)});
                        r.mask_path.reset();
                    } else if (*mask_size != *size) {
                        throw size_mismatch(*r.mask_path, *mask_size, r.image_path, *size);
                    }
                }
                kept.push_back(std::move(r));
            }
            records = std::move(kept);
        };
        check(product.train);
        check(product.test);
        report(options.progress, {"checking images", total, total, ""});
    }
    if (product.train.empty()) {
        throw file_error(train_dir / k_good_type,
                         "no readable training images (normal images go in train/good/)");
    }
    for (const auto& r : product.test) {
        if (!r.is_good() && std::find(product.defect_types.begin(), product.defect_types.end(),
                                      r.defect_type) == product.defect_types.end()) {
            product.defect_types.push_back(r.defect_type);
        }
    }
    std::sort(product.defect_types.begin(), product.defect_types.end());
    return product;
}

}  // namespace

Result<MvtecProduct> load_mvtec_product(const fs::path& root, const MvtecLoadOptions& options) {
    try {
        return load(root, options);
    } catch (const Cancelled&) {
        throw;
    } catch (const Error& e) {
        return e;
    } catch (const std::exception& e) {
        return Error(root.string() + ": " + e.what());
    }
}

Result<RecordImages> load_record(const ImageRecord& record) {
    return capture([&] {
        RecordImages out;
        out.image = read_image(record.image_path).take();
        if (record.is_good()) {
            out.mask = cv::Mat::zeros(out.image.size(), CV_8UC1);
        } else if (record.mask_path) {
            out.mask = read_mask(*record.mask_path).take();
            if (out.mask.size() != out.image.size()) {
                throw size_mismatch(*record.mask_path, out.mask.size(), record.image_path, out.image.size());
            }
        }
        return out;
    });
}

}  // namespace kensa::data
