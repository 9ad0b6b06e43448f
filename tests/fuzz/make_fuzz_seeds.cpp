// Seed corpora for the fuzz targets, written by Kensa's own writers: real files of every kind each target
// reads, so the fuzzer starts from valid structure rather than from nothing.
//     make_fuzz_seeds OUT_DIR   ->  OUT_DIR/<target>/<seed files>
#include <kensa/data/image_io.h>
#include <kensa/data/tiny/idx_file.h>
#include <kensa/io/safetensors.h>
#include <kensa/model/model_bundle.h>
#include <kensa/project/project_file.h>

#include <opencv2/imgcodecs.hpp>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;

namespace {

void write_bytes(const fs::path& path, const std::vector<uchar>& bytes) {
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                static_cast<std::streamsize>(bytes.size()));
}

void image_seeds(const fs::path& dir) {
    fs::create_directories(dir);
    cv::Mat rgb(9, 13, CV_8UC3, cv::Scalar(30, 140, 220));
    rgb(cv::Rect(2, 2, 4, 3)).setTo(cv::Scalar(255, 0, 0));
    cv::Mat grey16(7, 5, CV_16UC1, cv::Scalar(40000));
    cv::Mat rgba(6, 6, CV_8UC4, cv::Scalar(10, 20, 30, 128));
    cv::Mat grey(8, 8, CV_8UC1, cv::Scalar(0));
    grey(cv::Rect(1, 1, 3, 3)).setTo(255);
    const std::vector<std::pair<const char*, const cv::Mat*>> seeds = {
        {".png", &rgb}, {".png", &grey16}, {".png", &rgba}, {".png", &grey}, {".jpg", &rgb},
        {".jpg", &grey}, {".bmp", &rgb},   {".bmp", &grey},  {".tif", &rgb},  {".tif", &grey16}};
    int n = 0;
    for (const auto& [ext, image] : seeds) {
        std::vector<uchar> bytes;
        if (cv::imencode(ext, *image, bytes))
            write_bytes(dir / ("seed" + std::to_string(n++) + ext), bytes);
    }
}

kensa::io::TensorArchive small_archive() {
    kensa::io::TensorArchive archive;
    archive.tensors.push_back({"features.mean", kensa::io::DType::F32, {2, 3}, std::vector<std::byte>(24)});
    archive.tensors.push_back({"memory.bank", kensa::io::DType::F32, {1}, std::vector<std::byte>(4)});
    return archive;
}

void safetensors_seeds(const fs::path& dir) {
    fs::create_directories(dir);
    auto archive = small_archive();
    kensa::io::write_safetensors(dir / "plain.safetensors", archive);
    archive.metadata = {{"format", "pt"}, {"note", "metadata"}};
    kensa::io::write_safetensors(dir / "metadata.safetensors", archive);
}

void bundle_seeds(const fs::path& dir) {
    fs::create_directories(dir);
    for (const char* method : {"adtr", "patchcore", "padim", "spade", "diffusion"}) {
        kensa::model::ModelBundle bundle;
        bundle.method = method;
        bundle.backbone = "mobilenet_v2";
        bundle.backbone_weights_checksum = "crc32:1";
        bundle.settings_json = R"({"grid":14,"channels":3})";
        bundle.training_json = R"({"training_images":["train/good/000.png"],"positions":"normalised"})";
        bundle.thresholds.image = 2.5f;
        bundle.tensors = small_archive();
        kensa::model::save_bundle(dir / (std::string(method) + ".kensa"), bundle);
    }
    // Version 4: tiles and a region of interest (a polygon).
    kensa::model::ModelBundle bundle;
    bundle.method = "patchcore";
    bundle.backbone = "mobilenet_v2";
    bundle.settings_json = R"({"grid":28})";
    bundle.tiling = {280, 35};
    bundle.region = {4096, 3000, {{100, 200}, {3900, 150}, {2000, 2900}}};
    bundle.tensors = small_archive();
    kensa::model::save_bundle(dir / "tiled-region.kensa", bundle);
}

void project_seeds(const fs::path& dir) {
    fs::create_directories(dir);
    const auto folder = dir.parent_path() / "project-scratch";
    fs::remove_all(folder);
    auto project = kensa::project::create_project(folder, "widget").take();
    project.defect_types.push_back({"scratch", {230, 60, 60}});
    kensa::project::ImageEntry normal;
    normal.path = folder / "images/000.png";
    project.images.push_back(normal);
    kensa::project::ImageEntry defect;
    defect.path = folder / "images/001.png";
    defect.role = kensa::project::ImageRole::Test;
    defect.label = kensa::project::Label::Defect;
    defect.defect_type = "scratch";
    defect.mask = "annotations/001_mask.png";
    defect.mask_pixels = 12;
    defect.review = kensa::project::ReviewDecision::Ng;
    project.images.push_back(defect);
    project.sources.push_back({folder / "images", kensa::project::ImageSource::Kind::Folder,
                               kensa::project::ImageRole::Train});
    project.settings.region = kensa::model::rectangle_region(8, 8, 200, 120, 640, 480);
    kensa::project::save_project(project, folder);
    fs::copy_file(folder / kensa::project::k_project_file_name, dir / "project.json",
                  fs::copy_options::overwrite_existing);
    fs::remove_all(folder);
}

// Two CIFAR-10 records (label, 3072 pixel bytes) and one of CIFAR-100 (coarse and fine label, pixels).
void cifar_seeds(const fs::path& dir) {
    fs::create_directories(dir);
    std::vector<uchar> ten, hundred = {3, 41};
    for (uchar label : {uchar{1}, uchar{9}}) {
        ten.push_back(label);
        for (int i = 0; i < 3072; ++i)
            ten.push_back(static_cast<uchar>(i * label));
    }
    hundred.insert(hundred.end(), ten.begin() + 1, ten.begin() + 3073);
    write_bytes(dir / "cifar10.bin", ten);
    write_bytes(dir / "cifar100.bin", hundred);
}

// An images file, a labels file, and the images gzip-compressed as MNIST is distributed.
void idx_seeds(const fs::path& dir) {
    fs::create_directories(dir);
    kensa::data::IdxArray images{{2, 4, 4}, {}};
    for (int i = 0; i < 32; ++i)
        images.values.push_back(static_cast<uint8_t>(i * 8));
    kensa::data::write_idx(dir / "images.idx", images);
    kensa::data::write_idx(dir / "labels.idx", {{2}, {0, 7}});
    std::ifstream in(dir / "images.idx", std::ios::binary);
    const std::vector<char> plain{std::istreambuf_iterator<char>(in), {}};
    gzFile gz = gzopen((dir / "images.idx.gz").c_str(), "wb");
    gzwrite(gz, plain.data(), static_cast<unsigned>(plain.size()));
    gzclose(gz);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_fuzz_seeds OUT_DIR\n");
        return 2;
    }
    const fs::path out = argv[1];
    for (const char* target : {"image_header", "image_decode", "mask"})
        image_seeds(out / target);
    safetensors_seeds(out / "safetensors");
    bundle_seeds(out / "model_bundle");
    project_seeds(out / "project_file");
    cifar_seeds(out / "cifar_batch");
    idx_seeds(out / "idx_file");
    return 0;
}
