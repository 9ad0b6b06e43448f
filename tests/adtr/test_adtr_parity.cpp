// Kensa's transformer against its PyTorch twin (bench/adtr/adtr_pytorch.py, torch.nn.MultiheadAttention
// based): the same weights and input, eval-mode fp32 forward, max abs difference <= 1e-4. The weights go
// through save_module_weights, so this also checks the parameter names a Kensa weights file carries.
#include <kensa/methods/adtr/adtr_kernels.h>
#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_transformer.h>
#include <kensa/nn/tensor_dict.h>

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>

#include <sys/wait.h>

namespace {

using kensa::adtr::AdtrConfig;
using kensa::adtr::Precision;
using kensa::adtr::QueryMode;

std::map<std::string, std::string> describe(const AdtrConfig& c) {
    return {{"channels", std::to_string(c.channels)},
            {"grid", std::to_string(c.grid)},
            {"hidden_dim", std::to_string(c.hidden_dim)},
            {"heads", std::to_string(c.heads)},
            {"encoder_layers", std::to_string(c.encoder_layers)},
            {"decoder_layers", std::to_string(c.decoder_layers)},
            {"feedforward_dim", std::to_string(c.feedforward_dim)},
            {"query_mode", std::string(kensa::adtr::to_string(c.query_mode))},
            {"pre_norm", c.pre_norm ? "true" : "false"},
            {"neighbour_mask", std::to_string(c.neighbour_mask)},
            {"mask_encoder", c.mask_encoder ? "true" : "false"}};
}

// Runs a command; returns (exit status, stdout).
std::pair<int, std::string> run(const std::string& command) {
    std::string out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen((command + " 2>&1").c_str(), "r"), ::pclose);
    if (!pipe)
        return {-1, ""};
    std::array<char, 512> buf{};
    while (std::fgets(buf.data(), buf.size(), pipe.get()))
        out += buf.data();
    const int status = ::pclose(pipe.release());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

bool python_has_torch() {
    static const bool ok = run(std::string(KENSA_PYTHON) + " -c 'import torch, numpy'").first == 0;
    return ok;
}

struct ParityCase {
    const char* name;
    QueryMode mode;
    int mask;
    bool mask_encoder;
    bool pre_norm;
    int grid;
};

void PrintTo(const ParityCase& c, std::ostream* os) {
    *os << c.name;
}

class AdtrParity : public ::testing::TestWithParam<ParityCase> {};

}  // namespace

TEST_P(AdtrParity, MatchesPyTorch) {
    if (std::string(KENSA_PYTHON).empty() || !python_has_torch())
        GTEST_SKIP() << "python3 with torch not available";
    const auto& p = GetParam();
    AdtrConfig c;  // the default width and depth, on the default 152 channels
    c.grid = p.grid;
    c.query_mode = p.mode;
    c.neighbour_mask = p.mask;
    c.mask_encoder = p.mask_encoder;
    c.pre_norm = p.pre_norm;
    torch::manual_seed(21);
    kensa::adtr::AdtrTransformer model(c, Precision::Float32);
    {
        // Non-trivial layer norms and biases, so a swapped or ignored parameter shows.
        torch::NoGradGuard no_grad;
        for (auto& param : model->named_parameters())
            if (param.key().find("norm") != std::string::npos ||
                param.key().find("bias") != std::string::npos)
                param.value().add_(torch::randn_like(param.value()) * 0.1);
    }
    model->eval();
    const auto input = torch::rand({2, c.channels, c.grid, c.grid}) * 3.0;
    torch::Tensor output;
    {
        torch::NoGradGuard no_grad;
        output = model->forward(input);
    }
    const auto dir = std::filesystem::path(KENSA_BINARY_DIR) / "tests" / "adtr" / "parity";
    std::filesystem::create_directories(dir);
    const auto weights = dir / (std::string(p.name) + "_weights.safetensors");
    const auto io = dir / (std::string(p.name) + "_io.safetensors");
    kensa::nn::save_module_weights(*model, weights, describe(c));
    kensa::io::write_safetensors(io, kensa::nn::to_archive({{"input", input}, {"output", output}}));

    const auto [status, out] = run(std::string(KENSA_PYTHON) + " " + KENSA_SOURCE_DIR +
                                   "/bench/adtr/adtr_pytorch.py parity --tolerance 1e-4 --weights " +
                                   weights.string() + " --io " + io.string());
    EXPECT_EQ(status, 0) << out;
    EXPECT_NE(out.find("max_abs_diff="), std::string::npos) << out;
    std::printf("%s: %s", p.name, out.c_str());
}

INSTANTIATE_TEST_SUITE_P(
    Configs, AdtrParity,
    ::testing::Values(ParityCase{"per_layer", QueryMode::PerLayer, 0, false, false, 14},
                      ParityCase{"per_layer_mask7", QueryMode::PerLayer, 7, false, false, 14},
                      ParityCase{"shared_prenorm", QueryMode::Shared, 0, false, true, 14},
                      ParityCase{"none_mask_all", QueryMode::None, 5, true, false, 8}),
    [](const auto& info) { return std::string(info.param.name); });
