#pragma once
// SPADE (Cohen & Hoshen, 2020) settings. LibTorch-free.

namespace kensa::spade {

struct SpadeOptions {
    int k_images = 50;  // the paper's K: nearest normal images by the deepest stage's pooled feature
    int k_pixels = 1;   // the paper's kappa: nearest gallery features averaged per position
    // Kensa's choice: stride 8 (28 x 28 for 224 px; the paper's 56 x 56 costs 16x the pixel kNN).
    int grid_stride = 8;

    // Throws kensa::Error naming the first bad field.
    void validate() const;
};

}  // namespace kensa::spade
