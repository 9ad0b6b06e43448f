#include "cli_support.h"
#include "commands.h"
#include "evaluation_run.h"
#include "product_images.h"
#include "report_table.h"

#include <CLI/CLI.hpp>

#include <kensa/base/error.h>
#include <kensa/model/model_bundle.h>
#include <kensa/postprocess/thresholds.h>

#include <cmath>
#include <cstdio>
#include <memory>

namespace kensa::cli {

void add_eval_command(CLI::App& app) {
    struct Options {
        std::filesystem::path model;
        std::filesystem::path data;
        bool json = false;
        bool store_f1 = false;
        int threads = 0;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("eval", "Evaluate a model on a product's labelled test split");
    cmd->add_option("--model", opts->model, "Model file")->required();
    cmd->add_option("--data", opts->data, "Product folder (MVTec AD layout)")->required();
    cmd->add_flag("--json", opts->json, "Print the metrics as JSON");
    cmd->add_flag("--store-f1-thresholds", opts->store_f1,
                  "Record the F1-optimal image and pixel thresholds of this test set in the model file");
    cmd->add_option("--threads", opts->threads, "CPU threads (0 = all)")->capture_default_str();
    cmd->callback([opts] {
        auto inspector = engine::Inspector::load(opts->model, opts->threads);
        const auto product = open_product(opts->data);
        const auto run = evaluate_on_test_split(inspector, product);
        const auto& thresholds = inspector.bundle().thresholds;
        if (opts->json) {
            print_report_json(run);
        } else {
            print_excluded(run);
            print_report(run.report);
            const auto& all = run.report.overall;
            std::printf("at the model's image threshold %.4g (from normal images): %d of %lld defective and %d "
                        "of %lld good images flagged\n",
                        thresholds.image, run.defects_flagged, static_cast<long long>(all.defect_images),
                        run.good_flagged, static_cast<long long>(all.good_images));
            std::printf("inference %.1f ms/image over %d images (steady state; the first batch of %d took %.0f ms)\n",
                        run.ms_per_image, run.images, run.first_batch_images, run.first_batch_ms);
        }
        if (opts->store_f1) {
            const auto f1 = postprocess::f1_optimal_thresholds(run.report);
            if (!f1.image)
                throw Error("--store-f1-thresholds: the test set has no defective images");
            auto bundle = inspector.bundle();
            bundle.thresholds.image_f1_optimal = f1.image;
            if (f1.pixel)
                bundle.thresholds.pixel_f1_optimal = f1.pixel;
            model::save_bundle(opts->model, bundle);
            std::fprintf(stderr, "stored the F1-optimal thresholds in %s\n", opts->model.c_str());
        }
    });
}

}  // namespace kensa::cli
