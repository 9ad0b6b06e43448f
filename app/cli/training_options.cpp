#include "training_options.h"

#include "cli_support.h"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace kensa::cli {

void add_training_options(CLI::App& cmd, engine::TrainingConfig& c) {
    cmd.add_option("--backbone", c.features.backbone, "Backbone id (see 'kensa-cli backbones')")
        ->capture_default_str();
    cmd.add_option("--weights", c.features.weights, "Backbone weights file (default: the installed ones)");
    cmd.add_flag("--random-init", c.features.random_init, "Random backbone weights (for comparisons only)");
    cmd.add_option("--image-size", c.features.image_size, "Model input size, a multiple of 32")
        ->capture_default_str();
    cmd.add_option("--epochs", c.epochs, "Training epochs")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd.add_option("--batch", c.batch_size, "Images per training step")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd.add_option("--lr", c.learning_rate, "AdamW learning rate")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd.add_option("--seed", c.seed, "Random seed (same seed and data, same model)")->capture_default_str();
    cmd.add_option("--threads", c.features.threads, "CPU threads (0 = all)")->capture_default_str();
    cmd.add_option_function<std::string>(
           "--precision", [&c](const std::string& name) { c.precision = *model::parse_precision(name); },
           "Transformer arithmetic: auto (bf16 where the CPU has native bf16), fp32 or bf16")
        ->check(CLI::IsMember({"auto", "fp32", "bf16"}))
        ->default_str("auto");
    cmd.add_option("--layers", c.adtr.encoder_layers, "Encoder layers (decoder layers follow)")
        ->capture_default_str()
        ->each([&c](const std::string&) { c.adtr.decoder_layers = c.adtr.encoder_layers; });
    cmd.add_option("--hidden", c.adtr.hidden_dim, "Transformer width")->capture_default_str();
}

engine::TrainingResult run_training(const std::vector<cv::Mat>& normal_images,
                                    const engine::TrainingConfig& config) {
    auto result = engine::train_adtr(normal_images, config, terminal_progress());
    std::printf(
        "trained on %d normal images (%d held out for thresholds): features %.1f s, %d epochs %.1f s, "
        "final loss %.5f\n",
        result.train_images, result.holdout_images, result.feature_seconds, config.epochs,
        result.training_seconds, result.epoch_losses.back());
    std::printf("thresholds from held-out normal images: image %.4f, pixel %.4f\n",
                result.bundle.thresholds.image, result.bundle.thresholds.pixel);
    return result;
}

}  // namespace kensa::cli
