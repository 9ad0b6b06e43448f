#pragma once
// PaDiM (Defard et al., 2021) settings. LibTorch-free.

#include <kensa/base/precision.h>

namespace kensa::padim {

struct PadimOptions {
    int grid_stride = 4;  // the paper's: the first stage's resolution (56 x 56 for 224 px)
    int channels = 100;   // a random subset of the concatenated stages' channels (the paper's d); 0 = all
    double regularisation = 0.01;  // added to each covariance's diagonal, as the paper
    // The backbone's arithmetic; the model records which one it was fitted with. bf16 / auto (bf16 where
    // the CPU has native bf16 dot products) halve the backbone's time there, which is most of PaDiM's
    // inspection, but change its features: fp32 stays the default until that is measured on the quality
    // benchmark on such a CPU (docs/benchmarks.md, "Methods").
    Precision precision = Precision::Float32;

    // Throws kensa::Error naming the first bad field.
    void validate() const;
};

}  // namespace kensa::padim
