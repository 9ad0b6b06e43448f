// The C++ EfficientNet-B4 / ResNet-18 / ResNet-34 against torchvision 0.14's forward pass: the same
// (random-init, non-trivial batch-norm) weights and input, every feature stage compared.
#include <kensa/base/error.h>
#include <kensa/nn/efficientnet.h>
#include <kensa/nn/resnet.h>
#include <kensa/nn/runtime.h>
#include <kensa/nn/tensor_dict.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <iostream>
#include <string>

namespace fs = std::filesystem;
using namespace kensa::nn;

namespace {

constexpr double kTolerance = 1e-3;

fs::path data_dir() {
    return KENSA_TORCHVISION_PARITY_DIR;
}
fs::path weights_file(const std::string& arch) {
    return data_dir() / (arch + "_random.safetensors");
}
fs::path reference_file(const std::string& arch) {
    return data_dir() / (arch + "_reference.safetensors");
}

struct Case {
    std::string name;  // gtest parameter name and backbone id
    std::string arch;  // exported architecture (file prefix)
    std::function<std::unique_ptr<Backbone>()> make;
};

std::vector<Case> cases() {
    return {
        {"efficientnet_b4", "efficientnet_b4", [] { return make_efficientnet_b4_backbone(); }},
        {"resnet18", "resnet18", [] { return make_resnet_backbone(18); }},
        {"resnet34", "resnet34", [] { return make_resnet_backbone(34); }},
    };
}

bool exported(const std::string& arch) {
    return fs::exists(weights_file(arch)) && fs::exists(reference_file(arch));
}

#define REQUIRE_EXPORT(arch)                                  \
    if (!exported(arch))                                      \
    GTEST_SKIP() << "no torchvision export in " << data_dir() \
                 << " (run ctest, whose fixture calls scripts/export_torchvision_backbone.py)"

// Keeps test names readable ("Arch/TorchvisionParity.X/resnet18", no byte dump).
void PrintTo(const Case& c, std::ostream* os) {
    *os << c.name;
}

class TorchvisionParity : public ::testing::TestWithParam<Case> {};

TEST_P(TorchvisionParity, EveryStageMatchesTorchvision) {
    const Case& c = GetParam();
    REQUIRE_EXPORT(c.arch);
    configure_threads();
    auto backbone = c.make();
    EXPECT_EQ(backbone->id(), c.name);
    const TensorDict ref = to_tensor_dict(kensa::io::read_safetensors(reference_file(c.arch)));
    const torch::Tensor input = ref.at("input");
    const auto stages = backbone->stages();

    // A forward before loading: the random-init outputs must differ (else the comparison below would be
    // vacuous), and the backbone's cached inference weights must be refreshed by the load.
    const auto before = backbone->extract(input);
    EXPECT_GT((before.back() - ref.at(stages.back().name)).abs().max().item<double>(), 0.1);

    load_module_weights(backbone->module(), weights_file(c.arch));
    const auto outputs = backbone->extract(input);
    ASSERT_EQ(outputs.size(), stages.size());
    for (size_t i = 0; i < stages.size(); ++i) {
        const auto& stage = stages[i];
        ASSERT_TRUE(ref.count(stage.name)) << "reference lacks " << stage.name;
        const auto& expected = ref.at(stage.name);
        ASSERT_EQ(outputs[i].sizes(), expected.sizes()) << stage.name;
        EXPECT_TRUE(outputs[i].is_contiguous()) << stage.name;
        EXPECT_EQ(outputs[i].size(1), stage.channels) << stage.name;
        EXPECT_EQ(outputs[i].size(2) * stage.stride, input.size(2)) << stage.name;
        const double max_diff = (outputs[i] - expected).abs().max().item<double>();
        const double scale = expected.abs().max().item<double>();
        std::cout << "  " << c.name << " " << stage.name << " " << expected.sizes() << ": max |diff| "
                  << max_diff << " (max |value| " << scale << ")\n";
        RecordProperty(stage.name + "_max_abs_diff", std::to_string(max_diff));
        EXPECT_LE(max_diff, kTolerance) << stage.name;
    }
}

// With autograd on (e.g. fine-tuning) the modules run conv -> batch-norm as written; extract() takes the
// folded inference path. Both must agree.
TEST(TorchvisionBackbones, UnfoldedPathAgreesWithFolded) {
    REQUIRE_EXPORT("efficientnet_b4");
    REQUIRE_EXPORT("resnet18");
    const auto input = normalize_images(torch::rand({1, 3, 128, 128}), InputNormalization{});
    const auto compare = [](const std::vector<torch::Tensor>& plain,
                            const std::vector<torch::Tensor>& folded) {
        ASSERT_EQ(plain.size(), folded.size());
        for (size_t i = 0; i < plain.size(); ++i) {
            EXPECT_TRUE(plain[i].requires_grad()) << i;  // really the autograd (unfolded) path
            EXPECT_LE((plain[i].detach() - folded[i]).abs().max().item<double>(), kTolerance) << i;
        }
    };
    EfficientNetB4 efficientnet;
    load_module_weights(*efficientnet, weights_file("efficientnet_b4"));
    efficientnet->eval();
    const std::vector<int64_t> indices{1, 2, 3, 5, 7};
    const auto plain_e = efficientnet->forward(input, indices);
    torch::NoGradGuard no_grad_e;
    compare(plain_e, efficientnet->forward(input, indices));

    torch::AutoGradMode grad_on(true);
    ResNet resnet(18);
    load_module_weights(*resnet, weights_file("resnet18"));
    resnet->eval();
    const auto plain_r = resnet->forward(input);
    torch::NoGradGuard no_grad_r;
    compare(plain_r, resnet->forward(input));
}

INSTANTIATE_TEST_SUITE_P(Arch, TorchvisionParity, ::testing::ValuesIn(cases()),
                         [](const auto& info) { return info.param.name; });

// Every backbone gives stages()-shaped maps for any multiple-of-32 size, square or not.
TEST(TorchvisionBackbones, StageShapesFollowStrides) {
    for (const auto& c : cases()) {
        auto backbone = c.make();
        const auto outputs = backbone->extract(torch::rand({1, 3, 64, 96}));
        const auto stages = backbone->stages();
        ASSERT_EQ(outputs.size(), stages.size()) << c.name;
        int64_t channels = 0;
        for (size_t i = 0; i < stages.size(); ++i) {
            EXPECT_EQ(outputs[i].sizes(), (std::vector<int64_t>{1, stages[i].channels, 64 / stages[i].stride,
                                                                96 / stages[i].stride}))
                << c.name << " " << stages[i].name;
            EXPECT_TRUE(torch::isfinite(outputs[i]).all().item<bool>()) << c.name << " " << stages[i].name;
            channels += stages[i].channels;
        }
        EXPECT_EQ(backbone->total_channels(), channels);
    }
    EXPECT_EQ(make_efficientnet_b4_backbone()->total_channels(), 272);  // UniAD's choice
}

// Large batches run in chunks (see batch_chunks.h); the result must not depend on it.
TEST(TorchvisionBackbones, ChunkedBatchEqualsSingleImages) {
    std::vector<std::unique_ptr<Backbone>> backbones;
    backbones.push_back(make_efficientnet_b4_backbone());
    backbones.push_back(make_resnet_backbone(18));
    for (auto& backbone : backbones) {
        const int64_t n = backbone->id() == "resnet18" ? 11 : 5;  // beyond one chunk at 224 px (4 resp. 10)
        const auto images = torch::rand({n, 3, 224, 224});
        const auto batch = backbone->extract(images);
        for (int64_t i : {int64_t{0}, n - 1}) {
            const auto single = backbone->extract(images.slice(0, i, i + 1));
            for (size_t s = 0; s < single.size(); ++s)
                EXPECT_LE((batch[s].slice(0, i, i + 1) - single[s]).abs().max().item<double>(), 1e-4)
                    << backbone->id() << " image " << i << " stage " << s;
        }
    }
}

TEST(TorchvisionBackbones, UnsupportedResNetDepthIsRejected) {
    EXPECT_THROW(make_resnet_backbone(50), kensa::Error);
}

// A weights file of another architecture must fail loudly, naming the file and a tensor.
TEST(TorchvisionBackbones, WrongArchitectureIsRejected) {
    REQUIRE_EXPORT("resnet18");
    REQUIRE_EXPORT("resnet34");
    REQUIRE_EXPORT("efficientnet_b4");
    const auto expect_rejected = [](Backbone& backbone, const fs::path& file, const std::string& tensor) {
        try {
            load_module_weights(backbone.module(), file);
            ADD_FAILURE() << file << " was accepted by " << backbone.id();
        } catch (const kensa::Error& e) {
            const std::string msg = e.what();
            EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
            EXPECT_NE(msg.find("'" + tensor + "'"), std::string::npos) << msg;
        }
    };
    // ResNet-18 has 2 blocks in layer1, ResNet-34 has 3. (The error lists problems in name order.)
    expect_rejected(*make_resnet_backbone(34), weights_file("resnet18"), "layer1.2.bn1.bias");
    expect_rejected(*make_resnet_backbone(18), weights_file("resnet34"), "layer1.2.bn1.bias");
    expect_rejected(*make_resnet_backbone(18), weights_file("efficientnet_b4"), "bn1.bias");
    expect_rejected(*make_efficientnet_b4_backbone(), weights_file("resnet18"), "features.0.0.weight");
}

}  // namespace
