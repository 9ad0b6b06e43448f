#include "cli_support.h"
#include "commands.h"
#include "report_table.h"

#include <kensa/data/mvtec_product.h>
#include <kensa/data/sample_product.h>
#include <kensa/engine/knn_baseline.h>
#include <kensa/metrics/evaluation.h>

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

namespace kensa::cli {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

struct LoadedSplit {
    std::vector<cv::Mat> images;
    std::vector<cv::Mat> masks;
};

LoadedSplit load_split(const std::vector<data::ImageRecord>& records) {
    LoadedSplit split;
    for (const auto& r : records) {
        auto loaded = data::load_record(r).take();
        split.images.push_back(std::move(loaded.image));
        split.masks.push_back(std::move(loaded.mask));
    }
    return split;
}

}  // namespace

void add_demo_command(CLI::App& app) {
    struct Options {
        std::filesystem::path work_dir = "kensa-demo";
        uint64_t seed = 1;
        engine::KnnBaselineConfig model;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("demo", "Build the sample product, learn its normal images and evaluate on its test set");
    cmd->add_option("--work-dir", opts->work_dir, "Where the sample product is written (reused when present)")
        ->capture_default_str();
    cmd->add_option("--seed", opts->seed, "Sample product seed")->capture_default_str();
    cmd->add_option("--backbone", opts->model.features.backbone, "Backbone id (see 'kensa-cli backbones')")->capture_default_str();
    cmd->add_flag("--random-init", opts->model.features.random_init, "Random backbone weights (shows what pretraining buys)");
    cmd->add_option("--image-size", opts->model.features.image_size, "Model input size (multiple of 32)")->capture_default_str();
    cmd->add_option("--threads", opts->model.features.threads, "CPU threads (0 = all)")->capture_default_str();
    cmd->callback([opts] {
        const auto start = Clock::now();
        const auto progress = terminal_progress();
        const auto product_dir = opts->work_dir / ("sample-seed" + std::to_string(opts->seed));
        if (!std::filesystem::exists(product_dir)) {
            data::SampleProductConfig sample;
            sample.output_dir = product_dir;
            sample.seed = opts->seed;
            sample.progress = progress;
            std::filesystem::create_directories(opts->work_dir);
            data::generate_sample_product(sample);
        }
        data::MvtecLoadOptions load_options;
        load_options.progress = progress;
        const auto product = data::load_mvtec_product(product_dir, load_options).take();
        for (const auto& issue : product.issues) print_warning(issue.message());
        std::printf("product '%s' at %s: %zu train, %zu test images\n", product.name.c_str(), product_dir.string().c_str(),
                    product.train.size(), product.test.size());

        const auto train = load_split(product.train);
        const auto test = load_split(product.test);

        engine::KnnBaseline model(opts->model);
        std::printf("backbone %s (%s), %d px input, %lld x %lld feature grid of %lld channels\n",
                    opts->model.features.backbone.c_str(),
                    opts->model.features.random_init ? "random init" : model.extractor().weights_path().string().c_str(),
                    opts->model.features.image_size, static_cast<long long>(model.extractor().grid_size()),
                    static_cast<long long>(model.extractor().grid_size()), static_cast<long long>(model.extractor().channels()));
        std::printf("method: patch-kNN on the backbone features (nearest normal feature per position)\n");
        const auto fit_start = Clock::now();
        model.fit(train.images, progress);
        const double fit_s = seconds_since(fit_start);
        const auto infer_start = Clock::now();
        const auto results = model.predict(test.images, progress);
        const double infer_s = seconds_since(infer_start);

        std::vector<metrics::EvaluationRecord> records;
        for (size_t i = 0; i < results.size(); ++i)
            records.push_back({product.test[i].relative_path.generic_string(), product.test[i].defect_type, results[i].score,
                               results[i].map, test.masks[i]});
        const auto report = metrics::evaluate(records, {}, progress);
        print_report(report);
        std::printf("learning %.1f s, inference %.1f ms/image, total %.1f s\n", fit_s,
                    1000.0 * infer_s / static_cast<double>(results.size()), seconds_since(start));
    });
}

}  // namespace kensa::cli
