#pragma once
// One cell of the synthetic-defect preview grid, drawn as an image: the sample with its defect outlined,
// beside the defect's mask (white on black, as it is stored). Pure drawing, testable without widgets.

#include "synthetic/generator_catalog.h"

#include <QColor>
#include <QImage>

namespace kensa::ui {

// The mask's boundary (defect pixels with a non-defect 4-neighbour) of `mask` scaled to `size`, as an
// ARGB image painted in `colour` and transparent elsewhere.
QImage maskOutline(const QImage& mask, QSize size, const QColor& colour);

// Between the sample and its mask in a tile.
inline constexpr int k_sampleTileGap = 6;

// A tile `side` high and 2 * side + k_sampleTileGap wide. A failed sample shows its error in `text` colour.
QImage sampleTile(const SyntheticSample& sample, int side, const QColor& outline, const QColor& text);

}  // namespace kensa::ui
