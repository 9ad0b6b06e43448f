#pragma once
// Command-line options and progress display shared by `train` and `demo`.

#include <kensa/engine/adtr_training.h>

namespace CLI {
class App;
}

namespace kensa::cli {

void add_training_options(CLI::App& cmd, engine::TrainingConfig& config);

// Trains with a progress bar; prints a one-line summary. Throws Cancelled on Ctrl-C.
engine::TrainingResult run_training(const std::vector<cv::Mat>& normal_images,
                                    const engine::TrainingConfig& config);

}  // namespace kensa::cli
