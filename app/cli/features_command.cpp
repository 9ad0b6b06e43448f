#include "cli_support.h"
#include "commands.h"

#include <kensa/base/error.h>
#include <kensa/data/image_folder.h>
#include <kensa/data/image_io.h>
#include <kensa/features/feature_extractor.h>
#include <kensa/io/safetensors.h>

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>

namespace kensa::cli {

void add_features_command(CLI::App& app) {
    struct Options {
        engine::FeatureExtractorConfig extractor;
        std::filesystem::path input;
        std::filesystem::path out;
        bool recursive = false;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd =
        app.add_subcommand("features", "Extract ADTR feature grids of a folder of images with a backbone");
    cmd->add_option("--input", opts->input, "Folder of images")->required();
    cmd->add_flag("--recursive,-r", opts->recursive, "Include subfolders");
    cmd->add_option("--backbone", opts->extractor.backbone, "Backbone id (see 'kensa-cli backbones')")
        ->capture_default_str();
    cmd->add_option("--weights", opts->extractor.weights,
                    "Weights file (default: the backbone's installed weights)");
    cmd->add_flag("--random-init", opts->extractor.random_init, "Use random weights (for comparisons only)");
    cmd->add_option("--image-size", opts->extractor.image_size, "Model input size (multiple of 16)")
        ->capture_default_str();
    cmd->add_option("--batch", opts->extractor.batch_size, "Images per batch")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--threads", opts->extractor.threads, "CPU threads (0 = all)")->capture_default_str();
    cmd->add_option("--out", opts->out,
                    "Write the grids as safetensors: 'features' [N, C, g, g], image paths in metadata");
    cmd->callback([opts] {
        const auto files = data::list_image_folder(opts->input, opts->recursive).take();
        if (files.empty())
            throw file_error(opts->input, "no images found (PNG, JPEG, BMP, TIFF)");
        std::vector<cv::Mat> images;
        std::string names;
        for (const auto& f : files) {
            auto image = data::read_image(f.path);
            if (!image) {
                print_warning(image.error().message() + " (skipped)");
                continue;
            }
            images.push_back(std::move(image).take());
            names += (names.empty() ? "" : "\n") + f.relative_path.generic_string();
        }
        engine::FeatureExtractor extractor(opts->extractor);
        const auto start = std::chrono::steady_clock::now();
        const auto grids = extractor.extract(images, terminal_progress());
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

        std::printf("backbone %s (%s)\n", opts->extractor.backbone.c_str(),
                    opts->extractor.random_init ? "random init" : extractor.weights_path().string().c_str());
        for (const auto& s : extractor.stages())
            std::printf("  stage %-22s stride %2lld  %4lld channels\n", s.name.c_str(),
                        static_cast<long long>(s.stride), static_cast<long long>(s.channels));
        std::printf("features [%lld, %lld, %lld, %lld]: %.1f ms/image\n", static_cast<long long>(grids.count),
                    static_cast<long long>(grids.channels), static_cast<long long>(grids.grid),
                    static_cast<long long>(grids.grid), ms / static_cast<double>(grids.count));
        if (!opts->out.empty()) {
            io::TensorArchive archive;
            archive.metadata = {{"backbone", opts->extractor.backbone},
                                {"images", names},
                                {"image_size", std::to_string(opts->extractor.image_size)}};
            io::TensorRecord rec{
                "features", io::DType::F32, {grids.count, grids.channels, grids.grid, grids.grid}, {}};
            rec.data.resize(grids.values.size() * sizeof(float));
            std::memcpy(rec.data.data(), grids.values.data(), rec.data.size());
            archive.tensors.push_back(std::move(rec));
            io::write_safetensors(opts->out, archive);
            std::printf("wrote %s\n", opts->out.string().c_str());
        }
    });
}

}  // namespace kensa::cli
