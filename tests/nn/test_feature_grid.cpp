#include <kensa/base/error.h>
#include <kensa/nn/backbone_factory.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/runtime.h>

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
    // Shrinking averages blocks: 2x2 for the stride-8 stage, 4x4 for the stride-4 one.
    EXPECT_TRUE(torch::allclose(grid.slice(1, 3, 8), torch::avg_pool2d(s8, 2), 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(grid.slice(1, 0, 3), torch::avg_pool2d(s4, 4), 1e-5, 1e-6));
}

TEST(FeatureGrid, AOnePixelLineSurvivesShrinking) {
    // A thin scratch-like response in one column of a stride-4 map must reach the grid wherever it lies.
    for (int64_t column = 0; column < 4; ++column) {
        auto s4 = torch::zeros({1, 1, 56, 56});
        s4.select(3, 20 + column).fill_(1.0f);
        const auto grid = kensa::nn::to_feature_grid({s4}, 14);
        EXPECT_NEAR(grid[0][0][7][5].item<float>(), 0.25f, 1e-6) << "column offset " << column;
    }
}

TEST(FeatureGrid, ConstantMapsStayConstant) {
    const auto grid = kensa::nn::to_feature_grid({torch::full({1, 2, 7, 7}, 3.f)}, 14);
    EXPECT_TRUE(torch::allclose(grid, torch::full({1, 2, 14, 14}, 3.f)));
}

TEST(FeatureGrid, AChannelSubsetEqualsSelectingFromTheFullGrid) {
    // PaDiM keeps a random subset of the grid's channels; cutting each stage before resizing must give
    // the values of the full grid's channels (and skip stages with none of them).
    torch::manual_seed(3);
    const auto backbone = kensa::nn::create_backbone("resnet18");
    std::vector<cv::Mat> images;
    for (int i = 0; i < 3; ++i) {
        cv::Mat image(70, 90, CV_32FC3);
        cv::randu(image, 0.f, 1.f);
        images.push_back(image);
    }
    const auto all = kensa::nn::grid_channels(*backbone);
    const auto full = kensa::nn::extract_feature_grids(*backbone, images, 64, 16, 2);
    const auto spread = torch::tensor({0L, 5L, 63L, 64L, 100L, all - 1});            // every stage
    const auto deep = torch::arange(all - 256, all, torch::kLong);                    // the last stage only
    for (const auto& channels : {spread, deep}) {
        const auto subset = kensa::nn::extract_feature_grids(*backbone, images, 64, 16, 2, {}, 0, channels);
        // Equal up to rounding: resizing 6 channels and resizing 448 take different vector/tail paths.
        const auto expected = full.index_select(1, channels);
        EXPECT_LE((subset - expected).abs().max().item<float>(), 1e-6f * expected.abs().max().item<float>());
    }
    EXPECT_THROW(kensa::nn::extract_feature_grids(*backbone, images, 64, 16, 2, {}, 0, torch::tensor({5L, 3L})),
                 kensa::Error);
    EXPECT_THROW(kensa::nn::check_channel_subset(torch::tensor({0L, all}), all), kensa::Error);
    EXPECT_THROW(kensa::nn::check_channel_subset(torch::tensor({2L, 2L}), all), kensa::Error);
    EXPECT_NO_THROW(kensa::nn::check_channel_subset(torch::tensor({0L, 2L, all - 1}), all));
}

TEST(FeatureGrid, GridSetsOfOnePassEqualTheirOwnPasses) {
    // ADTR's memory on a finer grid takes its grids from the transformer's backbone pass: they must be
    // those of a pass of their own, to the bit.
    torch::manual_seed(4);
    const auto backbone = kensa::nn::create_backbone("resnet18");
    std::vector<cv::Mat> images;
    for (int i = 0; i < 3; ++i) {
        cv::Mat image(64, 80, CV_32FC3);
        cv::randu(image, 0.f, 1.f);
        images.push_back(image);
    }
    const auto sets = kensa::nn::extract_feature_grid_sets(*backbone, images, 64, {{4, 0, {}}, {8, 1, {}}}, 3);
    ASSERT_EQ(sets.size(), 2u);
    EXPECT_TRUE(torch::equal(sets[0], kensa::nn::extract_feature_grids(*backbone, images, 64, 4, 3)));
    EXPECT_TRUE(torch::equal(sets[1], kensa::nn::extract_feature_grids(*backbone, images, 64, 8, 3, {}, 1)));
    EXPECT_EQ(sets[1].size(1), 128 + 256);
    EXPECT_THROW(kensa::nn::extract_feature_grid_sets(*backbone, images, 64, {{8, 3, {}}}, 3), kensa::Error);
}

TEST(BackbonePrecision, Bf16StagesAreTheFp32OnesWithinBf16Rounding) {
    // PaDiM can run its backbone in bf16 (nn::Backbone::set_precision): every backbone's stages must come
    // back as float32 maps close to the fp32 ones (bf16 keeps 8 bits of mantissa; relative error ~1e-2
    // after a dozen layers), on CPUs with native bf16 or emulated. Where oneDNN cannot run bf16 at all
    // (no AVX-512), asking for it is an error and auto is fp32.
    torch::manual_seed(4);
    const auto images = torch::rand({2, 3, 64, 64});
    for (const char* id : {"resnet18", "mobilenet_v2"}) {
        auto backbone = kensa::nn::create_backbone(id);
        const auto reference = backbone->extract(images);
        if (!kensa::nn::cpu_runs_bf16_convolutions()) {
            EXPECT_THROW(backbone->set_precision(kensa::Precision::BFloat16), kensa::Error);
            backbone->set_precision(kensa::Precision::Auto);
            EXPECT_EQ(backbone->precision(), kensa::Precision::Float32);
            continue;
        }
        backbone->set_precision(kensa::Precision::BFloat16);
        EXPECT_EQ(backbone->precision(), kensa::Precision::BFloat16);
        const auto bf16 = backbone->extract(images);
        ASSERT_EQ(bf16.size(), reference.size());
        for (size_t s = 0; s < bf16.size(); ++s) {
            EXPECT_EQ(bf16[s].scalar_type(), torch::kFloat32) << id;
            const double relative = ((bf16[s] - reference[s]).norm() / reference[s].norm()).item<double>();
            EXPECT_LT(relative, 0.03) << id << " stage " << s;
            EXPECT_GT(relative, 0.0) << id << " stage " << s << ": not computed in bf16";
        }
        backbone->set_precision(kensa::Precision::Auto);
        EXPECT_EQ(backbone->precision(), kensa::nn::cpu_has_native_bf16() ? kensa::Precision::BFloat16
                                                                          : kensa::Precision::Float32);
        std::printf("%s: bf16 stages within %.4f of fp32 (relative)\n", id,
                    ((backbone->extract(images)[0] - reference[0]).norm() / reference[0].norm()).item<double>());
    }
}
