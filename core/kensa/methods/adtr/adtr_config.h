#pragma once
// The ADTR reconstruction transformer's shape and regularisers, free of LibTorch so the UI, the CLI and
// model bundles can describe a model without linking it (adtr_transformer.h builds it). The defaults are
// Kensa's shipped recipe, measured on the sample product (docs/benchmarks.md, "ADTR: how the defaults
// were chosen" and the ablation): the paper's shape (/work/shared/ADTR.md) with UniAD's neighbour mask,
// here in the encoder too, pre-norm, feature jitter, and decoder queries from the jittered input tokens.
// The feature side (channels, grid) comes from the backbone and the input size.

#include <kensa/base/enum_names.h>
#include <kensa/base/error.h>
#include <kensa/base/precision.h>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace kensa::adtr {

// What the decoder's first attention of every layer uses as queries.
enum class QueryMode {
    PerLayer,  // one learned [g*g x d] query embedding per decoder layer (UniAD's code)
    Shared,    // one learned query embedding shared by all decoder layers (the ADTR paper)
    None,      // the projected input tokens (the paper's "without auxiliary query"). With the neighbour
               // mask and jitter this is a context-conditioned denoiser and measured far better here
               // (2 seeds: 97.8-98.2 / 98.1 / 92.2-92.4 against 75.9 / 94.2 / 80.4 with a learned query)
};

// How the transformer computes (Auto, Float32, BFloat16: matmuls in bf16 with fp32 accumulation; layer
// norms, softmax statistics, residuals fp32). Weights are always fp32 (the master copy the optimiser
// updates), so the choice can change between training and inference and is not part of a saved model.
using kensa::Precision;

struct AdtrConfig {
    int channels = 152;  // C of the backbone feature grid (the default backbone: 24 + 32 + 96)
    int grid = 14;       // g: the feature grid is g x g (stride 16 on a 224 input)

    int hidden_dim = 256;    // d: the paper's transformer width
    int heads = 8;           // attention heads; hidden_dim must be a multiple
    int encoder_layers = 4;  // the paper's 4 + 4
    int decoder_layers = 4;
    int feedforward_dim = 1024;  // FFN inner width (4 d)
    double dropout = 0.1;        // on attention weights and after every sub-layer, as UniAD; train mode only

    QueryMode query_mode = QueryMode::None;
    // Pre-norm (LayerNorm before each sub-layer, plus a final encoder norm); post-norm is UniAD's default.
    bool pre_norm = true;

    // UniAD's neighbour masked attention: a position may not attend to the window x window square
    // around itself (odd, e.g. UniAD's 7; smaller than the grid), so it must be rebuilt from its
    // surroundings and cannot copy itself (or a defect covering its neighbours). 0 = off.
    int neighbour_mask = 7;
    // UniAD masks only the decoder's attentions; masking the encoder too keeps a token's own information
    // out of every path to its reconstruction (with only the decoder masked, longer training taught the
    // model to rebuild defects).
    bool mask_encoder = true;

    // Feature jitter (UniAD): in training only, each input token of every batch gets Gaussian noise with
    // standard deviation jitter_scale * |token| / C. 0 = off.
    double jitter_scale = 20.0;

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
    }
};

// Stable names for files and command lines.
inline constexpr std::array<EnumName<QueryMode>, 3> kQueryModeNames{
    {{QueryMode::PerLayer, "per_layer"}, {QueryMode::Shared, "shared"}, {QueryMode::None, "none"}}};

inline std::string_view to_string(QueryMode mode) {
    return name_of(kQueryModeNames, mode);
}
inline std::optional<QueryMode> parse_query_mode(std::string_view name) {
    return value_of(kQueryModeNames, name);
}

}  // namespace kensa::adtr
