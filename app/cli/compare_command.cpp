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
    std::string name;  // the method id, or the variant's name
    std::string method;
    metrics::EvaluationReport report;
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

nlohmann::json metrics_json(const metrics::MetricSet& m) {
    return {{"image_auroc", number(m.image_auroc)}, {"pixel_auroc", number(m.pixel_auroc)}, {"aupro", number(m.aupro)}};
}

// One model to train: a method with the command's options, or a named variant with its own.
struct Entry {
    std::string name;
    TrainingOptions options;
};

// "NAME=train options": the options are parsed as `train` would, on top of the command's own.
Entry parse_variant(const std::string& text, const TrainingOptions& base) {
    const auto equals = text.find('=');
    if (equals == 0 || equals == std::string::npos)
        throw Error("--variant '" + text + "': expected NAME=OPTIONS, e.g. adtr-synthetic=\"--synthetic all\"");
    Entry entry{text.substr(0, equals), base};
    CLI::App parser("--variant " + entry.name);
    add_training_options(parser, entry.options);
    try {
        parser.parse(text.substr(equals + 1), /*program_name_included=*/false);
    } catch (const CLI::ParseError& e) {
        throw Error("--variant " + entry.name + ": " + e.what());
    }
    return entry;
}

}  // namespace

void add_compare_command(CLI::App& app) {
    struct Options {
        std::filesystem::path data;
        std::string methods;
        std::filesystem::path out_dir;
        std::vector<std::string> variants;
        bool json = false;
        TrainingOptions training;
    };
    auto opts = std::make_shared<Options>();
    for (const auto* m : engine::methods())
        if (m->compared_by_default())
            opts->methods += (opts->methods.empty() ? "" : ",") + std::string(m->id());
    auto* cmd = app.add_subcommand(
        "compare", "Train several methods on one product and evaluate them on the same test images");
    cmd->add_option("--data", opts->data, "Product folder (MVTec AD layout)")->required();
    cmd->add_option("--methods", opts->methods,
                    "Comma-separated method ids (the default leaves out diffusion, which trains for minutes)")
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
    cmd->add_option("--variant", opts->variants,
                    "A named training recipe NAME=\"train options\", e.g. adtr-real3=\"--train-defects 3\" "
                    "(repeatable; with --variant, --methods defaults to none)");
    cmd->add_option("--out-dir", opts->out_dir, "Keep the models here as <name>.kensa (default: not kept)");
    cmd->add_flag("--json", opts->json, "Print the table as JSON");
    add_training_options(*cmd, opts->training, /*with_method=*/false);
    cmd->callback([opts, cmd] {
        const auto product = open_product(opts->data);
        std::vector<Entry> entries;
        if (opts->variants.empty() || cmd->get_option("--methods")->count() > 0)
            for (const auto& id : split_ids(opts->methods)) {
                entries.push_back({id, opts->training});
                entries.back().options.config.method = id;
            }
        for (const auto& text : opts->variants)
            entries.push_back(parse_variant(text, opts->training));
        const auto out_dir = opts->out_dir.empty() ? std::filesystem::temp_directory_path() : opts->out_dir;
        std::filesystem::create_directories(out_dir);

        std::vector<engine::Inspector> inspectors;
        std::vector<Row> rows;
        std::set<std::string> trained_on;  // by any model: every model is evaluated without them
        for (const auto& entry : entries) {
            const auto& config = entry.options.config;
            std::fprintf(stderr, "== %s (%s)\n", entry.name.c_str(), std::string(engine::method(config.method).name()).c_str());
            const auto data = product_training_data(product, entry.options);
            const auto start = std::chrono::steady_clock::now();
            auto result = run_training(data, config, opts->json ? stderr : stdout);
            Row row{entry.name, config.method};
            row.training_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const auto path = out_dir / (entry.name + (opts->out_dir.empty()
                                                           ? ".compare-" + std::to_string(::getpid()) + ".kensa"
                                                           : ".kensa"));
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
            rows[i].report = run.report;
            rows[i].ms_per_image = run.ms_per_image;
            rows[i].images = run.images;
            rows[i].excluded = run.excluded;
        }

        if (opts->json) {
            auto out = nlohmann::json::array();
            for (const auto& r : rows) {
                auto row = metrics_json(r.report.overall);
                row.update({{"name", r.name},
                            {"method", r.method},
                            {"training_seconds", r.training_seconds},
                            {"ms_per_image", r.ms_per_image},
                            {"model_mb", r.model_mb},
                            {"test_images", r.images},
                            {"excluded_test_images", r.excluded}});
                auto& types = row["per_defect_type"] = nlohmann::json::object();
                for (const auto& t : r.report.per_defect_type)
                    types[t.defect_type] = metrics_json(t);
                out.push_back(row);
            }
            print_json(out);
            return;
        }
        if (!rows.empty())
            std::printf("%d test images (%d left out: a model trained on them)\n", rows.front().images,
                        rows.front().excluded);
        std::printf("%-14s %11s %11s %11s %9s %9s %9s\n", "model", "image AUROC", "pixel AUROC", "AU-PRO@0.3",
                    "train s", "ms/image", "model MB");
        for (const auto& r : rows)
            std::printf("%-14s %11.2f %11.2f %11.2f %9.1f %9.1f %9.1f\n", r.name.c_str(),
                        100 * r.report.overall.image_auroc, 100 * r.report.overall.pixel_auroc,
                        100 * r.report.overall.aupro,
                        r.training_seconds, r.ms_per_image, r.model_mb);
    });
}

}  // namespace kensa::cli
