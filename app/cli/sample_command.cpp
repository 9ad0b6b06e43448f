#include "cli_support.h"
#include "commands.h"

#include <kensa/data/sample_product.h>

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

namespace kensa::cli {

void add_sample_command(CLI::App& app) {
    auto config = std::make_shared<data::SampleProductConfig>();
    auto* cmd =
        app.add_subcommand("sample", "Generate the sample product (MVTec AD layout) from real photographs");
    cmd->add_option("--out", config->output_dir, "Product folder to create")->required();
    cmd->add_option("--seed", config->seed, "Random seed (same seed, same files)")->capture_default_str();
    cmd->add_option("--train", config->train_good, "Normal training images")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--test-good", config->test_good, "Normal test images")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--per-defect", config->test_per_defect, "Test images per defect type")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--size", config->image_size, "Image side in pixels")
        ->capture_default_str()
        ->check(CLI::Range(64, 2048));
    cmd->add_option("--photo", config->source_photo,
                    "Source photograph of the product surface (default: built-in)")
        ->check(CLI::ExistingFile);
    cmd->add_flag("--overwrite", config->overwrite, "Replace an existing product folder");
    cmd->callback([config] {
        config->progress = terminal_progress();
        const auto result = data::generate_sample_product(*config);
        std::printf("sample product '%s' at %s: %d train, %d test images; defect types:", result.name.c_str(),
                    result.root.string().c_str(), result.train_images, result.test_images);
        for (const auto& t : result.defect_types)
            std::printf(" %s", t.c_str());
        std::printf("\n");
    });
}

}  // namespace kensa::cli
