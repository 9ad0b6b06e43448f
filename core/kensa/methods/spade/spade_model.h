#pragma once
// SPADE's arithmetic on feature tensors (method-internal; includes LibTorch), apart from images and bundles
// so tests can check it against an independent NumPy implementation on the same features.

#include <torch/torch.h>

namespace kensa::spade {

// The image feature: the deepest stage (the last `deep_channels` channels of a grid) averaged over
// positions. features [N, C, g, g] -> [N, deep_channels].
torch::Tensor pooled(const torch::Tensor& features, int64_t deep_channels);

struct Scores {
    torch::Tensor grids;   // [N, g, g] mean distance to the k_pixels nearest gallery features
    torch::Tensor images;  // [N] mean distance to the k_images nearest normal images
};

// Grids [N, C, g, g] position-major, [N, g*g, C] contiguous: the gallery layout (made once per model).
torch::Tensor by_position(const torch::Tensor& features);

// test [N, C, g, g] against the training grids by position [T, g*g, C] and their pooled features [T, D]:
// the image kNN picks the k_images nearest training images; every position's gallery is every position of
// those, searched in chunks of images whose features stay under 16 MB.
Scores score(const torch::Tensor& test, const torch::Tensor& train_by_position, const torch::Tensor& train_pooled,
             int64_t deep_channels, int k_images, int k_pixels);

}  // namespace kensa::spade
