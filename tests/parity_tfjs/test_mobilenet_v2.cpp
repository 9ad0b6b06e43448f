// kensa::nn::MobileNetV2 without the pretrained weights: shapes, Keras padding, the folded fast path
// against the literal one, batch chunking, and errors for weights files that do not fit.
#include <kensa/base/error.h>
#include <kensa/nn/mobilenet_v2.h>
#include <kensa/nn/tensor_dict.h>

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace kensa::nn;

namespace {

// Random weights with BatchNorm statistics far from identity, so folding mistakes show.
void randomize(torch::nn::Module& module, uint64_t seed) {
    torch::manual_seed(seed);
    torch::NoGradGuard no_grad;
    for (auto& [name, t] : module_state(module)) {
        if (name.ends_with("running_var"))
            t.uniform_(0.5, 2.0);
        else if (name.ends_with("running_mean") || name.ends_with("bn.bias"))
            t.normal_(0.0, 0.3);
        else if (name.ends_with("bn.weight"))
            t.uniform_(0.5, 1.5);
    }
}

double max_diff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a - b).abs().max().item<double>();
}

std::string load_error(torch::nn::Module& module, const fs::path& path) {
    try {
        load_module_weights(module, path);
    } catch (const kensa::Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(MobileNetV2, StagesHaveDocumentedShapes) {
    auto backbone = make_mobilenet_v2_backbone();
    EXPECT_EQ(backbone->id(), "mobilenet_v2");
    EXPECT_EQ(backbone->total_channels(), 24 + 32 + 96);
    const auto maps = backbone->extract(torch::rand({2, 3, 96, 160}));
    const auto stages = backbone->stages();
    ASSERT_EQ(maps.size(), 3u);
    for (size_t i = 0; i < maps.size(); ++i) {
        EXPECT_EQ(maps[i].sizes(),
                  torch::IntArrayRef({2, stages[i].channels, 96 / stages[i].stride, 160 / stages[i].stride}))
            << stages[i].name;
        EXPECT_TRUE(maps[i].is_contiguous());
    }
}

TEST(MobileNetV2, StateNamesAreTheConvertersNames) {
    MobileNetV2 net;
    const auto state = module_state(*net);
    EXPECT_EQ(state.size(), 198u);  // 34 conv+BN pairs: 1 weight + 5 BatchNorm tensors each
    EXPECT_EQ(state.at("stem.conv.weight").sizes(), torch::IntArrayRef({32, 3, 3, 3}));
    EXPECT_EQ(state.at("blocks.0.depthwise.conv.weight").sizes(), torch::IntArrayRef({32, 1, 3, 3}));
    EXPECT_EQ(state.count("blocks.0.expand.conv.weight"), 0u);
    EXPECT_EQ(state.at("blocks.3.depthwise.conv.weight").sizes(), torch::IntArrayRef({144, 1, 3, 3}));
    EXPECT_EQ(state.at("blocks.10.project.conv.weight").sizes(), torch::IntArrayRef({96, 384, 1, 1}));
    EXPECT_EQ(state.at("blocks.10.project.bn.running_var").sizes(), torch::IntArrayRef({96}));
}

// A 3x3 stride-2 conv of ones sums each window: Keras's windows start at 0 and the last one hangs over
// the bottom/right edge into zero padding.
TEST(MobileNetV2, StrideTwoPadsBottomRightOnly) {
    for (bool fold : {true, false}) {
        ConvBn conv(1, 1, 3, 2, false, false);
        {
            torch::NoGradGuard no_grad;
            for (auto& [name, t] : module_state(*conv)) {
                if (name == "conv.weight" || name == "bn.weight")
                    t.fill_(1.0);
                if (name == "bn.running_var")
                    t.fill_(1.0 - 1e-3);  // BatchNorm is then the identity
            }
        }
        conv->set_fold_batch_norm(fold);
        conv->eval();
        torch::NoGradGuard no_grad;
        const auto x = torch::arange(64, torch::kFloat32).view({1, 1, 8, 8});
        const auto y = conv->forward(x);
        ASSERT_EQ(y.sizes(), torch::IntArrayRef({1, 1, 4, 4})) << "fold " << fold;
        EXPECT_NEAR(y[0][0][0][0].item<float>(), x.slice(2, 0, 3).slice(3, 0, 3).sum().item<float>(), 1e-3);
        EXPECT_NEAR(y[0][0][3][3].item<float>(), x.slice(2, 6, 8).slice(3, 6, 8).sum().item<float>(), 1e-3);
        EXPECT_NEAR(y[0][0][1][2].item<float>(), x.slice(2, 2, 5).slice(3, 4, 7).sum().item<float>(), 1e-3);
    }
}

TEST(MobileNetV2, FoldedPathMatchesLiteralPath) {
    MobileNetV2 net;
    randomize(*net, 3);
    net->eval();
    torch::NoGradGuard no_grad;
    const auto x = torch::rand({2, 3, 64, 96});
    const auto folded = net->forward(x);
    net->set_fold_batch_norm(false);
    const auto literal = net->forward(x);
    for (size_t i = 0; i < folded.size(); ++i) {
        EXPECT_GT(literal[i].abs().max().item<double>(), 0.1);
        EXPECT_LT(max_diff(folded[i], literal[i]), 1e-4 * (1 + literal[i].abs().max().item<double>())) << i;
    }
}

TEST(MobileNetV2, NewWeightsReplaceTheFoldedCopy) {
    auto backbone = make_mobilenet_v2_backbone();
    randomize(backbone->module(), 4);
    const auto x = torch::rand({1, 3, 64, 64});
    const auto before = backbone->extract(x);  // builds the folded copies

    MobileNetV2 other;
    randomize(*other, 5);
    const auto path = fs::temp_directory_path() / "kensa_mobilenet_v2_other.safetensors";
    save_module_weights(*other, path);
    backbone->load_weights(path);
    fs::remove(path);
    const auto after = backbone->extract(x);

    other->eval();
    other->set_fold_batch_norm(false);
    torch::NoGradGuard no_grad;
    const auto expected = other->forward(x);
    EXPECT_GT(max_diff(before[2], after[2]), 0.1);
    EXPECT_LT(max_diff(after[2], expected[2]), 1e-3);
}

TEST(MobileNetV2, LargeBatchesRunInChunksWithTheSameResult) {
    auto backbone = make_mobilenet_v2_backbone();
    randomize(backbone->module(), 6);
    const auto x = torch::rand({7, 3, 224, 224});  // 7 images: chunks of 3, 3, 1
    const auto batch = backbone->extract(x);
    for (int64_t i : {0, 4, 6}) {
        const auto single = backbone->extract(x.narrow(0, i, 1));
        for (size_t s = 0; s < batch.size(); ++s)
            EXPECT_LT(max_diff(batch[s].narrow(0, i, 1), single[s]), 1e-5);
    }
}

class MobileNetV2Weights : public ::testing::Test {
protected:
    void SetUp() override {
        m_path = fs::temp_directory_path() / ("kensa_mnv2_" + std::to_string(::getpid()) + ".safetensors");
        m_state = module_state(*m_net);
    }
    void TearDown() override { fs::remove(m_path); }
    void write(const TensorDict& dict) { kensa::io::write_safetensors(m_path, to_archive(dict)); }

    MobileNetV2 m_net;
    TensorDict m_state;
    fs::path m_path;
};

TEST_F(MobileNetV2Weights, MissingTensorIsNamedWithTheFile) {
    m_state.erase("blocks.5.expand.bn.running_mean");
    write(m_state);
    const auto msg = load_error(*m_net, m_path);
    EXPECT_NE(msg.find(m_path.string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("missing 'blocks.5.expand.bn.running_mean'"), std::string::npos) << msg;
}

TEST_F(MobileNetV2Weights, WrongShapeIsNamedWithTheFile) {
    m_state["blocks.3.depthwise.conv.weight"] = torch::zeros({144, 3, 3, 1});  // HWIO order left in
    write(m_state);
    const auto msg = load_error(*m_net, m_path);
    EXPECT_NE(msg.find(m_path.string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("'blocks.3.depthwise.conv.weight' has shape [144, 3, 3, 1], expected [144, 1, 3, 3]"),
              std::string::npos)
        << msg;
}

TEST_F(MobileNetV2Weights, NotASafetensorsFileIsNamed) {
    { std::ofstream(m_path) << "not a weights file"; }
    auto backbone = make_mobilenet_v2_backbone();
    try {
        backbone->load_weights(m_path);
        FAIL() << "no error";
    } catch (const kensa::Error& e) {
        EXPECT_NE(std::string(e.what()).find(m_path.string()), std::string::npos) << e.what();
    }
}
