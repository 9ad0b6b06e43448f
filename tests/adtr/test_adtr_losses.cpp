// Anomaly grid and losses against values worked out by hand (see the comments), plus fast_dropout's
// statistics and its gradient.
#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_kernels.h>
#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_transformer.h>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

using kensa::adtr::anomaly_grid;
using kensa::adtr::image_level_loss;
using kensa::adtr::pixel_level_loss;
using kensa::adtr::pseudo_huber_difference;
using kensa::adtr::reconstruction_loss;

// Two channels on a 1x2 grid: the differences are (1, 3) at the left position and (2, 4) at the right.
struct Pair {
    torch::Tensor reconstruction = torch::tensor({1.0f, 2.0f, 3.0f, 4.0f}).reshape({1, 2, 1, 2});
    torch::Tensor features = torch::zeros({1, 2, 1, 2});
};

}  // namespace

TEST(AdtrLosses, AnomalyGridIsTheChannelL2Norm) {
    Pair p;
    const auto grid = anomaly_grid(p.reconstruction, p.features);
    ASSERT_EQ(grid.sizes(), (std::vector<int64_t>{1, 1, 2}));
    EXPECT_NEAR(grid[0][0][0].item<double>(), std::sqrt(10.0), 1e-6);  // sqrt(1 + 9)
    EXPECT_NEAR(grid[0][0][1].item<double>(), std::sqrt(20.0), 1e-6);  // sqrt(4 + 16)
}

TEST(AdtrLosses, ReconstructionLossIsTheMeanSquaredError) {
    Pair p;
    EXPECT_NEAR(reconstruction_loss(p.reconstruction, p.features).item<double>(), 7.5, 1e-6);  // 30 / 4
    EXPECT_NEAR(reconstruction_loss(p.features, p.features).item<double>(), 0.0, 1e-12);
}

TEST(AdtrLosses, PseudoHuberAveragesOverChannels) {
    Pair p;
    const auto phi = pseudo_huber_difference(p.reconstruction, p.features);
    ASSERT_EQ(phi.sizes(), (std::vector<int64_t>{1, 1, 2}));
    EXPECT_NEAR(phi[0][0][0].item<double>(), 1.4494897427831779, 1e-6);  // sqrt((1 + 9) / 2 + 1) - 1
    EXPECT_NEAR(phi[0][0][1].item<double>(), 2.3166247903554, 1e-6);     // sqrt((4 + 16) / 2 + 1) - 1
    EXPECT_NEAR(pseudo_huber_difference(p.features, p.features).abs().max().item<double>(), 0.0, 1e-12);
}

TEST(AdtrLosses, PixelLevelLossPullsNormalAndPushesAnomalousPositions) {
    // Image 0: phi (0.5, 2.0), the right position anomalous:
    //   mean((1-y) phi) = 0.25, mean(y phi) = 1.0, L = 0.25 - 0.1 log(1 - e^-1) = 0.29586751453870820.
    // Image 1: phi (1.0, 3.0), no anomaly: L = mean(phi) = 2.0 (the log term is left out).
    const auto phi = torch::tensor({0.5f, 2.0f, 1.0f, 3.0f}).reshape({2, 1, 2});
    const auto y = torch::tensor({0.0f, 1.0f, 0.0f, 0.0f}).reshape({2, 1, 2});
    EXPECT_NEAR(pixel_level_loss(phi.narrow(0, 0, 1), y.narrow(0, 0, 1), 0.1).item<double>(),
                0.2958675145387082, 1e-6);
    EXPECT_NEAR(pixel_level_loss(phi.narrow(0, 1, 1), y.narrow(0, 1, 1), 0.1).item<double>(), 2.0, 1e-6);
    EXPECT_NEAR(pixel_level_loss(phi, y, 0.1).item<double>(), 1.147933757269354, 1e-6);  // batch mean

    // The gradient lowers phi at normal positions and raises it at the anomalous one.
    auto leaf = phi.clone().requires_grad_(true);
    pixel_level_loss(leaf, y, 0.1).backward();
    const auto g = leaf.grad();
    EXPECT_GT(g[0][0][0].item<double>(), 0.0);
    EXPECT_LT(g[0][0][1].item<double>(), 0.0);
}

TEST(AdtrLosses, PixelLevelLossStaysFiniteForAPerfectlyReconstructedDefect) {
    const auto phi = torch::zeros({1, 2, 2}, torch::requires_grad());
    const auto y = torch::tensor({0.0f, 0.0f, 0.0f, 1.0f}).reshape({1, 2, 2});
    auto loss = pixel_level_loss(phi, y, 0.003);
    loss.backward();
    EXPECT_TRUE(std::isfinite(loss.item<double>()));
    EXPECT_GT(loss.item<double>(), 0.03);  // -0.003 log(1 - e^-1e-6) ~ 0.041
    EXPECT_TRUE(torch::isfinite(phi.grad()).all().item<bool>());
}

TEST(AdtrLosses, ImageLevelLossUsesTheMeanOfTheTopK) {
    // Normal image (0.1, 0.4, 0.3), k = 2: q = 0.35, L = 0.35.
    // Anomalous image (2.0, 0.5, 1.0): q = 1.5, L = -0.1 log(1 - e^-1.5) = 0.025248245892545398.
    const auto phi = torch::tensor({0.1f, 0.4f, 0.3f, 2.0f, 0.5f, 1.0f}).reshape({2, 1, 3});
    const auto y = torch::tensor({0.0f, 1.0f});
    EXPECT_NEAR(image_level_loss(phi, y, 0.1, 2).item<double>(), 0.18762412294627268, 1e-6);
    EXPECT_NEAR(image_level_loss(phi.narrow(0, 0, 1), y.narrow(0, 0, 1), 0.1, 2).item<double>(), 0.35, 1e-6);
    // k above the number of positions takes them all: q = 0.8 / 3 for the normal image.
    EXPECT_NEAR(image_level_loss(phi.narrow(0, 0, 1), y.narrow(0, 0, 1), 0.1, 20).item<double>(), 0.8 / 3,
                1e-6);
}

TEST(AdtrLosses, ShapeMismatchesAreErrors) {
    EXPECT_THROW(anomaly_grid(torch::zeros({1, 2, 3, 3}), torch::zeros({1, 2, 3, 4})), kensa::Error);
    EXPECT_THROW(pixel_level_loss(torch::zeros({1, 3, 3}), torch::zeros({1, 3, 4})), kensa::Error);
    EXPECT_THROW(image_level_loss(torch::zeros({2, 3, 3}), torch::zeros({3})), kensa::Error);
    EXPECT_THROW(image_level_loss(torch::zeros({2, 3, 3}), torch::zeros({2}), 0.003, 0), kensa::Error);
}

TEST(FastDropout, DropsTheRequestedFractionAndRescales) {
    for (auto dtype : {torch::kFloat, torch::kBFloat16}) {
        torch::manual_seed(5);
        const auto x = torch::ones({1000, 1000}, dtype);
        const auto y = kensa::adtr::fast_dropout(x, 0.25, true).to(torch::kFloat);
        const double dropped = y.eq(0).to(torch::kFloat).mean().item<double>();
        EXPECT_NEAR(dropped, 0.25, 0.003) << c10::toString(dtype);
        const auto kept = y.masked_select(y.ne(0));
        EXPECT_NEAR(kept.min().item<double>(), 1.0 / 0.75, 0.01);  // bf16 rounds 1.3333 to 1.3359
        EXPECT_NEAR(kept.max().item<double>(), 1.0 / 0.75, 0.01);
        // Mean preserved, as torch::dropout.
        EXPECT_NEAR(y.mean().item<double>(), 1.0, 0.01);
    }
}

TEST(FastDropout, IsReproducibleAndOffInEval) {
    const auto x = torch::rand({64, 50});
    torch::manual_seed(11);
    const auto a = kensa::adtr::fast_dropout(x, 0.5, true);
    const auto b = kensa::adtr::fast_dropout(x, 0.5, true);
    torch::manual_seed(11);
    const auto c = kensa::adtr::fast_dropout(x, 0.5, true);
    EXPECT_TRUE(torch::equal(a, c));
    EXPECT_FALSE(torch::equal(a, b));  // a new mask per call
    EXPECT_TRUE(torch::equal(kensa::adtr::fast_dropout(x, 0.5, false), x));
    EXPECT_TRUE(torch::equal(kensa::adtr::fast_dropout(x, 0.0, true), x));
}

TEST(FastDropout, BackwardUsesTheForwardMask) {
    torch::manual_seed(2);
    const auto x = torch::rand({300, 70}).add_(0.5).requires_grad_(true);
    const auto y = kensa::adtr::fast_dropout(x, 0.3, true);
    const auto w = torch::rand({300, 70});
    (y * w).sum().backward();
    // d(sum(w * x * m / 0.7))/dx = w * m / 0.7 = w * y / x.
    EXPECT_TRUE(torch::allclose(x.grad(), w * y.detach() / x.detach(), 1e-5, 1e-6));
}

TEST(SoftmaxDropout, MatchesSoftmaxThenDropout) {
    for (auto dtype : {torch::kFloat, torch::kBFloat16}) {
        const double tol = dtype == torch::kFloat ? 1e-6 : 1e-2;
        // Row length 37 exercises the vector tail; a -inf column is a masked position.
        auto scores = (torch::randn({6, 5, 37}) * 4.0);
        scores.select(2, 3).fill_(-std::numeric_limits<float>::infinity());
        scores = scores.to(dtype);
        const auto ref = torch::softmax(scores.to(torch::kFloat), -1);
        const auto plain = kensa::adtr::softmax_dropout(scores, 0.2, /*train=*/false).to(torch::kFloat);
        EXPECT_LT((plain - ref).abs().max().item<double>(), tol) << c10::toString(dtype);
        EXPECT_EQ(plain.select(2, 3).abs().max().item<float>(), 0.0f);  // masked: exactly 0

        torch::manual_seed(9);
        const auto dropped = kensa::adtr::softmax_dropout(scores, 0.2, true).to(torch::kFloat);
        torch::manual_seed(9);
        const auto expected = kensa::adtr::fast_dropout(ref.to(dtype), 0.2, true).to(torch::kFloat);
        EXPECT_LT((dropped - expected).abs().max().item<double>(), 2 * tol) << c10::toString(dtype);
        EXPECT_TRUE(torch::equal(dropped.eq(0), expected.eq(0)));  // the same mask
    }
}

TEST(SoftmaxDropout, GradientMatchesAutogradOfTheUnfusedOps) {
    const auto base = torch::randn({4, 7, 50}, torch::kDouble).to(torch::kFloat) * 3.0;
    const auto upstream = torch::randn({4, 7, 50});
    for (double p : {0.0, 0.3}) {
        auto a = base.clone().requires_grad_(true);
        torch::manual_seed(13);
        (kensa::adtr::softmax_dropout(a, p, true) * upstream).sum().backward();
        auto b = base.clone().requires_grad_(true);
        torch::manual_seed(13);
        (kensa::adtr::fast_dropout(torch::softmax(b, -1), p, true) * upstream).sum().backward();
        EXPECT_TRUE(torch::allclose(a.grad(), b.grad(), 1e-4, 1e-6)) << "p=" << p;
    }
}

TEST(SoftmaxDropout, PortableKernelsAgreeWithTheVectorisedOnes) {
    const auto scores = torch::randn({3, 4, 45}) * 5.0;
    for (auto dtype : {torch::kFloat, torch::kBFloat16}) {
        const auto x = scores.to(dtype).requires_grad_(true);
        const auto upstream = torch::randn({3, 4, 45}).to(dtype);
        std::vector<torch::Tensor> outputs, grads, drops;
        for (bool portable : {false, true}) {
            kensa::adtr::detail::use_portable_kernels(portable);
            torch::manual_seed(17);
            const auto y = kensa::adtr::softmax_dropout(x, 0.25, true);
            const auto g = torch::autograd::grad({y}, {x}, {upstream})[0];
            outputs.push_back(y.detach().to(torch::kFloat));
            grads.push_back(g.to(torch::kFloat));
            torch::manual_seed(18);
            drops.push_back(kensa::adtr::fast_dropout(scores.to(dtype), 0.25, true).to(torch::kFloat));
        }
        kensa::adtr::detail::use_portable_kernels(false);
        const double tol = dtype == torch::kFloat ? 1e-6 : 1e-2;
        EXPECT_TRUE(torch::equal(outputs[0].eq(0), outputs[1].eq(0))) << c10::toString(dtype);
        EXPECT_LT((outputs[0] - outputs[1]).abs().max().item<double>(), tol) << c10::toString(dtype);
        EXPECT_LT((grads[0] - grads[1]).abs().max().item<double>(), 10 * tol) << c10::toString(dtype);
        EXPECT_TRUE(torch::equal(drops[0], drops[1])) << c10::toString(dtype);
    }
}
