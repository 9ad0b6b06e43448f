// ADTR+'s training objective (pixel-level, image-level or both) against values worked out by hand.
#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_kernels.h>
#include <kensa/methods/adtr/adtr_transformer.h>

#include <gtest/gtest.h>

namespace {

using kensa::adtr::adtr_plus_loss;
using kensa::adtr::AdtrPlusLossOptions;

// Two channels on a 1x2 grid: differences (1, 3) left and (2, 4) right, so
// phi = (sqrt(6) - 1, sqrt(11) - 1) = (1.4494897, 2.3166248).
struct Pair {
    torch::Tensor reconstruction = torch::tensor({1.0f, 2.0f, 3.0f, 4.0f}).reshape({1, 2, 1, 2});
    torch::Tensor features = torch::zeros({1, 2, 1, 2});
};

AdtrPlusLossOptions options(bool pixel, bool image) {
    AdtrPlusLossOptions o;
    o.pixel_level = pixel;
    o.image_level = image;
    o.alpha = 0.1;
    o.k = 1;
    o.pseudo_huber_pull = true;  // the paper's form, which the values below are worked out for
    return o;
}

}  // namespace

TEST(AdtrPlusLoss, PixelImageAndBothOnADefectImage) {
    Pair p;
    const auto y = torch::tensor({0.0f, 1.0f}).reshape({1, 1, 2});  // the right position is the defect
    // pixel: phi_l / 2 - 0.1 log(1 - exp(-phi_r / 2)) = 0.7624349205564623
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, options(true, false)).item<double>(),
                0.7624349205564623, 1e-6);
    // image (label 1, k = 1: q = phi_r): -0.1 log(1 - exp(-phi_r)) = 0.010381264750953327
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, options(false, true)).item<double>(),
                0.010381264750953327, 1e-6);
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, options(true, true)).item<double>(),
                0.7728161853074157, 1e-6);
}

TEST(AdtrPlusLoss, NormalImagesArePulledTowardsZeroDifference) {
    Pair p;
    const auto y = torch::zeros({1, 1, 2});
    // pixel: mean(phi) = 1.8830572665692888; image (label 0, k = 1): max(phi) = 2.3166247903554
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, options(true, false)).item<double>(),
                1.8830572665692888, 1e-6);
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, options(true, true)).item<double>(),
                4.199682056924688, 1e-6);
    EXPECT_NEAR(adtr_plus_loss(p.features, p.features, y, options(true, true)).item<double>(), 0.0, 1e-9);
}

TEST(AdtrPlusLoss, TheGradientPushesTheDefectAwayAndPullsTheRest) {
    Pair p;
    const auto reconstruction = p.reconstruction.clone().requires_grad_(true);
    const auto y = torch::tensor({0.0f, 1.0f}).reshape({1, 1, 2});
    adtr_plus_loss(reconstruction, p.features, y, options(true, true)).backward();
    const auto g = reconstruction.grad();          // [1, 2, 1, 2]; differences are positive everywhere
    EXPECT_GT(g[0][0][0][0].item<double>(), 0.0);  // normal: smaller difference lowers the loss
    EXPECT_LT(g[0][0][0][1].item<double>(), 0.0);  // defect: larger difference lowers it
}

TEST(AdtrPlusLoss, RestoringPullsEveryPositionToTheCleanFeatures) {
    Pair p;
    const auto y = torch::tensor({0.0f, 1.0f}).reshape({1, 1, 2});
    auto o = options(true, false);
    o.restore_weight = 0.5;
    // The clean image equals the reconstruction on the left and the features (zeros) on the right:
    // restore = 0.5 * mean(0, phi_r) = 0.25 * 2.3166247903554 on top of the pixel loss 0.7624349205564623.
    auto clean = p.reconstruction.clone();
    clean.index_put_({0, torch::indexing::Slice(), 0, 1}, 0.0);
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, o, clean, torch::ones({1})).item<double>(),
                0.7624349205564623 + 0.25 * 2.3166247903554, 1e-6);
    // Not restorable (a real defect: its clean image is unknown), or weight 0: the paper's loss.
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, o, clean, torch::zeros({1})).item<double>(),
                0.7624349205564623, 1e-6);
    o.restore_weight = 0;
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, o, clean, torch::ones({1})).item<double>(),
                0.7624349205564623, 1e-6);
    o.restore_weight = 0.5;
    EXPECT_THROW(adtr_plus_loss(p.reconstruction, p.features, y, o, clean, torch::ones({2})), kensa::Error);
}

TEST(AdtrPlusLoss, TheDefaultPullIsTheNormalOnlyLoss) {
    Pair p;
    auto o = options(true, false);
    o.pseudo_huber_pull = false;
    // Without defects: mean of the squared differences = MSE = (1 + 4 + 9 + 16) / 4.
    const auto none = torch::zeros({1, 1, 2});
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, none, o).item<double>(), 7.5, 1e-6);
    EXPECT_NEAR(kensa::adtr::reconstruction_loss(p.reconstruction, p.features).item<double>(), 7.5, 1e-6);
    // Right position a defect: pull (1 + 9) / 2 over 2 positions = 2.5, plus the push on phi, i.e. the
    // paper's value above without its pull phi_l / 2 (phi_l = sqrt(6) - 1).
    const auto y = torch::tensor({0.0f, 1.0f}).reshape({1, 1, 2});
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, o).item<double>(),
                2.5 + 0.7624349205564623 - 1.4494897427831779 / 2, 1e-6);
    // Restoring pulls with the squared difference too: 0.5 * mean(0, (4 + 16) / 2) = 2.5 more.
    auto clean = p.reconstruction.clone();
    clean.index_put_({0, torch::indexing::Slice(), 0, 1}, 0.0);
    o.restore_weight = 0.5;
    EXPECT_NEAR(adtr_plus_loss(p.reconstruction, p.features, y, o, clean, torch::ones({1})).item<double>(),
                2.5 + 0.7624349205564623 - 1.4494897427831779 / 2 + 2.5, 1e-6);
}

TEST(AdtrPlusLoss, BadArgumentsAreErrors) {
    Pair p;
    EXPECT_THROW(adtr_plus_loss(p.reconstruction, p.features, torch::zeros({1, 1, 2}), options(false, false)),
                 kensa::Error);
    EXPECT_THROW(adtr_plus_loss(p.reconstruction, p.features, torch::zeros({1, 2, 2}), options(true, false)),
                 kensa::Error);
}
