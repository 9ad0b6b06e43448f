#pragma once
// The CPU kernels ADTR's attention layers run on (method-internal; includes LibTorch): dropout with
// hashed masks, and softmax fused with that dropout, portable and AVX-512, fp32 or bf16 storage.

#include <torch/torch.h>

namespace kensa::adtr {

namespace detail {
// For tests: run the portable scalar dropout/softmax kernels even where AVX2/AVX-512 ones exist.
void use_portable_kernels(bool portable);
}  // namespace detail

// Dropout whose mask comes from a counter-based hash seeded from torch's default generator: the same
// distribution as torch::dropout at a fraction of its cost on this stack (whose per-element Bernoulli
// sampling dominated a training step). Identity when !train or p == 0.
torch::Tensor fast_dropout(const torch::Tensor& x, double p, bool train);

// Softmax over the last dimension, then dropout with fast_dropout's masks (train && p > 0), in one
// pass forward and one backward; fp32 or bf16 (computed in fp32). What the attention layers use.
torch::Tensor softmax_dropout(const torch::Tensor& scores, double p, bool train);

}  // namespace kensa::adtr
