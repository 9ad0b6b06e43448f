#include "cli_support.h"
#include "commands.h"
#include "evaluation_run.h"
#include "product_images.h"
#include "report_table.h"
#include "training_options.h"

#include <kensa/data/sample_product.h>
#include <kensa/engine/inspector.h>
#include <kensa/methods/training.h>
#include <kensa/model/model_bundle.h>

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>
#include <set>

namespace kensa::cli {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// PatchCore on the same backbone and images, evaluated on the same test images as ADTR: the field's
// reference beside Kensa's method.
void run_reference(const TrainingOptions& training, const engine::TrainingData& data,
                   const data::MvtecProduct& product, const std::set<std::string>& trained_on) {
    auto config = training.config;
    config.method = "patchcore";
    auto result = run_training(data, config);
    engine::Inspector inspector(std::move(result.bundle), config.features.threads);
    std::printf("PatchCore (the reference) on the same test images:\n");
    print_report(evaluate_on_test_split(inspector, product, trained_on).report);
}

}  // namespace

void add_demo_command(CLI::App& app) {
    struct Options {
        std::filesystem::path work_dir = "kensa-demo";
        uint64_t sample_seed = 1;
        bool reference = true;
        TrainingOptions training;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "demo", "Build the sample product, train a model on its normal images, evaluate it");
    cmd->add_option("--work-dir", opts->work_dir, "Where the sample product and the model are written")
        ->capture_default_str();
    cmd->add_option("--sample-seed", opts->sample_seed, "Sample product seed")->capture_default_str();
    cmd->add_flag("--reference,!--no-reference", opts->reference,
                  "Also train and evaluate PatchCore (the reference method) on the same images")
        ->capture_default_str();
    add_training_options(*cmd, opts->training);
    cmd->callback([opts] {
        const auto start = Clock::now();
        const auto product_dir = opts->work_dir / ("sample-seed" + std::to_string(opts->sample_seed));
        if (!std::filesystem::exists(product_dir)) {
            data::SampleProductConfig sample;
            sample.output_dir = product_dir;
            sample.seed = opts->sample_seed;
            sample.progress = terminal_progress();
            std::filesystem::create_directories(opts->work_dir);
            data::generate_sample_product(sample);
        }
        const auto product = open_product(product_dir);
        std::printf("sample product at %s: %zu train, %zu test images\n", product_dir.string().c_str(),
                    product.train.size(), product.test.size());

        const auto data = product_training_data(product, opts->training);
        const auto result = run_training(data, opts->training.config);
        const auto model_path = opts->work_dir / "sample.kensa";
        model::save_bundle(model_path, result.bundle);
        std::printf("model written to %s\n", model_path.string().c_str());

        engine::Inspector inspector(result.bundle, opts->training.config.features.threads);
        const auto run = evaluate_on_test_split(inspector, product);
        print_excluded(run);
        print_report(run.report);
        std::printf("inference %.1f ms/image; demo total %.1f s\n", run.ms_per_image, seconds_since(start));
        if (opts->reference) {
            const auto trained = engine::evaluation_exclusions(result.bundle.training_json);
            run_reference(opts->training, data, product, {trained.begin(), trained.end()});
        }
    });
}

}  // namespace kensa::cli
