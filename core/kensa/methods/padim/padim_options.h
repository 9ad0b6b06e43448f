#pragma once
// PaDiM (Defard et al., 2021) settings. LibTorch-free.

namespace kensa::padim {

struct PadimOptions {
    int grid_stride = 4;  // the paper's: the first stage's resolution (56 x 56 for 224 px)
    int channels = 100;   // a random subset of the concatenated stages' channels (the paper's d); 0 = all
    double regularisation = 0.01;  // added to each covariance's diagonal, as the paper

    // Throws kensa::Error naming the first bad field.
    void validate() const;
};

}  // namespace kensa::padim
