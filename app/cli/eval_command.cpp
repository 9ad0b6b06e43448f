#include "cli_support.h"
#include "commands.h"
#include "evaluation_run.h"
#include "product_images.h"
#include "report_table.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

namespace kensa::cli {

void add_eval_command(CLI::App& app) {
    struct Options {
        std::filesystem::path model;
        std::filesystem::path data;
        bool json = false;
        int threads = 0;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("eval", "Evaluate a model on a product's labelled test split");
    cmd->add_option("--model", opts->model, "Model file")->required();
    cmd->add_option("--data", opts->data, "Product folder (MVTec AD layout)")->required();
    cmd->add_flag("--json", opts->json, "Print the metrics as JSON");
    cmd->add_option("--threads", opts->threads, "CPU threads (0 = all)")->capture_default_str();
    cmd->callback([opts] {
        auto inspector = engine::Inspector::load(opts->model, opts->threads);
        const auto product = open_product(opts->data);
        const auto run = evaluate_on_test_split(inspector, product);
        if (opts->json) {
            print_report_json(run.report, run.ms_per_image);
        } else {
            print_report(run.report);
            std::printf("inference %.1f ms/image over %d images\n", run.ms_per_image, run.images);
        }
    });
}

}  // namespace kensa::cli
