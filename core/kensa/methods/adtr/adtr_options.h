#pragma once
// How ADTR trains: the transformer (adtr_config.h), its optimiser, and ADTR+ (adtr_plus.h). The defaults
// are Kensa's shipped recipe, measured on the sample product (docs/benchmarks.md). LibTorch-free.

#include <kensa/methods/adtr/adtr_config.h>
#include <kensa/methods/adtr/adtr_plus.h>
#include <kensa/postprocess/position_normalization.h>

#include <filesystem>

namespace kensa::adtr {

struct AdtrOptions {
    AdtrConfig model;  // channels and grid are filled in from the backbone
    Precision precision = Precision::Auto;

    // Detection peaks around 30-40 epochs and then stays flat with the encoder masked (without it, longer
    // training degrades it); lr 1e-3 beats UniAD's 1e-4 at this budget.
    int epochs = 40;
    int batch_size = 8;
    double learning_rate = 1e-3;  // AdamW; x0.1 for the last 20% of epochs (UniAD's step schedule)
    double weight_decay = 1e-4;
    double grad_clip = 0.1;  // max global gradient norm
    // Score each grid position in units of its own spread on the normal training images
    // (postprocess/position_normalization.h): border positions, which the model rebuilds worse on every
    // image, then stop producing the highest scores of normal images. Worth 17 AU-PRO on burlap, costs 20
    // on coin (docs/benchmarks.md): chosen per model on held-out images by default.
    postprocess::PositionScoring positions = postprocess::PositionScoring::Chosen;
    // The memory term (adtr_memory.h): weight of the nearest-training-feature distance against the
    // reconstruction error, each over its training mean; 0 = reconstruction alone (ADTR as published).
    double memory_weight = 3.0;
    // Where the memory's features come from: 0, the transformer's grid (stride 16, every training
    // position); 8 (or 4), PatchCore's locally aware patches of the last two backbone stages on a grid of
    // that stride, a 10 % greedy coreset of them in the bank. Stride 8 leads stride 0 by 3.5 / 1.1 / 3.1
    // points (image AUROC / pixel AUROC / AU-PRO) on the quality benchmark's mean, for 1.3x the inspection
    // time (docs/benchmarks.md, session 16).
    int memory_stride = 8;

    // ADTR+: training with defect samples and/or synthetic defects.
    AnomalyTrainingConfig anomaly;
    // Refinement (adtr_refinement.h): start from this trained ADTR model's transformer and feature
    // standardisation instead of random weights, e.g. to refine a normal-only model with marked defects in a
    // few epochs. It must have the backbone, input size and transformer shape asked for. Empty: from scratch.
    std::filesystem::path start_from;
    // Epochs of a refinement when none are asked for: with 3 marked defects per type it then matches ADTR+
    // trained from scratch on the quality benchmark's mean (10 epochs fell 4 AU-PRO short on leather), in
    // about 60 % of the time (docs/benchmarks.md, session 19).
    static constexpr int kRefinementEpochs = 20;

    // Throws kensa::Error naming the first bad field.
    void validate() const;
};

}  // namespace kensa::adtr
