#include "cli_support.h"
#include "commands.h"
#include "evaluation_run.h"
#include "product_images.h"
#include "report_table.h"
#include "training_options.h"

#include <kensa/data/sample_product.h>
#include <kensa/engine/knn_baseline.h>
#include <kensa/model/model_bundle.h>

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

namespace kensa::cli {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// The patch-kNN reference on the same features, for comparison with ADTR (on the same test images).
void run_knn(const engine::FeatureExtractorConfig& features, const data::MvtecProduct& product) {
    engine::KnnBaseline knn({features, {}});
    knn.fit(load_images(product.train).images, terminal_progress());
    const auto test = load_images(product.test);
    const auto results = knn.predict(test.images, terminal_progress());
    std::printf("patch-kNN reference on the same features:\n");
    print_report(evaluate_results(product, results, test));
}

}  // namespace

void add_demo_command(CLI::App& app) {
    struct Options {
        std::filesystem::path work_dir = "kensa-demo";
        uint64_t sample_seed = 1;
        bool knn = true;
        TrainingOptions training;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "demo", "Build the sample product, train a model on its normal images, evaluate it");
    cmd->add_option("--work-dir", opts->work_dir, "Where the sample product and the model are written")
        ->capture_default_str();
    cmd->add_option("--sample-seed", opts->sample_seed, "Sample product seed")->capture_default_str();
    cmd->add_flag("--knn,!--no-knn", opts->knn, "Also evaluate the patch-kNN reference on the same features")
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

        const auto result =
            run_training(product_training_data(product, opts->training), opts->training.config);
        const auto model_path = opts->work_dir / "sample.kensa";
        model::save_bundle(model_path, result.bundle);
        std::printf("model written to %s\n", model_path.string().c_str());

        engine::Inspector inspector(result.bundle, opts->training.config.features.threads);
        const auto run = evaluate_on_test_split(inspector, product);
        print_excluded(run);
        print_report(run.report);
        std::printf("inference %.1f ms/image; demo total %.1f s\n", run.ms_per_image, seconds_since(start));
        if (opts->knn)
            run_knn(opts->training.config.features, run.product);
    });
}

}  // namespace kensa::cli
