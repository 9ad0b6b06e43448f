#include "cli_support.h"
#include "commands.h"
#include "product_images.h"
#include "training_options.h"

#include <kensa/base/error.h>
#include <kensa/model/model_bundle.h>

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

namespace kensa::cli {

void add_train_command(CLI::App& app) {
    struct Options {
        std::filesystem::path data;
        std::filesystem::path out;
        TrainingOptions training;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "train", "Train a model on a product's normal images (train/good), optionally with defects (ADTR+)");
    cmd->add_option("--data", opts->data, "Product folder (MVTec AD layout) or a folder of normal images")
        ->required();
    cmd->add_option("--out", opts->out, "Model file to write (e.g. widget.kensa)")->required();
    add_training_options(*cmd, opts->training);
    cmd->callback([opts] {
        engine::TrainingData data;
        if (std::filesystem::is_directory(opts->data / "train" / "good")) {
            data = product_training_data(open_product(opts->data), opts->training);
        } else {
            if (opts->training.train_defects > 0 || !opts->training.train_defects_list.empty())
                throw file_error(opts->data,
                                 "--train-defects needs a product in MVTec AD layout (train/good, test/, "
                                 "ground_truth/)");
            data.normal = load_folder_images(opts->data);
        }
        const auto result = run_training(data, opts->training.config);
        // Written only now, atomically: a cancelled or failed run never leaves a model file behind.
        model::save_bundle(opts->out, result.bundle);
        std::printf("wrote %s\n", opts->out.string().c_str());
    });
}

}  // namespace kensa::cli
