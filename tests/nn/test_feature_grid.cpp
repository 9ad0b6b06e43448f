#include <kensa/nn/feature_grid.h>

#include <gtest/gtest.h>

TEST(FeatureGrid, GridSizeFollowsStride16WithAFloorOf8) {
    EXPECT_EQ(kensa::nn::default_grid_size(224), 14);
    EXPECT_EQ(kensa::nn::default_grid_size(256), 16);
    EXPECT_EQ(kensa::nn::default_grid_size(32), 8);
}

TEST(FeatureGrid, ResizesEachStageAndConcatenatesChannels) {
    const auto s4 = torch::rand({2, 3, 56, 56});
    const auto s8 = torch::rand({2, 5, 28, 28});
    const auto s16 = torch::rand({2, 7, 14, 14});
    const auto grid = kensa::nn::to_feature_grid({s4, s8, s16}, 14);
    ASSERT_EQ(grid.sizes(), (std::vector<int64_t>{2, 15, 14, 14}));
    // A stage already at grid size is passed through untouched.
    EXPECT_TRUE(torch::equal(grid.slice(1, 8, 15), s16));
    // A 2x downscale with bilinear interpolation and half-pixel centres averages each 2x2 block.
    const auto pooled = torch::avg_pool2d(s8, 2);
    EXPECT_TRUE(torch::allclose(grid.slice(1, 3, 8), pooled, 1e-5, 1e-6));
}

TEST(FeatureGrid, ConstantMapsStayConstant) {
    const auto grid = kensa::nn::to_feature_grid({torch::full({1, 2, 7, 7}, 3.f)}, 14);
    EXPECT_TRUE(torch::allclose(grid, torch::full({1, 2, 14, 14}, 3.f)));
}
