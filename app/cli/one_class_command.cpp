// kensa-cli one-class: the one-class protocol on a tiny-image dataset (the ADTR paper's CIFAR-10 setting):
// per class, a model trained on that class alone scores every test image; image AUROC per class and mean.
#include "cli_support.h"
#include "commands.h"
#include "training_options.h"

#include <kensa/base/error.h>
#include <kensa/data/tiny/tiny_dataset.h>
#include <kensa/engine/one_class.h>
#include <kensa/methods/registry.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

namespace kensa::cli {

namespace {

std::vector<int> parse_classes(const std::string& text) {
    std::vector<int> classes;
    std::stringstream items(text);
    for (std::string item; std::getline(items, item, ',');) {
        size_t used = 0;
        int value = -1;
        try {
            value = std::stoi(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != item.size() || value < 0)
            throw Error("--classes '" + text + "': expected class indices separated by commas, e.g. 0,3");
        classes.push_back(value);
    }
    return classes;
}

nlohmann::json run_json(const engine::OneClassRun& r) {
    return {{"class", r.label},
            {"name", r.name},
            {"image_auroc", std::isfinite(r.image_auroc) ? nlohmann::json(r.image_auroc) : nlohmann::json(nullptr)},
            {"train_images", r.train_images},
            {"holdout_images", r.holdout_images},
            {"outlier_images", r.outlier_images},
            {"test_normal", r.test_normal},
            {"test_anomalous", r.test_anomalous},
            {"training_seconds", r.training_seconds},
            {"test_seconds", r.test_seconds},
            {"test_images_per_second", r.test_images_per_second}};
}

}  // namespace

void add_one_class_command(CLI::App& app) {
    struct Options {
        std::filesystem::path data;
        std::string format;
        std::string classes;
        std::filesystem::path outliers;
        std::string outlier_format;
        bool json = false;
        engine::OneClassConfig protocol;
        TrainingOptions training;
    };
    auto opts = std::make_shared<Options>();
    // The paper's tiny-image setting is the default; every training option can still change it.
    engine::apply_tiny_image_settings(opts->training.config);
    // ADTR's time budget: the ten Fashion-MNIST classes in about half an hour on two cores. Its training
    // costs ~12 ms per image and epoch (64 positions): 3,000 images x 5 epochs per class took 33 minutes
    // (docs/benchmarks.md, "One-class classification of tiny images").
    opts->training.config.adtr.epochs = 5;
    opts->protocol.max_train_images = 3000;
    auto* cmd = app.add_subcommand(
        "one-class", "One-class classification of tiny images: per class, train on it alone and score every test "
                     "image (image AUROC per class and mean)");
    cmd->add_option("--data", opts->data, "Dataset folder")->required();
    cmd->add_option("--format", opts->format,
                    "cifar (data_batch_N.bin, test_batch.bin), idx (train-images-idx3-ubyte, ...), folders "
                    "(train/<class>/, test/<class>/)")
        ->required()
        ->check(CLI::IsMember(names_of(data::kTinyFormatNames)));
    cmd->add_option("--classes", opts->classes, "Classes to run, by index (e.g. 0,3; default: all)");
    cmd->add_option("--max-train", opts->protocol.max_train_images,
                    "Per class, train on its first N training images (0: all, as the paper does)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--max-test", opts->protocol.max_test_images,
                    "Score only the first N test images (0: all; the protocol uses all)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--outliers", opts->outliers,
                    "Anomaly-available training (ADTR+, image-level loss): a dataset of external images of no "
                    "class (e.g. CIFAR-100 for CIFAR-10); its training images are the anomalies")
        ->group("Defects (ADTR+)");
    cmd->add_option("--outlier-format", opts->outlier_format, "The --outliers dataset's format (default: --format)")
        ->check(CLI::IsMember(names_of(data::kTinyFormatNames)))
        ->group("Defects (ADTR+)");
    cmd->add_flag("--json", opts->json, "Print the results as JSON on stdout (progress and notes on stderr)");
    add_training_options(*cmd, opts->training);
    cmd->callback([opts] {
        if (opts->training.train_defects > 0 || !opts->training.train_defects_list.empty() ||
            opts->training.set_aside > 0)
            throw Error("--train-defects, --train-defects-list and --set-aside need an MVTec AD product; "
                        "one-class trains on one class's images");
        std::FILE* out = opts->json ? stderr : stdout;
        const auto format = *data::parse_tiny_format(opts->format);
        const data::TinyDataset dataset = data::read_tiny_dataset(opts->data, format).take();
        for (const auto& warning : dataset.warnings)
            print_warning(warning);
        if (!opts->outliers.empty()) {
            const auto outlier_format =
                opts->outlier_format.empty() ? format : *data::parse_tiny_format(opts->outlier_format);
            data::TinyDataset outliers = data::read_tiny_dataset(opts->outliers, outlier_format).take();
            opts->protocol.outliers = std::move(outliers.train.images);
            std::fprintf(out, "external anomalies: %zu training images of %s (%s)\n", opts->protocol.outliers.size(),
                         opts->outliers.string().c_str(), outliers.description.c_str());
        }
        opts->protocol.training = opts->training.config;
        opts->protocol.classes = parse_classes(opts->classes);
        const auto& f = opts->protocol.training.features;
        std::fprintf(out, "%s: %zu classes, %zu training and %zu test images\n", dataset.description.c_str(),
                     dataset.class_names.size(), dataset.train.size(), dataset.test.size());
        std::fprintf(out, "method %s at %d px on a %d x %d grid, image score = %s\n",
                     std::string(engine::method(opts->protocol.training.method).name()).c_str(), f.image_size,
                     f.grid_size, f.grid_size,
                     opts->protocol.training.map.score_pool == 0 ? "mean of the map" : "pooled maximum of the map");
        std::fprintf(out, "%-4s %-18s %7s %14s %8s %11s %10s\n", "", "class", "train", "test (it/others)", "AUROC",
                     "training s", "test img/s");
        const auto report = engine::run_one_class(dataset, opts->protocol, terminal_progress(),
                                                  [out](const engine::OneClassRun& r) {
                                                      std::fprintf(out, "%-4d %-18s %7d %7d/%-8d %8.2f %11.1f %10.0f\n",
                                                                   r.label, r.name.c_str(), r.train_images,
                                                                   r.test_normal, r.test_anomalous,
                                                                   100.0 * r.image_auroc, r.training_seconds,
                                                                   r.test_images_per_second);
                                                      std::fflush(out);
                                                  });
        std::fprintf(out, "%-4s %-18s %7s %14s %8.2f   (%zu classes, %.0f s in all)\n", "", "mean", "", "",
                     100.0 * report.mean_auroc, report.classes.size(), report.seconds);
        if (opts->json) {
            nlohmann::json classes = nlohmann::json::array();
            for (const auto& r : report.classes)
                classes.push_back(run_json(r));
            const nlohmann::json j{{"dataset", report.dataset},
                                   {"method", report.method},
                                   {"image_size", f.image_size},
                                   {"grid", f.grid_size},
                                   {"classes", classes},
                                   {"mean_image_auroc", report.mean_auroc},
                                   {"seconds", report.seconds}};
            print_json(j);
        }
    });
}

}  // namespace kensa::cli
