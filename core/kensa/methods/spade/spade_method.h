#pragma once
// SPADE (Cohen & Hoshen, 2020) as a Kensa method: the K normal images nearest by a pooled deep feature,
// then every position's distance to the nearest features of those images' feature pyramids. LibTorch-free.

#include <kensa/methods/method.h>

namespace kensa::spade {

const engine::Method& spade_method();

}  // namespace kensa::spade
