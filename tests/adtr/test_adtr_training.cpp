// A tiny ADTR trained on synthetic "normal" feature grids must reconstruct held-out normal grids far
// better than off-distribution ones, and its anomaly grid must point at a pasted defect.
#include <kensa/methods/adtr/adtr_kernels.h>
#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_transformer.h>
#include <kensa/nn/runtime.h>

#include <gtest/gtest.h>

#include <cstdio>

namespace {

using kensa::adtr::AdtrConfig;
using kensa::adtr::Precision;

// Normal grids live on a low-dimensional manifold: a few fixed smooth spatial patterns, mixed into the
// channels by a fixed matrix, with per-image amplitudes around 1 and a little noise.
struct NormalFeatures {
    static constexpr int kPatterns = 3;
    int channels, grid;
    torch::Tensor patterns;  // [K, g*g]
    torch::Tensor mixing;    // [C, K]

    NormalFeatures(int c, int g) : channels(c), grid(g) {
        auto gen = at::detail::createCPUGenerator(42);
        const auto coarse = torch::randn({kPatterns, 1, 3, 3}, gen);
        patterns = torch::nn::functional::interpolate(coarse, torch::nn::functional::InterpolateFuncOptions()
                                                                  .size(std::vector<int64_t>{g, g})
                                                                  .mode(torch::kBilinear)
                                                                  .align_corners(true))
                       .reshape({kPatterns, g * g});
        mixing = torch::randn({c, kPatterns}, gen);
    }

    torch::Tensor sample(int n, torch::Generator& gen) const {
        const auto amplitude = 1.0 + 0.3 * torch::randn({n, kPatterns, 1}, gen);
        const auto clean = torch::matmul(mixing, amplitude * patterns);  // [N, C, g*g]
        return (clean + 0.02 * torch::randn(clean.sizes(), gen)).reshape({n, channels, grid, grid});
    }
};

}  // namespace

class AdtrTraining : public ::testing::TestWithParam<Precision> {};

TEST_P(AdtrTraining, LearnsNormalFeaturesAndFlagsAnomalies) {
    kensa::nn::configure_threads(1);
    AdtrConfig c;
    c.channels = 16;
    c.grid = 8;
    c.hidden_dim = 32;
    c.heads = 4;
    c.encoder_layers = 1;
    c.decoder_layers = 1;
    c.feedforward_dim = 64;
    c.dropout = 0.0;
    // The paper's plain transformer, which this test's short schedule is tuned for.
    c.query_mode = kensa::adtr::QueryMode::PerLayer;
    c.pre_norm = false;
    c.neighbour_mask = 0;
    c.mask_encoder = false;
    c.jitter_scale = 0.0;
    const NormalFeatures data(c.channels, c.grid);
    auto gen = at::detail::createCPUGenerator(7);

    torch::manual_seed(0);
    kensa::adtr::AdtrTransformer model(c, GetParam());
    torch::optim::AdamW opt(model->parameters(), torch::optim::AdamWOptions(3e-3).weight_decay(1e-4));
    model->train();
    double first_loss = 0.0, last_loss = 0.0;
    for (int step = 0; step < 300; ++step) {
        const auto x = data.sample(8, gen);
        auto loss = kensa::adtr::reconstruction_loss(model->forward(x), x);
        opt.zero_grad();
        loss.backward();
        opt.step();
        (step == 0 ? first_loss : last_loss) = loss.item<double>();
    }
    EXPECT_LT(last_loss, 0.1 * first_loss);

    model->eval();
    torch::NoGradGuard no_grad;
    const auto normal = data.sample(16, gen);
    const auto normal_score = kensa::adtr::anomaly_grid(model->forward(normal), normal);

    // Off-distribution: Gaussian grids with the normal data's per-channel scale.
    const auto scale = normal.std({0, 2, 3}, /*unbiased=*/true, /*keepdim=*/true);
    const auto odd = torch::randn(normal.sizes(), gen) * scale;
    const auto odd_score = kensa::adtr::anomaly_grid(model->forward(odd), odd);
    EXPECT_GT(odd_score.mean().item<double>(), 3.0 * normal_score.mean().item<double>());
    // Per image, every off-distribution grid scores above every normal one.
    EXPECT_GT(odd_score.mean({1, 2}).min().item<double>(), normal_score.mean({1, 2}).max().item<double>());

    // A pasted 2x2 defect (channels permuted, so magnitudes stay normal) lights up where it is.
    auto defect = normal.clone();
    const auto perm = torch::randperm(c.channels, gen);
    auto patch = defect.narrow(2, 2, 2).narrow(3, 5, 2);
    patch.copy_(patch.index_select(1, perm));
    const auto grid = kensa::adtr::anomaly_grid(model->forward(defect), defect);  // [16, g, g]
    const auto inside = grid.narrow(1, 2, 2).narrow(2, 5, 2).amax({1, 2});
    auto outside_mask = torch::ones({c.grid, c.grid}, torch::kBool);
    outside_mask.narrow(0, 1, 4).narrow(1, 4, 4).fill_(false);  // the defect and its 1-position border
    const auto outside = grid.masked_select(outside_mask).reshape({16, -1}).amax(1);
    EXPECT_GT((inside > outside).to(torch::kFloat).mean().item<double>(), 0.9);
    std::printf(
        "loss %.4f -> %.4f; mean score normal %.4f, off-distribution %.4f; defect max %.3f vs rest %.3f\n",
        first_loss, last_loss, normal_score.mean().item<double>(), odd_score.mean().item<double>(),
        inside.mean().item<double>(), outside.mean().item<double>());
}

INSTANTIATE_TEST_SUITE_P(Precisions, AdtrTraining, ::testing::Values(Precision::Float32, Precision::BFloat16),
                         [](const auto& info) { return std::string(kensa::to_string(info.param)); });
