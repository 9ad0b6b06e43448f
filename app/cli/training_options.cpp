#include "training_options.h"

#include "cli_support.h"

#include <CLI/CLI.hpp>

#include <algorithm>
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
    cmd.add_option("--weight-decay", c.weight_decay, "AdamW weight decay")->capture_default_str();
    cmd.add_flag("--normalize-residuals,!--raw-residuals", c.normalize_residuals,
                 "Scale each channel's reconstruction difference by its RMS on normal images");
    cmd.add_flag("--normalize-positions,!--raw-positions", c.normalize_positions,
                 "Score each grid position relative to its spread on the normal training images");

    // The transformer's shape and regularisers (kensa/model/adtr_config.h); defaults measured.
    auto* model = cmd.add_option_group("Model", "ADTR transformer shape and regularisers");
    model->add_option("--layers", c.adtr.encoder_layers, "Encoder layers (decoder layers follow)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber)
        ->each([&c](const std::string&) { c.adtr.decoder_layers = std::max(1, c.adtr.encoder_layers); });
    model->add_option("--decoder-layers", c.adtr.decoder_layers, "Decoder layers (after --layers)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    model->add_option("--hidden", c.adtr.hidden_dim, "Transformer width")->capture_default_str();
    model->add_option("--heads", c.adtr.heads, "Attention heads (divides --hidden)")->capture_default_str();
    model->add_option("--feedforward", c.adtr.feedforward_dim, "Feed-forward inner width")
        ->capture_default_str();
    model->add_option("--dropout", c.adtr.dropout, "Dropout in training")->capture_default_str();
    model
        ->add_option_function<std::string>(
            "--query", [&c](const std::string& name) { c.adtr.query_mode = *model::parse_query_mode(name); },
            "Decoder query: per_layer or shared learned embedding, or none (the no-query ablation)")
        ->check(CLI::IsMember({"per_layer", "shared", "none"}))
        ->default_str(std::string(model::to_string(c.adtr.query_mode)));
    model
        ->add_option_function<std::string>(
            "--position",
            [&c](const std::string& name) { c.adtr.position_embedding = *model::parse_position_embedding(name); },
            "Position embedding: learned (free parameter) or sine (fixed 2-D codes)")
        ->check(CLI::IsMember({"learned", "sine"}))
        ->default_str(std::string(model::to_string(c.adtr.position_embedding)));
    model->add_option("--neighbour-mask", c.adtr.neighbour_mask, "Attention window side (odd; 0 = off)")
        ->capture_default_str();
    model->add_flag("--mask-encoder,!--no-mask-encoder", c.adtr.mask_encoder,
                    "Apply the neighbourhood mask in the encoder too");
    model->add_option("--jitter", c.adtr.jitter_scale, "Feature jitter scale in training (0 = off)")
        ->capture_default_str();
    model->add_flag("--pre-norm,!--post-norm", c.adtr.pre_norm, "LayerNorm before (not after) each sub-layer");
    model->add_flag("--last-stage-only", c.features.last_stage_only,
                    "Use only the backbone's deepest stage (the single-scale ablation)");
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
