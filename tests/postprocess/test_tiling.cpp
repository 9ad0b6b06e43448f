// Tiling of large images: the layout covers every pixel with tiles of the asked side and overlap, and the
// blend of the tiles' maps has no seams (a constant stays exactly constant; tiles that disagree cross-fade
// over the overlap instead of stepping).
#include <kensa/base/error.h>
#include <kensa/postprocess/tiling.h>

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <cmath>
#include <functional>

using kensa::model::Tiling;
using kensa::postprocess::TileLayout;

namespace {

cv::Mat blend_constant_tiles(const TileLayout& layout, const std::function<float(int)>& value_of_tile) {
    cv::Mat map(layout.image_size(), CV_32FC1, cv::Scalar(0.f));
    for (int t = 0; t < layout.count(); ++t)
        layout.blend(t, cv::Mat(layout.tile(t).size(), CV_32FC1, cv::Scalar(value_of_tile(t))), map);
    return map;
}

}  // namespace

TEST(Tiling, TilesCoverTheImageEdgeToEdgeWithTheAskedOverlap) {
    for (const cv::Size image : {cv::Size(4096, 3000), cv::Size(1000, 700), cv::Size(300, 100), cv::Size(256, 256)}) {
        const TileLayout layout(image, Tiling{256, 32});
        cv::Mat covered(image, CV_8UC1, cv::Scalar(0));
        int max_x = 0, max_y = 0;
        for (int t = 0; t < layout.count(); ++t) {
            const cv::Rect r = layout.tile(t);
            EXPECT_EQ(r.width, std::min(256, image.width));
            EXPECT_EQ(r.height, std::min(256, image.height));
            ASSERT_EQ(r & cv::Rect({0, 0}, image), r) << "tile " << t << " leaves the image";
            covered(r).setTo(1);
            max_x = std::max(max_x, r.br().x);
            max_y = std::max(max_y, r.br().y);
            // Neighbours in a row share at least the overlap.
            if (t + 1 < layout.count() && layout.tile(t + 1).y == r.y) {
                EXPECT_GE(r.br().x - layout.tile(t + 1).x, 32) << image;
            }
        }
        EXPECT_EQ(cv::countNonZero(covered), image.area()) << image;
        EXPECT_EQ(max_x, image.width);
        EXPECT_EQ(max_y, image.height);
    }
    // 4096 px with 256 px tiles sharing at least 32: the fewest that do, 19 per row (18 would share 30).
    EXPECT_EQ(TileLayout(cv::Size(4096, 256), Tiling{256, 32}).count(), 19);
    EXPECT_EQ(TileLayout(cv::Size(256, 256), Tiling{256, 32}).count(), 1);
}

TEST(Tiling, AConstantMapBlendsBackToExactlyThatConstant) {
    for (const Tiling tiling : {Tiling{256, 32}, Tiling{100, 0}, Tiling{64, 31}, Tiling{300, 37}}) {
        const TileLayout layout(cv::Size(1237, 811), tiling);
        const cv::Mat map = blend_constant_tiles(layout, [](int) { return 2.5f; });
        double lo, hi;
        cv::minMaxLoc(map, &lo, &hi);
        EXPECT_NEAR(lo, 2.5, 2e-6) << tiling.tile << "/" << tiling.overlap;
        EXPECT_NEAR(hi, 2.5, 2e-6) << tiling.tile << "/" << tiling.overlap;
    }
}

TEST(Tiling, TilesThatDisagreeCrossFadeInsteadOfStepping) {
    // Every tile says something else (0, 1, 0, 1, ... in a checkerboard): a step of 1 at every border without
    // blending. Blended, neighbouring pixels differ by at most 1 / overlap.
    const int overlap = 40;
    const TileLayout layout(cv::Size(1000, 600), Tiling{200, overlap});
    const int columns = [&] {
        int n = 0;
        while (n < layout.count() && layout.tile(n).y == 0)
            ++n;
        return n;
    }();
    const cv::Mat map = blend_constant_tiles(layout, [&](int t) { return float((t % columns + t / columns) % 2); });
    double largest_step = 0;
    for (int y = 0; y < map.rows; ++y)
        for (int x = 1; x < map.cols; ++x)
            largest_step = std::max(largest_step, double(std::abs(map.at<float>(y, x) - map.at<float>(y, x - 1))));
    for (int y = 1; y < map.rows; ++y)
        for (int x = 0; x < map.cols; ++x)
            largest_step = std::max(largest_step, double(std::abs(map.at<float>(y, x) - map.at<float>(y - 1, x))));
    EXPECT_LE(largest_step, 1.0 / overlap + 1e-5);
    EXPECT_GT(largest_step, 0.5 / overlap);  // the tiles did disagree
    // Away from the overlaps each tile's own value is kept.
    EXPECT_FLOAT_EQ(map.at<float>(10, 10), 0.f);
}

TEST(Tiling, ImageScorePoolsOverTheWindowScaledToSourcePixels) {
    cv::Mat map(800, 800, CV_32FC1, cv::Scalar(0.f));
    map(cv::Rect(100, 100, 32, 32)).setTo(1.f);
    kensa::postprocess::AnomalyMapOptions options;  // 224 px model, 16 px pool
    options.model_size = 224;
    options.score_pool = 16;
    // Tiles of 448 px: the pool is 32 source pixels, which the square fills exactly.
    EXPECT_NEAR(kensa::postprocess::tiled_image_score(map, options, 448), 1.f, 1e-6);
    // Tiles of 896 px: a 64 px pool holds the 1024 ones at best.
    EXPECT_NEAR(kensa::postprocess::tiled_image_score(map, options, 896), 1024.f / 4096.f, 1e-6);
}

TEST(Tiling, RefusesTilesItCannotUse) {
    EXPECT_THROW(TileLayout(cv::Size(100, 100), Tiling{8, 0}), kensa::Error);      // too small
    EXPECT_THROW(TileLayout(cv::Size(100, 100), Tiling{64, 32}), kensa::Error);    // overlap half the tile
    EXPECT_THROW(TileLayout(cv::Size(100, 100), Tiling{64, -1}), kensa::Error);    // negative overlap
    EXPECT_THROW(TileLayout(cv::Size(0, 100), Tiling{64, 8}), kensa::Error);       // empty image
    EXPECT_THROW(TileLayout(cv::Size(100, 100), Tiling{}), kensa::Error);          // no tiling
}

TEST(Tiling, AutoTileKeepsTheSmallestDefectVisibleAtTheModelInput) {
    // A 10 px defect should span 8 px of a 224 px input: 280 px tiles.
    EXPECT_EQ(kensa::model::auto_tile_side(4096, 3000, 10, 224), 280);
    // Never below the input itself, and none at all when the image fits in one tile.
    EXPECT_EQ(kensa::model::auto_tile_side(4096, 3000, 2, 224), 224);
    EXPECT_EQ(kensa::model::auto_tile_side(256, 256, 10, 224), 0);
    EXPECT_THROW(kensa::model::auto_tile_side(256, 256, 0, 224), kensa::Error);
}
