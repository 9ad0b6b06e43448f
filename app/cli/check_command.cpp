#include "cli_support.h"
#include "commands.h"

#include <kensa/base/error.h>
#include <kensa/data/mvtec_product.h>

#include <CLI/CLI.hpp>

#include <cstdio>
#include <map>
#include <memory>

namespace kensa::cli {

void add_check_command(CLI::App& app) {
    struct Options {
        std::filesystem::path data;
        bool strict = false;
    };
    auto opts = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "check", "Check a product folder (MVTec AD layout): counts, unreadable files, masks");
    cmd->add_option("--data", opts->data, "Product folder")->required();
    cmd->add_flag("--strict", opts->strict, "Fail when any file was skipped");
    cmd->callback([opts] {
        data::MvtecLoadOptions load;
        load.progress = terminal_progress();
        auto product = data::load_mvtec_product(opts->data, load).take();
        std::map<std::string, int> per_type;
        for (const auto& r : product.test)
            ++per_type[r.defect_type];
        std::printf("product '%s': %zu train images, %zu test images\n", product.name.c_str(),
                    product.train.size(), product.test.size());
        for (const auto& [type, n] : per_type)
            std::printf("  test/%-20s %d\n", type.c_str(), n);
        for (const auto& issue : product.issues)
            print_warning(issue.message());
        if (opts->strict && !product.issues.empty())
            throw Error(std::to_string(product.issues.size()) +
                        " file(s) skipped or incomplete (see warnings above)");
    });
}

}  // namespace kensa::cli
