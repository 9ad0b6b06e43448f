// kensa-cli: Kensa's command-line tool. Every subcommand is a thin layer over the core library.

#include "cli_support.h"
#include "commands.h"

#include <kensa/base/error.h>
#include <kensa/base/version.h>
#include <kensa/nn/blas_kernels.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>

int main(int argc, char** argv) {
    kensa::nn::use_native_blas_kernels(argv);
    using namespace kensa::cli;
    CLI::App app{"Kensa: visual anomaly inspection (ADTR, PatchCore, PaDiM, SPADE, a diffusion denoiser) from the command line", "kensa-cli"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("kensa-cli ") + kensa::version());
    add_backbones_command(app);
    add_check_command(app);
    add_compare_command(app);
    add_demo_command(app);
    add_eval_command(app);
    add_features_command(app);
    add_infer_command(app);
    add_one_class_command(app);
    add_sample_command(app);
    add_train_command(app);
    add_watch_command(app);

    // CLI11 answers an unknown verb with "A subcommand is required"; name it, and the verbs there are.
    const auto verbs = std::as_const(app).get_subcommands(std::function<bool(const CLI::App*)>{});
    const auto known = [&](const std::string& word) {
        return std::any_of(verbs.begin(), verbs.end(), [&](const CLI::App* v) { return v->get_name() == word; });
    };
    if (argc > 1 && argv[1][0] != '-' && !known(argv[1])) {
        std::string names;
        for (const auto* verb : verbs)
            names += (names.empty() ? "" : ", ") + verb->get_name();
        print_error(std::string("unknown command '") + argv[1] + "'; the commands are: " + names +
                    " (kensa-cli --help)");
        return kUsage;
    }

    install_interrupt_handler();
    try {
        app.parse(argc, argv);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsage;
    } catch (const kensa::Cancelled&) {
        print_error("cancelled; nothing half-finished was left behind");
        return kCancelled;
    } catch (const std::exception& e) {
        print_error(e.what());
        return kFailed;
    }
    return kOk;
}
