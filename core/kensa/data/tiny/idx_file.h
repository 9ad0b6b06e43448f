#pragma once
// IDX files, the format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/): two zero bytes, a
// type byte, the number of dimensions, each dimension as a big-endian 32-bit count, then the values in
// row-major order. Kensa reads unsigned-byte files (the images and labels of those datasets), plain or
// gzip-compressed as they are distributed. OpenCV only.

#include <kensa/data/tiny/tiny_dataset.h>

#include <cstdint>
#include <filesystem>
#include <vector>

namespace kensa::data {

struct IdxArray {
    std::vector<uint32_t> dims;
    std::vector<uint8_t> values;  // the product of dims
};

// Throws kensa::Error naming the file: not IDX (magic), a value type other than unsigned byte, no
// dimensions, counts whose product overflows, fewer or more value bytes than the header declares (with
// the byte offset where the data ends), a damaged gzip stream.
IdxArray read_idx(const std::filesystem::path& file);

// An images file ([n, rows, cols] or [n, rows, cols, 1 or 3]) and its labels file ([n]) as one set.
// Throws kensa::Error when either is malformed or their counts differ.
LabelledImages read_idx_images(const std::filesystem::path& images_file, const std::filesystem::path& labels_file);

// The folder's train and t10k files (see read_tiny_dataset).
TinyDataset read_idx_dataset(const std::filesystem::path& folder);

// Writes values with dims as an uncompressed unsigned-byte IDX file, atomically (tests, converters).
void write_idx(const std::filesystem::path& file, const IdxArray& array);

}  // namespace kensa::data
