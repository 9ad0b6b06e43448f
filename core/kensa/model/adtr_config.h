#pragma once
// The ADTR reconstruction transformer's shape and regularisers, free of LibTorch so the UI, the CLI and
// model bundles can describe a model without linking it (kensa/nn/adtr_transformer.h builds it).
// Defaults follow the paper / UniAD (docs: /work/shared/ADTR.md); the feature side (channels, grid)
// comes from the backbone and the input size.

#include <kensa/base/error.h>

#include <optional>
#include <string>
#include <string_view>

namespace kensa::model {

// What the decoder's first attention of every layer uses as queries.
enum class QueryMode {
    PerLayer,  // one learned [g*g x d] query embedding per decoder layer (UniAD's code)
    Shared,    // one learned query embedding shared by all decoder layers (the ADTR paper)
    None,      // the projected input tokens: the paper's "without auxiliary query" ablation, which lets
               // the model learn the identity shortcut and so reconstructs anomalies too (94.2 vs 97.2)
};

// Where each grid position's identity comes from, added to the queries and keys of every attention.
enum class PositionEmbedding {
    Learned,  // a free [g*g x d] parameter, randomly initialised (UniAD's "learned", unfactorised)
    Sine,     // fixed 2-D sine/cosine codes (DETR/UniAD "sine"): nearby positions look alike from the
              // first step, so attention to a neighbourhood need not be learned from scratch
};

// How the transformer computes. Weights are always fp32 (the master copy the optimiser updates), so the
// choice can change between training and inference and is not part of a saved model.
enum class Precision {
    Auto,      // BFloat16 where the CPU has native bf16 dot products (avx512_bf16 / AMX), else Float32
    Float32,   // exact reference path (BLAS sgemm)
    BFloat16,  // matmuls in bf16 with fp32 accumulation; layer norms, softmax statistics, residuals fp32
};

struct AdtrConfig {
    int channels = 152;  // C of the backbone feature grid (the default backbone: 24 + 32 + 96)
    int grid = 14;       // g: the feature grid is g x g (stride 16 on a 224 input)

    int hidden_dim = 256;    // d: the paper's transformer width
    int heads = 8;           // attention heads; hidden_dim must be a multiple
    int encoder_layers = 4;  // the paper's 4 + 4
    int decoder_layers = 4;
    int feedforward_dim = 1024;  // FFN inner width (4 d)
    double dropout = 0.1;        // on attention weights and after every sub-layer, as UniAD; train mode only

    QueryMode query_mode = QueryMode::PerLayer;  // UniAD's variant: it is what the published numbers used
    PositionEmbedding position_embedding = PositionEmbedding::Learned;
    // Post-norm (LayerNorm after each residual add) is UniAD's default; pre-norm is the usual choice
    // for deeper stacks and adds a final encoder norm.
    bool pre_norm = false;

    // UniAD's neighbour masked attention: a position may not attend to the window x window square
    // around itself (odd, e.g. UniAD's 7; smaller than the grid), so it must be rebuilt from its
    // surroundings and cannot copy itself (or a defect covering its neighbours). 0 = off.
    int neighbour_mask = 0;
    // UniAD masks only the decoder's attentions (memory and previous-layer); masking the encoder too
    // keeps a token's own information out of every path to its reconstruction.
    bool mask_encoder = false;

    // Feature jitter (UniAD): in training only, each input token gets Gaussian noise with standard
    // deviation jitter_scale * |token| / C, with probability jitter_probability per batch. 0 = off.
    double jitter_scale = 0.0;  // UniAD: 20
    double jitter_probability = 1.0;

    int tokens() const { return grid * grid; }

    // Throws kensa::Error naming the first inconsistent field.
    void validate() const {
        auto fail = [](const std::string& what) { throw Error("invalid ADTR configuration: " + what); };
        if (channels <= 0)
            fail("channels must be positive");
        if (grid <= 0)
            fail("grid must be positive");
        if (hidden_dim <= 0 || heads <= 0 || hidden_dim % heads != 0)
            fail("hidden_dim (" + std::to_string(hidden_dim) + ") must be a positive multiple of heads (" +
                 std::to_string(heads) + ")");
        if (position_embedding == PositionEmbedding::Sine && hidden_dim % 4 != 0)
            fail("sine position embeddings need hidden_dim to be a multiple of 4");
        if (encoder_layers < 0)
            fail("encoder_layers must not be negative");
        if (decoder_layers <= 0)
            fail("decoder_layers must be at least 1");
        if (feedforward_dim <= 0)
            fail("feedforward_dim must be positive");
        if (!(dropout >= 0.0 && dropout < 1.0))
            fail("dropout must be in [0, 1)");
        if (neighbour_mask < 0 || (neighbour_mask > 0 && neighbour_mask % 2 == 0))
            fail("neighbour_mask must be 0 (off) or an odd window size");
        if (neighbour_mask >= grid)
            fail("neighbour_mask (" + std::to_string(neighbour_mask) + ") must be smaller than the grid (" +
                 std::to_string(grid) + "): a position must be able to attend somewhere");
        if (!(jitter_scale >= 0.0))
            fail("jitter_scale must not be negative");
        if (!(jitter_probability >= 0.0 && jitter_probability <= 1.0))
            fail("jitter_probability must be in [0, 1]");
    }
};

// Stable names for files and command lines ("per_layer", "shared", "none"; "auto", "fp32", "bf16").
inline std::string_view to_string(QueryMode mode) {
    switch (mode) {
        case QueryMode::PerLayer:
            return "per_layer";
        case QueryMode::Shared:
            return "shared";
        case QueryMode::None:
            return "none";
    }
    return "per_layer";
}

inline std::optional<QueryMode> parse_query_mode(std::string_view name) {
    for (auto mode : {QueryMode::PerLayer, QueryMode::Shared, QueryMode::None})
        if (name == to_string(mode))
            return mode;
    return std::nullopt;
}

inline std::string_view to_string(PositionEmbedding embedding) {
    return embedding == PositionEmbedding::Sine ? "sine" : "learned";
}

inline std::optional<PositionEmbedding> parse_position_embedding(std::string_view name) {
    for (auto e : {PositionEmbedding::Learned, PositionEmbedding::Sine})
        if (name == to_string(e))
            return e;
    return std::nullopt;
}

inline std::string_view to_string(Precision precision) {
    switch (precision) {
        case Precision::Auto:
            return "auto";
        case Precision::Float32:
            return "fp32";
        case Precision::BFloat16:
            return "bf16";
    }
    return "auto";
}

inline std::optional<Precision> parse_precision(std::string_view name) {
    for (auto p : {Precision::Auto, Precision::Float32, Precision::BFloat16})
        if (name == to_string(p))
            return p;
    return std::nullopt;
}

}  // namespace kensa::model
