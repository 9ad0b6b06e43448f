#pragma once
// Command-line options and progress display shared by `train` and `demo`.

#include <kensa/data/mvtec_product.h>
#include <kensa/engine/training.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace kensa::cli {

struct TrainingOptions {
    engine::TrainingConfig config;
    // Real defects from the product's test split (ADTR+): the first N per defect type, or a list file.
    int train_defects = 0;
    std::filesystem::path train_defects_list;
    // The first N defect images per type are left out of evaluation whether trained on or not.
    int set_aside = 0;
    // --synthetic-set generator.parameter=value, put into config.adtr.anomaly.synthetic_mix once parsing ends.
    std::vector<std::string> synthetic_settings;
    // --epochs was given (here, or for a compare variant on the command): a --refine then keeps it.
    bool epochs_given = false;
};

// with_method: offer --method (compare has its own --methods).
void add_training_options(CLI::App& cmd, TrainingOptions& options, bool with_method = true);

// The normal images of product.train (named "train/<path>") and the defect images the options choose
// from product.test with their masks (named "test/<path>"). Throws kensa::Error naming the problem.
engine::TrainingData product_training_data(const data::MvtecProduct& product, const TrainingOptions& options);

// Trains with a progress bar; prints a one-line summary (and the ADTR+ data when used). Throws
// Cancelled on Ctrl-C.
// The summary goes to `out` (compare --json sends it to stderr).
engine::TrainingResult run_training(const engine::TrainingData& data, const engine::TrainingConfig& config,
                                    std::FILE* out = stdout);

}  // namespace kensa::cli
