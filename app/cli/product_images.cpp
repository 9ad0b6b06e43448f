#include "product_images.h"

#include "cli_support.h"

#include <kensa/base/error.h>
#include <kensa/data/image_folder.h>
#include <kensa/data/image_io.h>

namespace kensa::cli {

LoadedImages load_images(const std::vector<data::ImageRecord>& records) {
    LoadedImages out;
    for (const auto& r : records) {
        auto loaded = data::load_record(r).take();
        out.images.push_back(std::move(loaded.image));
        out.masks.push_back(std::move(loaded.mask));
    }
    return out;
}

data::MvtecProduct open_product(const std::filesystem::path& root) {
    data::MvtecLoadOptions options;
    options.progress = terminal_progress();
    auto product = data::load_mvtec_product(root, options).take();
    for (const auto& issue : product.issues)
        print_warning(issue.message());
    return product;
}

std::vector<cv::Mat> load_folder_images(const std::filesystem::path& folder) {
    std::vector<cv::Mat> images;
    const auto listing = data::scan_image_folder(folder).take();
    for (const auto& skipped : listing.skipped)
        print_warning(skipped.message());
    for (const auto& f : listing.files) {
        auto image = data::read_image(f.path);
        if (image)
            images.push_back(std::move(image).take());
        else
            print_warning(image.error().message() + " (skipped)");
    }
    if (images.empty())
        throw file_error(folder, "no readable images (PNG, JPEG, BMP, TIFF)");
    return images;
}

}  // namespace kensa::cli
