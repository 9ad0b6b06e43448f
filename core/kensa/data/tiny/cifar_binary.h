#pragma once
// CIFAR-10 and CIFAR-100 in their binary form (https://www.cs.toronto.edu/~kriz/cifar.html): fixed-size
// records of label byte(s) and 32 x 32 x 3 pixel bytes (1024 red, then green, then blue, rows top to
// bottom). OpenCV only.

#include <kensa/data/tiny/tiny_dataset.h>

#include <filesystem>

namespace kensa::data {

enum class CifarVariant {
    Cifar10,  // <label 0-9><3072 bytes>
    Cifar100  // <coarse label 0-19><fine label 0-99><3072 bytes>; the fine label is used
};

// One batch file's records as CV_8UC3 RGB images and their labels. Throws kensa::Error naming the file:
// empty, not a whole number of records (the incomplete record's index and byte offset), a label out of
// range (its record and offset).
LabelledImages read_cifar_batch(const std::filesystem::path& file, CifarVariant variant);

// The folder's train and test batches (see read_tiny_dataset); the variant follows from the file names.
TinyDataset read_cifar_dataset(const std::filesystem::path& folder);

}  // namespace kensa::data
