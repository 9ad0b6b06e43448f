// The tiny-image dataset readers on files written here: CIFAR binary batches, IDX files (plain and
// gzip) and folders by class, and what each says about damaged input.
#include "temp_dir.h"

#include <kensa/data/image_io.h>
#include <kensa/data/tiny/cifar_binary.h>
#include <kensa/data/tiny/class_folders.h>
#include <kensa/data/tiny/idx_file.h>
#include <kensa/data/tiny/tiny_dataset.h>

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <string>
#include <vector>

namespace kensa::data {
namespace {

using test::TempDir;
using test::write_text;
namespace fs = std::filesystem;

void write_bytes(const fs::path& path, const std::vector<uint8_t>& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                static_cast<std::streamsize>(bytes.size()));
}

std::vector<uint8_t> file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// A CIFAR record whose pixel p has red p % 251, green 7, blue 200 - p % 100.
std::vector<uint8_t> cifar_record(std::vector<uint8_t> labels) {
    std::vector<uint8_t> r = std::move(labels);
    for (int p = 0; p < 1024; ++p)
        r.push_back(static_cast<uint8_t>(p % 251));
    r.insert(r.end(), 1024, 7);
    for (int p = 0; p < 1024; ++p)
        r.push_back(static_cast<uint8_t>(200 - p % 100));
    return r;
}

std::vector<uint8_t> cifar10_batch(const std::vector<int>& labels) {
    std::vector<uint8_t> bytes;
    for (int label : labels) {
        const auto record = cifar_record({static_cast<uint8_t>(label)});
        bytes.insert(bytes.end(), record.begin(), record.end());
    }
    return bytes;
}

TEST(CifarBinary, RecordsBecomeRgbImagesWithTheirLabels) {
    TempDir dir;
    write_bytes(dir / "data_batch_1.bin", cifar10_batch({3, 9}));
    write_bytes(dir / "data_batch_2.bin", cifar10_batch({0}));
    write_bytes(dir / "test_batch.bin", cifar10_batch({1, 2, 4}));
    write_text(dir / "batches.meta.txt", "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n");

    const TinyDataset d = read_tiny_dataset(dir.path(), TinyFormat::Cifar).take();
    ASSERT_EQ(d.train.size(), 3u);  // batches 3..5 may be absent
    EXPECT_EQ(d.train.labels, (std::vector<int>{3, 9, 0}));
    EXPECT_EQ(d.test.labels, (std::vector<int>{1, 2, 4}));
    ASSERT_EQ(d.class_names.size(), 10u);
    EXPECT_EQ(d.class_names[3], "cat");
    const cv::Mat& image = d.train.images[0];
    ASSERT_EQ(image.type(), CV_8UC3);
    ASSERT_EQ(image.size(), cv::Size(32, 32));
    // pixel 33 = row 1, column 1; channels in RGB order
    EXPECT_EQ(image.at<cv::Vec3b>(1, 1), cv::Vec3b(33, 7, 167));
    EXPECT_EQ(image.at<cv::Vec3b>(31, 31), cv::Vec3b(1023 % 251, 7, 200 - 1023 % 100));
}

TEST(CifarBinary, Cifar100UsesTheFineLabel) {
    TempDir dir;
    auto bytes = cifar_record({4, 77});
    write_bytes(dir / "train.bin", bytes);
    write_bytes(dir / "test.bin", bytes);
    const TinyDataset d = read_tiny_dataset(dir.path(), TinyFormat::Cifar).take();
    EXPECT_EQ(d.train.labels, std::vector<int>{77});
    EXPECT_EQ(d.class_names.size(), 100u);
    EXPECT_EQ(d.class_names[77], "77");  // no fine_label_names.txt
}

TEST(CifarBinary, TruncatedBatchNamesTheRecordAndOffset) {
    TempDir dir;
    auto bytes = cifar10_batch({1, 2});
    bytes.resize(3073 + 1536);
    write_bytes(dir / "test_batch.bin", bytes);
    try {
        read_cifar_batch(dir / "test_batch.bin", CifarVariant::Cifar10);
        FAIL() << "a truncated batch was read";
    } catch (const Error& e) {
        EXPECT_NE(e.message().find("test_batch.bin"), std::string::npos) << e.message();
        EXPECT_NE(e.message().find("record 1 at byte offset 3073 has 1536 of its 3073 bytes"), std::string::npos)
            << e.message();
    }
}

TEST(CifarBinary, LabelOutOfRangeNamesTheRecord) {
    TempDir dir;
    write_bytes(dir / "b.bin", cifar10_batch({1, 12}));
    try {
        read_cifar_batch(dir / "b.bin", CifarVariant::Cifar10);
        FAIL() << "label 12 was accepted";
    } catch (const Error& e) {
        EXPECT_NE(e.message().find("record 1 at byte offset 3073: label 12 is not a CIFAR-10 class (0-9)"),
                  std::string::npos)
            << e.message();
    }
    write_bytes(dir / "c.bin", cifar_record({0, 100}));
    EXPECT_THROW(read_cifar_batch(dir / "c.bin", CifarVariant::Cifar100), Error);
}

TEST(CifarBinary, MissingOrEmptyFilesAreNamed) {
    TempDir dir;
    write_bytes(dir / "test_batch.bin", cifar10_batch({1}));
    auto missing = read_tiny_dataset(dir.path(), TinyFormat::Cifar);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().message().find("data_batch_1.bin: missing"), std::string::npos) << missing.error().message();

    write_bytes(dir / "data_batch_1.bin", {});
    auto empty = read_tiny_dataset(dir.path(), TinyFormat::Cifar);
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().message().find("data_batch_1.bin"), std::string::npos) << empty.error().message();

    TempDir other;
    auto none = read_tiny_dataset(other.path(), TinyFormat::Cifar);
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().message().find("no CIFAR binary files"), std::string::npos);
}

TEST(CifarBinary, ShortClassNamesFileIsAnError) {
    TempDir dir;
    write_bytes(dir / "data_batch_1.bin", cifar10_batch({1}));
    write_bytes(dir / "test_batch.bin", cifar10_batch({1}));
    write_text(dir / "batches.meta.txt", "airplane\nautomobile\n");
    auto d = read_tiny_dataset(dir.path(), TinyFormat::Cifar);
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.error().message().find("names 2 classes"), std::string::npos) << d.error().message();
}

// ---- IDX

IdxArray ramp_images(uint32_t count, uint32_t rows, uint32_t cols) {
    IdxArray a{{count, rows, cols}, {}};
    for (uint32_t i = 0; i < count * rows * cols; ++i)
        a.values.push_back(static_cast<uint8_t>(i * 7));
    return a;
}

void write_gzip(const fs::path& path, const std::vector<uint8_t>& bytes) {
    gzFile f = gzopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())), static_cast<int>(bytes.size()));
    gzclose(f);
}

void write_idx_dataset(const fs::path& dir) {
    write_idx(dir / "train-images-idx3-ubyte", ramp_images(3, 28, 28));
    write_idx(dir / "train-labels-idx1-ubyte", IdxArray{{3}, {0, 1, 2}});
    write_idx(dir / "t10k-images-idx3-ubyte", ramp_images(2, 28, 28));
    write_idx(dir / "t10k-labels-idx1-ubyte", IdxArray{{2}, {2, 0}});
}

TEST(IdxFile, RoundTripsAndReadsAsGreyImages) {
    TempDir dir;
    write_idx_dataset(dir.path());
    write_text(dir / "classes.txt", "T-shirt/top\nTrouser\nPullover\n");
    const TinyDataset d = read_tiny_dataset(dir.path(), TinyFormat::Idx).take();
    ASSERT_EQ(d.train.size(), 3u);
    EXPECT_EQ(d.test.labels, (std::vector<int>{2, 0}));
    EXPECT_EQ(d.class_names, (std::vector<std::string>{"T-shirt/top", "Trouser", "Pullover"}));
    ASSERT_EQ(d.train.images[1].type(), CV_8UC1);
    ASSERT_EQ(d.train.images[1].size(), cv::Size(28, 28));
    // image 1, row 2, column 5: value index 784 + 2 * 28 + 5
    EXPECT_EQ(d.train.images[1].at<uint8_t>(2, 5), static_cast<uint8_t>((784 + 61) * 7));
}

TEST(IdxFile, GzipFilesReadTheSame) {
    TempDir plain, packed;
    write_idx_dataset(plain.path());
    for (const char* name : {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                             "t10k-labels-idx1-ubyte"})
        write_gzip(packed / (std::string(name) + ".gz"), file_bytes(plain / name));
    const TinyDataset a = read_tiny_dataset(plain.path(), TinyFormat::Idx).take();
    const TinyDataset b = read_tiny_dataset(packed.path(), TinyFormat::Idx).take();
    ASSERT_EQ(a.train.size(), b.train.size());
    EXPECT_EQ(a.train.labels, b.train.labels);
    EXPECT_EQ(cv::norm(a.train.images[2], b.train.images[2], cv::NORM_INF), 0.0);
    EXPECT_EQ(b.class_names, (std::vector<std::string>{"0", "1", "2"}));
}

std::string idx_error(const fs::path& path, const std::vector<uint8_t>& bytes) {
    write_bytes(path, bytes);
    try {
        read_idx(path);
    } catch (const Error& e) {
        return e.message();
    }
    return "read without error";
}

TEST(IdxFile, DamagedFilesSayWhat) {
    TempDir dir;
    EXPECT_NE(idx_error(dir / "a", {1, 2, 3, 4, 5}).find("not an IDX file"), std::string::npos);
    EXPECT_NE(idx_error(dir / "b", {0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0}).find("type 0x0D is not unsigned byte"),
              std::string::npos);
    EXPECT_NE(idx_error(dir / "c", {0, 0, 8, 0}).find("declares no dimensions"), std::string::npos);
    EXPECT_NE(idx_error(dir / "d", {0, 0, 8, 3, 0, 0, 0, 2}).find("truncated IDX header"), std::string::npos);
    const std::string truncated = idx_error(dir / "e", {0, 0, 8, 1, 0, 0, 0, 5, 1, 2, 3});
    EXPECT_NE(truncated.find("declares 5 values but 3 bytes follow it (the data ends at byte offset 11)"),
              std::string::npos)
        << truncated;
    EXPECT_NE(idx_error(dir / "f", {0, 0, 8, 1, 0, 0, 0, 1, 1, 2}).find("declares 1 values but 2 bytes"),
              std::string::npos);
    const std::string huge =
        idx_error(dir / "g", {0, 0, 8, 3, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255});
    EXPECT_NE(huge.find("multiply beyond"), std::string::npos) << huge;
    EXPECT_NE(idx_error(dir / "e", {0, 0, 8, 1, 0, 0, 0, 5, 1, 2, 3}).find(fs::path(dir / "e").string()),
              std::string::npos);
}

TEST(IdxFile, TruncatedGzipIsAnError) {
    TempDir dir;
    write_idx(dir / "x", ramp_images(4, 28, 28));
    write_gzip(dir / "x.gz", file_bytes(dir / "x"));
    auto bytes = file_bytes(dir / "x.gz");
    bytes.resize(bytes.size() / 2);
    const std::string message = idx_error(dir / "half.gz", bytes);
    EXPECT_NE(message.find("gzip"), std::string::npos) << message;
}

TEST(IdxFile, ImagesAndLabelsMustAgree) {
    TempDir dir;
    write_idx(dir / "images", ramp_images(3, 4, 4));
    write_idx(dir / "labels", IdxArray{{2}, {0, 1}});
    try {
        read_idx_images(dir / "images", dir / "labels");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(e.message().find("2 labels for the 3 images"), std::string::npos) << e.message();
    }
    write_idx(dir / "flat", IdxArray{{3, 16}, std::vector<uint8_t>(48, 1)});
    write_idx(dir / "labels3", IdxArray{{3}, {0, 1, 2}});
    EXPECT_THROW(read_idx_images(dir / "flat", dir / "labels3"), Error);
    write_idx(dir / "rgb", IdxArray{{3, 2, 2, 3}, std::vector<uint8_t>(36, 9)});
    EXPECT_EQ(read_idx_images(dir / "rgb", dir / "labels3").images[0].type(), CV_8UC3);
}

TEST(IdxFile, MissingFileIsNamed) {
    TempDir dir;
    write_idx(dir / "train-images-idx3-ubyte", ramp_images(1, 2, 2));
    auto d = read_tiny_dataset(dir.path(), TinyFormat::Idx);
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.error().message().find("train-labels-idx1-ubyte: missing"), std::string::npos) << d.error().message();
}

// ---- folders

void write_png(const fs::path& path, uint8_t value) {
    fs::create_directories(path.parent_path());
    write_image(path, cv::Mat(8, 8, CV_8UC1, cv::Scalar(value)));
}

TEST(ClassFolders, ClassesAreTheTrainFoldersSorted) {
    TempDir dir;
    write_png(dir / "train/shoe/1.png", 10);
    write_png(dir / "train/bag/1.png", 20);
    write_png(dir / "train/bag/2.png", 30);
    write_png(dir / "test/shoe/9.png", 40);
    write_png(dir / "test/bag/8.png", 50);
    fs::create_directories(dir / "train/.thumbnails");
    const TinyDataset d = read_tiny_dataset(dir.path(), TinyFormat::Folders).take();
    EXPECT_EQ(d.class_names, (std::vector<std::string>{"bag", "shoe"}));
    EXPECT_EQ(d.train.labels, (std::vector<int>{0, 0, 1}));
    EXPECT_EQ(d.test.labels, (std::vector<int>{0, 1}));
    ASSERT_EQ(d.test.images[1].type(), CV_32FC3);
    EXPECT_NEAR(d.test.images[1].at<cv::Vec3f>(0, 0)[0], 40 / 255.0, 1e-6);
}

TEST(ClassFolders, UnknownTestClassAndEmptyClassAreErrors) {
    TempDir dir;
    write_png(dir / "train/a/1.png", 1);
    write_png(dir / "test/b/1.png", 1);
    auto unknown = read_tiny_dataset(dir.path(), TinyFormat::Folders);
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message().find("a class that train/ does not have"), std::string::npos);

    TempDir empty;
    write_png(empty / "train/a/1.png", 1);
    fs::create_directories(empty / "train/b");
    write_png(empty / "test/a/1.png", 1);
    auto no_images = read_tiny_dataset(empty.path(), TinyFormat::Folders);
    ASSERT_FALSE(no_images.ok());
    EXPECT_NE(no_images.error().message().find("no images in this class folder"), std::string::npos);

    TempDir no_test;
    write_png(no_test / "train/a/1.png", 1);
    EXPECT_FALSE(read_tiny_dataset(no_test.path(), TinyFormat::Folders).ok());
}

TEST(TinyImages, ToFloatRgbScalesAndSpreadsGrey) {
    const cv::Mat grey(2, 3, CV_8UC1, cv::Scalar(51));
    const cv::Mat f = to_float_rgb(grey);
    ASSERT_EQ(f.type(), CV_32FC3);
    EXPECT_FLOAT_EQ(f.at<cv::Vec3f>(1, 2)[2], 0.2f);
    const cv::Mat rgb(1, 1, CV_8UC3, cv::Scalar(255, 0, 51));
    const cv::Vec3f px = to_float_rgb(rgb).at<cv::Vec3f>(0, 0);
    EXPECT_FLOAT_EQ(px[0], 1.f);
    EXPECT_FLOAT_EQ(px[1], 0.f);
    EXPECT_FLOAT_EQ(px[2], 0.2f);
    EXPECT_THROW(to_float_rgb(cv::Mat(1, 1, CV_16UC1)), Error);
}

TEST(TinyImages, FormatNamesRoundTrip) {
    for (auto f : {TinyFormat::Cifar, TinyFormat::Idx, TinyFormat::Folders})
        EXPECT_EQ(parse_tiny_format(to_string(f)), f);
    EXPECT_FALSE(parse_tiny_format("mnist").has_value());
}

}  // namespace
}  // namespace kensa::data
