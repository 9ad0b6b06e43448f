// The transformer's contracts: shapes for every query mode and grid, the neighbourhood mask's locality,
// train-only jitter and dropout, eval determinism, bf16 against fp32, parameter names.
#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_kernels.h>
#include <kensa/methods/adtr/adtr_transformer.h>
#include <kensa/nn/runtime.h>
#include <kensa/nn/tensor_dict.h>

#include <gtest/gtest.h>

namespace {

using kensa::adtr::AdtrConfig;
using kensa::adtr::Precision;
using kensa::adtr::QueryMode;
using kensa::adtr::AdtrTransformer;

AdtrConfig small_config(int grid = 8) {
    AdtrConfig c;
    c.channels = 12;
    c.grid = grid;
    c.hidden_dim = 32;
    c.heads = 4;
    c.encoder_layers = 2;
    c.decoder_layers = 2;
    c.feedforward_dim = 64;
    // The paper's plain transformer; each test switches on what it checks.
    c.query_mode = QueryMode::PerLayer;
    c.pre_norm = false;
    c.neighbour_mask = 0;
    c.mask_encoder = false;
    c.jitter_scale = 0.0;
    return c;
}

struct ShapeCase {
    int grid;
    QueryMode mode;
    int mask;
    bool pre_norm;
};

std::string case_name(const ShapeCase& c) {
    return "grid" + std::to_string(c.grid) + "_" + std::string(kensa::adtr::to_string(c.mode)) + "_mask" +
           std::to_string(c.mask) + (c.pre_norm ? "_prenorm" : "");
}

void PrintTo(const ShapeCase& c, std::ostream* os) {
    *os << case_name(c);
}

class AdtrShapes : public ::testing::TestWithParam<ShapeCase> {};

}  // namespace

TEST_P(AdtrShapes, ReconstructsTheInputShape) {
    const auto& p = GetParam();
    auto c = small_config(p.grid);
    c.query_mode = p.mode;
    c.neighbour_mask = p.mask;
    c.pre_norm = p.pre_norm;
    for (auto precision : {Precision::Float32, Precision::BFloat16}) {
        torch::manual_seed(0);
        AdtrTransformer model(c, precision);
        const auto x = torch::rand({3, c.channels, c.grid, c.grid});
        model->train();
        const auto y = model->forward(x);
        ASSERT_EQ(y.sizes(), x.sizes());
        EXPECT_EQ(y.scalar_type(), torch::kFloat);
        EXPECT_TRUE(torch::isfinite(y).all().item<bool>());
        kensa::adtr::reconstruction_loss(y, x).backward();  // every parameter takes part
        for (const auto& param : model->named_parameters())
            EXPECT_TRUE(param.value().grad().defined()) << param.key();
        model->eval();
        torch::NoGradGuard no_grad;
        EXPECT_EQ(kensa::adtr::anomaly_grid(model->forward(x), x).sizes(),
                  (std::vector<int64_t>{3, c.grid, c.grid}));
    }
}

INSTANTIATE_TEST_SUITE_P(
    Configs, AdtrShapes,
    ::testing::Values(ShapeCase{14, QueryMode::PerLayer, 0, false},
                      ShapeCase{14, QueryMode::Shared, 0, false}, ShapeCase{14, QueryMode::None, 0, false},
                      ShapeCase{14, QueryMode::PerLayer, 7, false}, ShapeCase{14, QueryMode::Shared, 7, true},
                      ShapeCase{14, QueryMode::None, 7, false}, ShapeCase{8, QueryMode::PerLayer, 0, true},
                      ShapeCase{8, QueryMode::Shared, 0, false}, ShapeCase{8, QueryMode::None, 0, true},
                      ShapeCase{8, QueryMode::PerLayer, 7, false}, ShapeCase{8, QueryMode::Shared, 7, false},
                      ShapeCase{8, QueryMode::None, 7, false}),
    [](const auto& info) { return case_name(info.param); });

TEST(AdtrTransformer, ParameterNamesFollowTheQueryMode) {
    auto c = small_config();
    const auto names = [&](QueryMode mode) {
        c.query_mode = mode;
        AdtrTransformer model(c);
        std::set<std::string> out;
        for (const auto& p : model->named_parameters())
            out.insert(p.key());
        return out;
    };
    const auto per_layer = names(QueryMode::PerLayer);
    EXPECT_TRUE(per_layer.count("decoder.1.query"));
    EXPECT_FALSE(per_layer.count("query"));
    for (const char* name :
         {"input_proj.weight", "output_proj.bias", "pos_embed", "encoder.0.self_attn.in_proj_weight",
          "encoder.1.self_attn.out_proj.weight", "decoder.0.memory_attn.in_proj_bias",
          "decoder.1.previous_attn.out_proj.bias", "decoder.1.norm3.weight", "decoder_norm.bias"})
        EXPECT_TRUE(per_layer.count(name)) << name;
    const auto shared = names(QueryMode::Shared);
    EXPECT_TRUE(shared.count("query"));
    EXPECT_FALSE(shared.count("decoder.0.query"));
    const auto none = names(QueryMode::None);
    EXPECT_EQ(none.size() + 2, per_layer.size());
    EXPECT_EQ(none.size() + 1, shared.size());
}

TEST(AdtrTransformer, InvalidConfigurationsAndInputsAreErrors) {
    auto c = small_config();
    c.heads = 5;  // 32 is not a multiple of 5
    EXPECT_THROW(AdtrTransformer{c}, kensa::Error);
    c = small_config();
    c.neighbour_mask = 4;
    EXPECT_THROW(AdtrTransformer{c}, kensa::Error);
    AdtrTransformer model(small_config());
    EXPECT_THROW(model->forward(torch::rand({1, 11, 8, 8})), kensa::Error);
    EXPECT_THROW(model->forward(torch::rand({1, 12, 8, 9})), kensa::Error);
}

TEST(AdtrTransformer, NeighbourhoodMaskHidesAPositionsOwnWindow) {
    const auto m = kensa::adtr::neighbourhood_mask(5, 3);
    ASSERT_EQ(m.sizes(), (std::vector<int64_t>{25, 25}));
    EXPECT_TRUE(std::isinf(m[0][0].item<float>()));    // (0,0) does not see itself
    EXPECT_TRUE(std::isinf(m[0][6].item<float>()));    // nor (1,1)
    EXPECT_EQ(m[0][2].item<float>(), 0.0f);            // but sees (0,2)
    EXPECT_EQ(m[12].eq(0).sum().item<int64_t>(), 16);  // the centre sees all but its 3x3 window
    EXPECT_EQ(m[0].eq(0).sum().item<int64_t>(), 21);   // a corner all but 2x2
}

// With the mask in every attention, a token's own value has no path to its reconstruction: changing one
// token leaves the reconstruction at its own position unchanged, while positions outside its window
// do change (they attend to it).
TEST(AdtrTransformer, MaskedAttentionCannotCopyAToken) {
    auto c = small_config(14);
    c.encoder_layers = 0;
    c.decoder_layers = 1;
    c.neighbour_mask = 5;
    c.mask_encoder = true;
    for (auto precision : {Precision::Float32, Precision::BFloat16}) {
        torch::manual_seed(3);
        AdtrTransformer model(c, precision);
        model->eval();
        torch::NoGradGuard no_grad;
        const auto x = torch::rand({1, c.channels, 14, 14});
        auto x2 = x.clone();
        x2.select(2, 7).select(2, 7).add_(5.0);                                         // token (7, 7)
        const auto change = (model->forward(x2) - model->forward(x)).abs().amax(1)[0];  // [14, 14]
        EXPECT_EQ(change[7][7].item<float>(), 0.0f);
        EXPECT_EQ(change.narrow(0, 5, 5).narrow(1, 5, 5).max().item<float>(), 0.0f);  // its 5x5 window
        EXPECT_GT(change[0][0].item<float>(), 1e-4);  // far away positions attend to it
    }
    // Without the mask the token reaches its own reconstruction.
    c.neighbour_mask = 0;
    torch::manual_seed(3);
    AdtrTransformer open(c, Precision::Float32);
    open->eval();
    torch::NoGradGuard no_grad;
    const auto x = torch::rand({1, c.channels, 14, 14});
    auto x2 = x.clone();
    x2.select(2, 7).select(2, 7).add_(5.0);
    EXPECT_GT((open->forward(x2) - open->forward(x)).abs().amax(1)[0][7][7].item<float>(), 1e-4);
}

TEST(AdtrTransformer, NeighbourhoodMaskMustLeaveSomethingToAttendTo) {
    auto c = small_config(8);
    c.neighbour_mask = 9;
    EXPECT_THROW(c.validate(), kensa::Error);
    c.neighbour_mask = 7;
    EXPECT_NO_THROW(c.validate());
}

TEST(AdtrTransformer, EvalIsDeterministicAndTrainIsNot) {
    auto c = small_config();  // dropout 0.1
    torch::manual_seed(4);
    AdtrTransformer model(c);
    const auto x = torch::rand({2, c.channels, c.grid, c.grid});
    model->eval();
    torch::NoGradGuard no_grad;
    EXPECT_TRUE(torch::equal(model->forward(x), model->forward(x)));
    model->train();
    EXPECT_FALSE(torch::equal(model->forward(x), model->forward(x)));
}

TEST(AdtrTransformer, JitterActsOnlyInTraining) {
    auto c = small_config();
    c.dropout = 0.0;  // so that jitter is the only randomness
    torch::manual_seed(5);
    AdtrTransformer plain(c);
    const auto x = torch::rand({2, c.channels, c.grid, c.grid});
    torch::NoGradGuard no_grad;
    plain->train();
    EXPECT_TRUE(torch::equal(plain->forward(x), plain->forward(x)));

    c.jitter_scale = 20.0;
    torch::manual_seed(5);
    AdtrTransformer jittered(c);  // same weights as `plain`: same seed, same shapes
    jittered->train();
    const auto a = jittered->forward(x), b = jittered->forward(x);
    EXPECT_FALSE(torch::equal(a, b));
    jittered->eval();
    EXPECT_TRUE(torch::equal(jittered->forward(x), jittered->forward(x)));
    plain->eval();
    EXPECT_TRUE(torch::allclose(jittered->forward(x), plain->forward(x)));
}

TEST(AdtrTransformer, Bf16StaysCloseToFp32) {
    auto c = small_config(14);
    c.neighbour_mask = 7;
    torch::manual_seed(6);
    AdtrTransformer model(c, Precision::Float32);
    model->eval();
    torch::NoGradGuard no_grad;
    const auto x = torch::rand({2, c.channels, 14, 14});
    const auto ref = model->forward(x);
    model->set_precision(Precision::BFloat16);
    EXPECT_EQ(model->precision(), Precision::BFloat16);
    const auto fast = model->forward(x);
    EXPECT_FALSE(torch::equal(ref, fast));  // it really ran in bf16
    EXPECT_LT((ref - fast).abs().max().item<double>(), 0.05 * ref.abs().max().item<double>());
    const auto g_ref = kensa::adtr::anomaly_grid(ref, x), g_fast = kensa::adtr::anomaly_grid(fast, x);
    EXPECT_LT(((g_ref - g_fast).abs() / g_ref).max().item<double>(), 0.02);
}

// No-grad calls reuse bf16 copies of the weights; updating a weight in place must still take effect.
TEST(AdtrTransformer, InferenceSeesWeightUpdates) {
    auto c = small_config();
    torch::manual_seed(8);
    AdtrTransformer model(c, Precision::BFloat16);
    model->eval();
    torch::NoGradGuard no_grad;
    const auto x = torch::rand({2, c.channels, c.grid, c.grid});
    const auto y1 = model->forward(x);
    auto params = model->named_parameters();
    params["output_proj.bias"].add_(1.0);
    const auto y2 = model->forward(x);
    EXPECT_NEAR((y2 - y1).mean().item<double>(), 1.0, 0.02);
    params["decoder.1.linear2.weight"].zero_();
    const auto y3 = model->forward(x);
    EXPECT_GT((y3 - y2).abs().max().item<double>(), 1e-2);
    // And the same as a model that never cached anything.
    AdtrTransformer fresh(c, Precision::BFloat16);
    kensa::nn::load_module_state(*fresh, kensa::nn::module_state(*model), "test");
    fresh->eval();
    EXPECT_TRUE(torch::equal(fresh->forward(x), y3));
}

TEST(AdtrTransformer, AutoPrecisionFollowsTheCpu) {
    AdtrTransformer model(small_config(), Precision::Auto);
    EXPECT_EQ(model->precision(),
              kensa::nn::cpu_has_native_bf16() ? Precision::BFloat16 : Precision::Float32);
}

TEST(AdtrConfig, NamesRoundTrip) {
    for (auto m : {QueryMode::PerLayer, QueryMode::Shared, QueryMode::None})
        EXPECT_EQ(kensa::adtr::parse_query_mode(kensa::adtr::to_string(m)), m);
    for (auto p : {Precision::Auto, Precision::Float32, Precision::BFloat16})
        EXPECT_EQ(kensa::parse_precision(kensa::to_string(p)), p);
    EXPECT_FALSE(kensa::adtr::parse_query_mode("uniad").has_value());
    EXPECT_NO_THROW(AdtrConfig{}.validate());
}

TEST(AdtrConfig, DefaultsAreTheShippedRecipe) {
    const AdtrConfig c;
    EXPECT_EQ(c.query_mode, QueryMode::None);
    EXPECT_EQ(c.neighbour_mask, 7);
    EXPECT_TRUE(c.mask_encoder);
    EXPECT_TRUE(c.pre_norm);
    EXPECT_EQ(c.jitter_scale, 20.0);
    EXPECT_EQ(c.hidden_dim, 256);
    EXPECT_EQ(c.encoder_layers, 4);
    EXPECT_EQ(c.decoder_layers, 4);
}
