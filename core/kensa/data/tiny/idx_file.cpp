#include <kensa/data/tiny/idx_file.h>

#include <kensa/base/atomic_file.h>
#include <kensa/base/file_bytes.h>

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

namespace kensa::data {

namespace fs = std::filesystem;

namespace {

constexpr uint8_t kUnsignedByte = 0x08;
// Nothing Kensa reads as IDX comes near this; a gzip stream that inflates beyond it is refused rather
// than allowed to fill memory.
constexpr size_t kMaxInflatedBytes = size_t{4} << 30;

bool is_gzip(const std::vector<std::byte>& bytes) {
    return bytes.size() >= 2 && bytes[0] == std::byte{0x1f} && bytes[1] == std::byte{0x8b};
}

std::vector<uint8_t> inflate_gzip(const fs::path& file, const std::vector<std::byte>& compressed) {
    z_stream stream{};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        throw file_error(file, "cannot start gzip decompression");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<std::byte*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(std::min<size_t>(compressed.size(), std::numeric_limits<uInt>::max()));
    std::vector<uint8_t> out;
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        if (out.size() >= kMaxInflatedBytes) {
            inflateEnd(&stream);
            throw file_error(file, "inflates to more than 4 GiB; not an image dataset Kensa reads");
        }
        const size_t at = out.size();
        out.resize(std::max<size_t>(at * 2, size_t{1} << 20));
        stream.next_out = out.data() + at;
        stream.avail_out = static_cast<uInt>(out.size() - at);
        status = inflate(&stream, Z_NO_FLUSH);
        out.resize(out.size() - stream.avail_out);
        if (status == Z_BUF_ERROR && stream.avail_in == 0)
            break;  // the stream ended before its end marker
        if (status != Z_OK && status != Z_STREAM_END) {
            inflateEnd(&stream);
            throw file_error(file, std::string("damaged gzip data: ") + (stream.msg ? stream.msg : "inflate failed"));
        }
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        throw file_error(file, "truncated gzip data: the stream ends after " + std::to_string(out.size()) +
                                   " decompressed bytes");
    return out;
}

uint32_t big_endian(const uint8_t* p) {
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

// folder/stem, or folder/stem.gz when only that exists; throws naming both when neither does.
fs::path find_file(const fs::path& folder, const std::string& stem) {
    for (const std::string& name : {stem, stem + ".gz"}) {
        std::error_code ec;
        if (fs::exists(folder / name, ec))
            return folder / name;
    }
    throw file_error(folder / stem, "missing: an IDX dataset folder has train-images-idx3-ubyte, "
                                    "train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte "
                                    "(each may be .gz)");
}

}  // namespace

IdxArray read_idx(const fs::path& file) {
    const std::vector<std::byte> raw = read_regular_file(file);
    std::vector<uint8_t> bytes;
    if (is_gzip(raw)) {
        bytes = inflate_gzip(file, raw);
    } else {
        const auto* begin = reinterpret_cast<const uint8_t*>(raw.data());
        bytes.assign(begin, begin + raw.size());
    }
    if (bytes.size() < 4 || bytes[0] != 0 || bytes[1] != 0)
        throw file_error(file, "not an IDX file (it does not start with two zero bytes, a type and a dimension count)");
    if (bytes[2] != kUnsignedByte) {
        char type[8];
        std::snprintf(type, sizeof type, "0x%02X", bytes[2]);
        throw file_error(file, std::string("IDX value type ") + type +
                                   " is not unsigned byte (0x08), the type of image and label files");
    }
    const size_t ndims = bytes[3];
    if (ndims == 0)
        throw file_error(file, "IDX header declares no dimensions");
    const size_t header = 4 + 4 * ndims;
    if (bytes.size() < header)
        throw file_error(file, "truncated IDX header: " + std::to_string(ndims) + " dimensions need " +
                                   std::to_string(header) + " bytes, the file has " + std::to_string(bytes.size()));
    IdxArray array;
    uint64_t count = 1;
    for (size_t d = 0; d < ndims; ++d) {
        const uint32_t dim = big_endian(bytes.data() + 4 + 4 * d);
        if (dim != 0 && count > std::numeric_limits<uint64_t>::max() / dim)
            throw file_error(file, "IDX dimensions multiply beyond any real file");
        count *= dim;
        array.dims.push_back(dim);
    }
    const size_t data_bytes = bytes.size() - header;
    if (count != data_bytes)
        throw file_error(file, "the IDX header declares " + std::to_string(count) + " values but " +
                                   std::to_string(data_bytes) + " bytes follow it (the data ends at byte offset " +
                                   std::to_string(bytes.size()) + ")");
    array.values.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header), bytes.end());
    return array;
}

LabelledImages read_idx_images(const fs::path& images_file, const fs::path& labels_file) {
    const IdxArray images = read_idx(images_file);
    const IdxArray labels = read_idx(labels_file);
    const auto& d = images.dims;
    const bool channels_ok = d.size() == 3 || (d.size() == 4 && (d[3] == 1 || d[3] == 3));
    if (!channels_ok || d[1] == 0 || d[2] == 0)
        throw file_error(images_file, "an IDX images file has dimensions [count, rows, columns] or "
                                      "[count, rows, columns, 1 or 3]");
    if (labels.dims.size() != 1)
        throw file_error(labels_file, "an IDX labels file has one dimension, this one has " +
                                          std::to_string(labels.dims.size()));
    if (labels.dims[0] != d[0])
        throw file_error(labels_file, std::to_string(labels.dims[0]) + " labels for the " + std::to_string(d[0]) +
                                          " images of " + images_file.filename().string());
    const int rows = static_cast<int>(d[1]);
    const int cols = static_cast<int>(d[2]);
    const int channels = d.size() == 4 ? static_cast<int>(d[3]) : 1;
    const size_t per_image = size_t{d[1]} * d[2] * static_cast<size_t>(channels);
    LabelledImages out;
    out.images.reserve(d[0]);
    for (size_t i = 0; i < d[0]; ++i) {
        cv::Mat image(rows, cols, channels == 1 ? CV_8UC1 : CV_8UC3);
        std::memcpy(image.data, images.values.data() + i * per_image, per_image);
        out.images.push_back(std::move(image));
        out.labels.push_back(labels.values[i]);
    }
    return out;
}

TinyDataset read_idx_dataset(const fs::path& folder) {
    TinyDataset dataset;
    dataset.train = read_idx_images(find_file(folder, "train-images-idx3-ubyte"), find_file(folder, "train-labels-idx1-ubyte"));
    dataset.test = read_idx_images(find_file(folder, "t10k-images-idx3-ubyte"), find_file(folder, "t10k-labels-idx1-ubyte"));
    int classes = 0;
    for (const auto* split : {&dataset.train, &dataset.test})
        for (int label : split->labels)
            classes = std::max(classes, label + 1);
    dataset.class_names = class_names_from_file(folder / "classes.txt", classes);
    dataset.description = "IDX files";
    return dataset;
}

void write_idx(const fs::path& file, const IdxArray& array) {
    std::vector<std::byte> bytes;
    bytes.reserve(4 + 4 * array.dims.size() + array.values.size());
    for (uint8_t b : {uint8_t{0}, uint8_t{0}, kUnsignedByte, static_cast<uint8_t>(array.dims.size())})
        bytes.push_back(std::byte{b});
    for (uint32_t dim : array.dims)
        for (int shift : {24, 16, 8, 0})
            bytes.push_back(std::byte{static_cast<uint8_t>(dim >> shift)});
    for (uint8_t v : array.values)
        bytes.push_back(std::byte{v});
    write_file_atomically(file, bytes);
}

}  // namespace kensa::data
