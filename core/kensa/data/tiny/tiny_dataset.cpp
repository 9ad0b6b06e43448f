#include <kensa/data/tiny/tiny_dataset.h>

#include <kensa/data/tiny/cifar_binary.h>
#include <kensa/data/tiny/class_folders.h>
#include <kensa/data/tiny/idx_file.h>

#include <opencv2/imgproc.hpp>

#include <fstream>

namespace kensa::data {

namespace fs = std::filesystem;

Result<TinyDataset> read_tiny_dataset(const fs::path& folder, TinyFormat format) {
    return capture([&] {
        std::error_code ec;
        if (!fs::is_directory(folder, ec))
            throw file_error(folder, "not a folder");
        switch (format) {
        case TinyFormat::Cifar:
            return read_cifar_dataset(folder);
        case TinyFormat::Idx:
            return read_idx_dataset(folder);
        case TinyFormat::Folders:
            break;
        }
        return read_class_folders(folder);
    });
}

cv::Mat to_float_rgb(const cv::Mat& image) {
    if (image.type() == CV_32FC3)
        return image;
    cv::Mat rgb;
    if (image.type() == CV_8UC1)
        cv::cvtColor(image, rgb, cv::COLOR_GRAY2RGB);
    else if (image.type() == CV_8UC3)
        rgb = image;
    else
        throw Error("a tiny image must be 8-bit grey or RGB, or float RGB");
    cv::Mat out;
    rgb.convertTo(out, CV_32FC3, 1.0 / 255.0);
    return out;
}

std::vector<std::string> class_names_from_file(const fs::path& file, int classes) {
    std::vector<std::string> names;
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) {
        std::ifstream in(file);
        for (std::string line; std::getline(in, line);) {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
                line.pop_back();
            if (!line.empty())
                names.push_back(line);
        }
        if (static_cast<int>(names.size()) < classes)
            throw file_error(file, "names " + std::to_string(names.size()) + " classes, but the labels go up to " +
                                       std::to_string(classes - 1));
        names.resize(classes);
        return names;
    }
    for (int c = 0; c < classes; ++c)
        names.push_back(std::to_string(c));
    return names;
}

}  // namespace kensa::data
