// PatchCore, PaDiM and SPADE against independent NumPy / scikit-learn / SciPy implementations
// (reference_methods.py) on the same random features: coreset indices equal, maps and image scores to
// 1e-4 relative; the diffusion denoiser's schedule, posterior and KL map against NumPy
// (reference_diffusion.py). Skipped only when /usr/bin/python3 is missing.
#include <kensa/io/safetensors.h>
#include <kensa/methods/diffusion/diffusion_schedule.h>
#include <kensa/methods/padim/padim_model.h>
#include <kensa/methods/patchcore/patchcore_model.h>
#include <kensa/methods/spade/spade_model.h>
#include <kensa/nn/coreset.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/tensor_dict.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <sys/wait.h>

namespace {

constexpr const char* kPython = "/usr/bin/python3";

std::pair<int, std::string> run(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen((command + " 2>&1").c_str(), "r"), ::pclose);
    std::array<char, 512> buf{};
    while (pipe && std::fgets(buf.data(), buf.size(), pipe.get()))
        out += buf.data();
    const int status = ::pclose(pipe.release());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

// Features with structure: a smooth per-channel pattern plus noise, so neighbours are not all alike.
torch::Tensor features(int64_t n, int64_t c, int64_t g) {
    const auto y = torch::linspace(0, 3, g).view({1, 1, g, 1}), x = torch::linspace(0, 3, g).view({1, 1, 1, g});
    const auto phase = torch::arange(c, torch::kFloat).view({1, c, 1, 1});
    return torch::sin(y + phase) * torch::cos(x * 0.5 + phase) + 0.3 * torch::randn({n, c, g, g});
}

}  // namespace

TEST(ReferenceMethods, PatchCorePadimAndSpadeAgreeWithNumPy) {
    if (!std::filesystem::exists(kPython))
        GTEST_SKIP() << kPython << " not found";
    torch::manual_seed(11);
    const int64_t c = 12, g = 8;
    const auto train = features(20, c, g), test = features(3, c, g) + 0.2 * torch::randn({3, c, g, g});
    kensa::nn::TensorDict out{{"train", train}, {"test", test}};

    // PatchCore: coreset on a projection, nearest-memory distances, re-weighted image scores.
    // Banks beyond 1024 rows, so the bf16-candidate kNN (nn/knn.h) is what is checked where the CPU has it.
    const int64_t count = 1100, start = 5;
    const int reweight = 9;
    const auto projection = torch::randn({c, 6}) / std::sqrt(6.0);
    const auto flat = kensa::nn::local_patches(train, 3).permute({0, 2, 3, 1}).reshape({-1, c}).contiguous();
    const auto chosen = kensa::nn::greedy_coreset(flat, projection, count, start);
    const auto patchcore = kensa::patchcore::score_patches(kensa::nn::local_patches(test, 3),
                                                           flat.index_select(0, chosen), reweight);
    out.emplace("projection", projection);
    out.emplace("patchcore.chosen", chosen);
    out.emplace("patchcore.grids", patchcore.grids);
    out.emplace("patchcore.images", patchcore.images);

    // PaDiM: per-position Gaussians, Mahalanobis distances.
    out.emplace("padim.grids", kensa::padim::mahalanobis(test, kensa::padim::fit_gaussians(train, 0.01)));

    // SPADE: the 18 nearest images by the last 5 channels pooled, the 2 nearest gallery features per position.
    const int64_t deep = 5;
    const auto spade = kensa::spade::score(test, kensa::spade::by_position(train), kensa::spade::pooled(train, deep), deep, 18, 2);
    out.emplace("spade.grids", spade.grids);
    out.emplace("spade.images", spade.images);

    const auto file = std::filesystem::temp_directory_path() / "kensa_reference_methods.safetensors";
    kensa::io::write_safetensors(file, kensa::nn::to_archive(out, {{"count", std::to_string(count)},
                                                                   {"start", std::to_string(start)},
                                                                   {"reweight", std::to_string(reweight)},
                                                                   {"deep", std::to_string(deep)},
                                                                   {"k_images", "18"},
                                                                   {"k_pixels", "2"}}));
    const auto [status, output] = run(std::string(kPython) + " " + KENSA_SOURCE_DIR +
                                      "/tests/methods/reference_methods.py " + file.string());
    EXPECT_EQ(status, 0) << output;
    std::printf("%s", output.c_str());
    std::filesystem::remove(file);
}

TEST(PadimKernel, PackedTrianglesGiveTheFullMatrixDistanceOnEveryPath) {
    // The distance kernel reads each precision matrix as its packed upper triangle, 16 columns and up to
    // 8 images at a time (AVX-512) or with plain loops; both must give the full quadratic form. Batches of
    // 1, 8 and 11 images cover a full image block, a short one and one of each; 37 channels a column tail.
    torch::manual_seed(5);
    const auto train = features(30, 37, 6);
    const auto gaussians = kensa::padim::fit_gaussians(train, 0.01);
    const auto packed = kensa::padim::pack(gaussians);
    for (const int64_t n : {1, 8, 11}) {
        const auto test = features(n, 37, 6).to(torch::kDouble);
        const auto d = test.flatten(2).permute({2, 0, 1}) - gaussians.mean.to(torch::kDouble).unsqueeze(1);
        const auto expected =
            (d.bmm(gaussians.precision.to(torch::kDouble)) * d).sum(2).sqrt().t().reshape({n, 6, 6}).to(torch::kFloat);
        for (const bool portable : {false, true}) {
            const auto got = kensa::padim::mahalanobis(test.to(torch::kFloat), packed, portable);
            EXPECT_LE((got - expected).abs().max().item<float>(), 1e-5f * expected.abs().max().item<float>())
                << n << " images, portable " << portable;
        }
    }
}

TEST(ReferenceDiffusion, ScheduleRespacingPosteriorAndKlMapAgreeWithNumPy) {
    if (!std::filesystem::exists(kPython))
        GTEST_SKIP() << kPython << " not found";
    namespace d = kensa::diffusion;
    torch::manual_seed(3);
    const int64_t steps = 1000, respaced = 50;
    const auto schedule = d::NoiseSchedule::linear(steps);
    const auto coarse = schedule.respaced(respaced);
    // Steps from the first (whose posterior variance is clipped) to the last.
    const auto t = torch::tensor({0, 1, 137, 999}, torch::kLong), t_coarse = torch::tensor({0, 1, 10, 49}, torch::kLong);
    const auto x0 = torch::rand({4, 3, 6, 6}) * 2 - 1, noise = torch::randn({4, 3, 6, 6});
    const auto xt = schedule.noised(x0, t, noise);
    const auto output = torch::cat({torch::randn({4, 3, 6, 6}), torch::tanh(torch::randn({4, 3, 6, 6}))}, 1);
    const auto kl_of = [&](const d::NoiseSchedule& s, const torch::Tensor& steps_of) {
        return d::normal_kl(s.posterior(x0, xt, steps_of), s.reverse_step(xt, steps_of, output)).mean(1);
    };
    kensa::nn::TensorDict out{{"betas", schedule.betas()},
                              {"abar", schedule.alphas_cumprod()},
                              {"posterior_variance", schedule.posterior_variance()},
                              {"respaced.steps", coarse.original_steps()},
                              {"respaced.betas", coarse.betas()},
                              {"x0", x0},
                              {"noise", noise},
                              {"t", t},
                              {"xt", xt},
                              {"output", output},
                              {"kl", kl_of(schedule, t)},
                              {"t.respaced", t_coarse},
                              {"kl.respaced", kl_of(coarse, t_coarse)}};
    const auto file = std::filesystem::temp_directory_path() / "kensa_reference_diffusion.safetensors";
    kensa::io::write_safetensors(file, kensa::nn::to_archive(out, {{"steps", std::to_string(steps)},
                                                                   {"respaced", std::to_string(respaced)}}));
    const auto [status, output_text] = run(std::string(kPython) + " " + KENSA_SOURCE_DIR +
                                           "/tests/methods/reference_diffusion.py " + file.string());
    EXPECT_EQ(status, 0) << output_text;
    std::printf("%s", output_text.c_str());
    std::filesystem::remove(file);
}
