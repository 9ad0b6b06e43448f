#include <kensa/data/tiny/cifar_binary.h>

#include <kensa/base/file_bytes.h>

#include <cstring>
#include <string>

namespace kensa::data {

namespace fs = std::filesystem;

namespace {

constexpr size_t kSide = 32;
constexpr size_t kPlane = kSide * kSide;
constexpr size_t kPixelBytes = 3 * kPlane;

struct Layout {
    const char* name;
    size_t label_bytes;  // the label used is the last of them (CIFAR-100: the fine one)
    int classes;
};

Layout layout_of(CifarVariant variant) {
    return variant == CifarVariant::Cifar10 ? Layout{"CIFAR-10", 1, 10} : Layout{"CIFAR-100", 2, 100};
}

void append(LabelledImages& to, LabelledImages&& from) {
    for (size_t i = 0; i < from.size(); ++i) {
        to.images.push_back(std::move(from.images[i]));
        to.labels.push_back(from.labels[i]);
    }
}

bool present(const fs::path& file) {
    std::error_code ec;
    return fs::exists(file, ec);
}

}  // namespace

LabelledImages read_cifar_batch(const fs::path& file, CifarVariant variant) {
    const Layout layout = layout_of(variant);
    const std::vector<std::byte> bytes = read_regular_file(file);
    const size_t record = layout.label_bytes + kPixelBytes;
    if (bytes.size() % record != 0) {
        const size_t whole = bytes.size() / record;
        throw file_error(file, "truncated " + std::string(layout.name) + " batch: record " + std::to_string(whole) +
                                   " at byte offset " + std::to_string(whole * record) + " has " +
                                   std::to_string(bytes.size() - whole * record) + " of its " + std::to_string(record) +
                                   " bytes");
    }
    LabelledImages out;
    const size_t count = bytes.size() / record;
    out.images.reserve(count);
    out.labels.reserve(count);
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    for (size_t r = 0; r < count; ++r) {
        const uint8_t* at = data + r * record;
        const int label = at[layout.label_bytes - 1];
        if (label >= layout.classes)
            throw file_error(file, "record " + std::to_string(r) + " at byte offset " + std::to_string(r * record) +
                                       ": label " + std::to_string(label) + " is not a " + layout.name +
                                       " class (0-" + std::to_string(layout.classes - 1) + ")");
        const uint8_t* planes = at + layout.label_bytes;
        cv::Mat image(kSide, kSide, CV_8UC3);
        for (size_t p = 0; p < kPlane; ++p) {
            uint8_t* px = image.data + 3 * p;
            px[0] = planes[p];
            px[1] = planes[kPlane + p];
            px[2] = planes[2 * kPlane + p];
        }
        out.images.push_back(std::move(image));
        out.labels.push_back(label);
    }
    return out;
}

TinyDataset read_cifar_dataset(const fs::path& folder) {
    TinyDataset dataset;
    if (present(folder / "test_batch.bin")) {
        int files = 1;
        for (int b = 1; b <= 5; ++b) {
            const fs::path batch = folder / ("data_batch_" + std::to_string(b) + ".bin");
            if (!present(batch)) {
                if (b == 1)
                    throw file_error(batch, "missing: a CIFAR-10 folder has data_batch_1.bin .. data_batch_5.bin");
                break;  // fewer training batches are fine (a smaller copy)
            }
            append(dataset.train, read_cifar_batch(batch, CifarVariant::Cifar10));
            ++files;
        }
        dataset.test = read_cifar_batch(folder / "test_batch.bin", CifarVariant::Cifar10);
        dataset.class_names = class_names_from_file(folder / "batches.meta.txt", 10);
        dataset.description = "CIFAR-10 binary batches (" + std::to_string(files) + " files)";
        return dataset;
    }
    if (present(folder / "train.bin") || present(folder / "test.bin")) {
        dataset.train = read_cifar_batch(folder / "train.bin", CifarVariant::Cifar100);
        dataset.test = read_cifar_batch(folder / "test.bin", CifarVariant::Cifar100);
        dataset.class_names = class_names_from_file(folder / "fine_label_names.txt", 100);
        dataset.description = "CIFAR-100 binary files (fine labels)";
        return dataset;
    }
    throw file_error(folder, "no CIFAR binary files: expected data_batch_1.bin .. test_batch.bin (CIFAR-10) or "
                             "train.bin and test.bin (CIFAR-100)");
}

}  // namespace kensa::data
