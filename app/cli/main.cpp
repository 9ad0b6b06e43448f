// kensa-cli: Kensa's command-line tool. Every subcommand is a thin layer over the core library.

#include "cli_support.h"
#include "commands.h"

#include <kensa/base/error.h>
#include <kensa/base/version.h>
#include <kensa/nn/blas_kernels.h>

#include <CLI/CLI.hpp>

#include <string>

int main(int argc, char** argv) {
    kensa::nn::use_native_blas_kernels(argv);
    using namespace kensa::cli;
    CLI::App app{"Kensa: visual anomaly inspection (ADTR, PatchCore, PaDiM, SPADE) from the command line", "kensa-cli"};
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
