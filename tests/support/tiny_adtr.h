#pragma once
// The small transformer the tests train (one encoder and one decoder layer, width 64): seconds instead of
// minutes, and steps of tens of milliseconds, so tests measure Kensa's logic rather than the model's size.

#include <kensa/methods/adtr/adtr_config.h>

namespace kensa::test {

inline void use_tiny_transformer(adtr::AdtrConfig& c) {
    c.hidden_dim = 64;
    c.heads = 4;
    c.encoder_layers = 1;
    c.decoder_layers = 1;
    c.feedforward_dim = 128;
}

}  // namespace kensa::test
