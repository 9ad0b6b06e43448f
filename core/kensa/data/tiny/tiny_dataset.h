#pragma once
// Datasets of small labelled images for one-class classification (one class is normal, every other class
// an anomaly; the ADTR paper's CIFAR-10 setting): CIFAR-10/100 binary batches, MNIST-style IDX files and
// plain folders of images by class, each with its own train and test split. OpenCV only.

#include <kensa/base/enum_names.h>
#include <kensa/base/result.h>

#include <opencv2/core.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::data {

enum class TinyFormat { Cifar, Idx, Folders };
inline constexpr std::array<EnumName<TinyFormat>, 3> kTinyFormatNames{
    {{TinyFormat::Cifar, "cifar"}, {TinyFormat::Idx, "idx"}, {TinyFormat::Folders, "folders"}}};
inline std::string_view to_string(TinyFormat format) {
    return name_of(kTinyFormatNames, format);
}
inline std::optional<TinyFormat> parse_tiny_format(std::string_view name) {
    return value_of(kTinyFormatNames, name);
}

struct LabelledImages {
    std::vector<cv::Mat> images;  // CV_8UC1 (grey), CV_8UC3 (RGB) as the binary formats store them, or
                                  // CV_32FC3 RGB in [0, 1] (decoded image files)
    std::vector<int> labels;      // one per image: an index into TinyDataset::class_names
    size_t size() const { return images.size(); }
};

struct TinyDataset {
    std::string description;  // what was read, for reports: "CIFAR-10 binary batches (6 files)"
    std::vector<std::string> class_names;
    LabelledImages train;
    LabelledImages test;
    std::vector<std::string> warnings;  // what was skipped while reading, one sentence each
};

// Reads a dataset folder in the given format:
//   cifar    data_batch_1.bin .. data_batch_5.bin + test_batch.bin (CIFAR-10, class names from
//            batches.meta.txt when present), or train.bin + test.bin (CIFAR-100, fine labels, names from
//            fine_label_names.txt when present);
//   idx      train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
//            t10k-labels-idx1-ubyte (each also as .gz), class names from classes.txt when present;
//   folders  train/<class>/<images> and test/<class>/<images>, classes named by the folders of train/.
// Errors name the file and, for damaged records, the record and its byte offset.
Result<TinyDataset> read_tiny_dataset(const std::filesystem::path& folder, TinyFormat format);

// A stored image as Kensa's images are: CV_32FC3 RGB in [0, 1] (8-bit values / 255, grey copied to all
// three channels).
cv::Mat to_float_rgb(const cv::Mat& image);

// Class names from a text file, one per line (blank lines ignored), or "0", "1", ... when the file does
// not exist. Throws kensa::Error when it exists but has fewer names than classes.
std::vector<std::string> class_names_from_file(const std::filesystem::path& file, int classes);

}  // namespace kensa::data
