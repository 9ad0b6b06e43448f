#pragma once
// One function per kensa-cli subcommand; each adds itself to the app and runs from its callback.

namespace CLI {
class App;
}

namespace kensa::cli {

void add_backbones_command(CLI::App& app);
void add_check_command(CLI::App& app);
void add_compare_command(CLI::App& app);
void add_demo_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_features_command(CLI::App& app);
void add_infer_command(CLI::App& app);
void add_one_class_command(CLI::App& app);
void add_sample_command(CLI::App& app);
void add_train_command(CLI::App& app);
void add_watch_command(CLI::App& app);

}  // namespace kensa::cli
