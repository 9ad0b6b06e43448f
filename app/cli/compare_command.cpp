// kensa-cli compare: every chosen method trained on one product and evaluated on the same test images.
#include "cli_support.h"
#include "commands.h"
#include "evaluation_run.h"
#include "product_images.h"
#include "training_options.h"

#include <kensa/base/error.h>
#include <kensa/engine/inspector.h>
#include <kensa/methods/registry.h>
#include <kensa/model/model_bundle.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <set>
#include <sstream>

namespace kensa::cli {

namespace {

struct Row {
    std::string method;
    metrics::MetricSet metrics;
    double training_seconds = 0;
    double ms_per_image = 0;
    double model_mb = 0;
    int images = 0;
    int excluded = 0;  // test images left out (some model trained on them)
};

std::vector<std::string> split_ids(const std::string& text) {
    std::vector<std::string> ids;
    std::stringstream items(text);
    for (std::string id; std::getline(items, id, ',');)
        ids.push_back(id);
    return ids;
}

nlohmann::json number(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

}  // namespace

void add_compare_command(CLI::App& app) {
    struct Options {
        std::filesystem::path data;
        std::string methods;
        std::filesystem::path out_dir;
        bool json = false;
        TrainingOptions training;
    };
    auto opts = std::make_shared<Options>();
    for (const auto& id : engine::method_ids())
        opts->methods += (opts->methods.empty() ? "" : ",") + id;
    auto* cmd = app.add_subcommand(
        "compare", "Train several methods on one product and evaluate them on the same test images");
    cmd->add_option("--data", opts->data, "Product folder (MVTec AD layout)")->required();
    cmd->add_option("--methods", opts->methods, "Comma-separated method ids")
        ->capture_default_str()
        ->check(CLI::Validator(
            [](std::string& text) {
                for (const auto& id : split_ids(text))
                    try {
                        (void)engine::method(id);
                    } catch (const Error& e) {
                        return std::string(e.what());
                    }
                return std::string();
            },
            "METHODS"));
    cmd->add_option("--out-dir", opts->out_dir, "Keep the models here as <method>.kensa (default: not kept)");
    cmd->add_flag("--json", opts->json, "Print the table as JSON");
    add_training_options(*cmd, opts->training, /*with_method=*/false);
    cmd->callback([opts] {
        const auto product = open_product(opts->data);
        const auto data = product_training_data(product, opts->training);
        const auto out_dir = opts->out_dir.empty() ? std::filesystem::temp_directory_path() : opts->out_dir;
        std::filesystem::create_directories(out_dir);

        std::vector<std::string> ids = split_ids(opts->methods);
        std::vector<engine::Inspector> inspectors;
        std::vector<Row> rows;
        std::set<std::string> trained_on;  // by any model: every model is evaluated without them
        for (const auto& id : ids) {
            auto config = opts->training.config;
            config.method = id;
            std::fprintf(stderr, "== %s\n", std::string(engine::method(id).name()).c_str());
            const auto start = std::chrono::steady_clock::now();
            auto result = run_training(data, config, opts->json ? stderr : stdout);
            Row row{id};
            row.training_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const auto path =
                out_dir / (id + (opts->out_dir.empty() ? ".compare-" + std::to_string(::getpid()) + ".kensa" : ".kensa"));
            model::save_bundle(path, result.bundle);
            row.model_mb = static_cast<double>(std::filesystem::file_size(path)) / 1e6;
            if (opts->out_dir.empty())
                std::filesystem::remove(path);
            for (const auto& image : engine::evaluation_exclusions(result.bundle.training_json))
                trained_on.insert(image);
            inspectors.emplace_back(std::move(result.bundle), config.features.threads);
            rows.push_back(row);
        }
        for (size_t i = 0; i < rows.size(); ++i) {
            const auto run = evaluate_on_test_split(inspectors[i], product, trained_on);
            rows[i].metrics = run.report.overall;
            rows[i].ms_per_image = run.ms_per_image;
            rows[i].images = run.images;
            rows[i].excluded = run.excluded;
        }

        if (opts->json) {
            auto out = nlohmann::json::array();
            for (const auto& r : rows)
                out.push_back({{"method", r.method},
                               {"image_auroc", number(r.metrics.image_auroc)},
                               {"pixel_auroc", number(r.metrics.pixel_auroc)},
                               {"aupro", number(r.metrics.aupro)},
                               {"training_seconds", r.training_seconds},
                               {"ms_per_image", r.ms_per_image},
                               {"model_mb", r.model_mb},
                               {"test_images", r.images},
                               {"excluded_test_images", r.excluded}});
            std::printf("%s\n", out.dump(2).c_str());
            return;
        }
        if (!rows.empty())
            std::printf("%d test images (%d left out: a model trained on them)\n", rows.front().images,
                        rows.front().excluded);
        std::printf("%-10s %11s %11s %11s %9s %9s %9s\n", "method", "image AUROC", "pixel AUROC", "AU-PRO@0.3",
                    "train s", "ms/image", "model MB");
        for (const auto& r : rows)
            std::printf("%-10s %11.2f %11.2f %11.2f %9.1f %9.1f %9.1f\n", r.method.c_str(),
                        100 * r.metrics.image_auroc, 100 * r.metrics.pixel_auroc, 100 * r.metrics.aupro,
                        r.training_seconds, r.ms_per_image, r.model_mb);
    });
}

}  // namespace kensa::cli
