// kensa::nn::MobileNetV2 with the converted nsfwjs weights against the original model run by TF.js
// (scripts/nsfwjs/reference.mjs, a CTest fixture): every stage, on a photo, a seeded pattern and a
// non-square input, through the production path (extract) and through the literal conv/BN/ReLU6 path.
#include <kensa/io/safetensors.h>
#include <kensa/nn/mobilenet_v2.h>
#include <kensa/nn/tensor_dict.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace fs = std::filesystem;
using namespace kensa::nn;

namespace {

constexpr double kTolerance = 1e-3;  // a correct port matches to ~5e-5; BN eps or padding errors give >10

const fs::path kWeights = KENSA_NSFWJS_WEIGHTS;
const fs::path kReference = KENSA_NSFWJS_REFERENCE;

bool under_ci() {
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

// Outside CI a developer may run the binary without the fixture; in CI the set-up always prepares the
// files, so their absence is a failure there.
#define REQUIRE_FILES()                                                                          \
    for (const auto& f : {kWeights, kReference})                                                 \
        if (!fs::exists(f)) {                                                                    \
            const std::string msg = "\n\n*** " + f.string() +                                    \
                                    " is missing: run `ctest -L parity_tfjs` (its fixture runs " \
                                    "scripts/nsfwjs/make_parity_reference.sh) ***\n";            \
            if (under_ci())                                                                      \
                FAIL() << msg;                                                                   \
            std::cerr << msg;                                                                    \
            GTEST_SKIP() << msg;                                                                 \
        }

void expect_stages_match(const std::vector<torch::Tensor>& maps, const TensorDict& ref, const std::string& c,
                         const std::string& label) {
    const std::vector<std::string> names{"block_2_add", "block_5_add", "block_10_project_BN"};
    ASSERT_EQ(maps.size(), names.size());
    for (size_t i = 0; i < names.size(); ++i) {
        const auto& expected = ref.at(c + "." + names[i]);
        ASSERT_EQ(maps[i].sizes(), expected.sizes()) << label << " " << names[i];
        const double diff = (maps[i] - expected).abs().max().item<double>();
        std::cout << "[ parity   ] " << label << " case " << c << " " << names[i] << ": max |diff| " << diff
                  << " (max |value| " << expected.abs().max().item<double>() << ")\n";
        EXPECT_LE(diff, kTolerance) << label << " case " << c << " " << names[i];
    }
}

}  // namespace

TEST(MobileNetV2Parity, ExtractMatchesTfjs) {
    REQUIRE_FILES();
    const auto ref = to_tensor_dict(kensa::io::read_safetensors(kReference));
    auto backbone = make_mobilenet_v2_backbone();
    backbone->extract(ref.at("a.input"));  // the folded copy of the random weights must not survive loading
    backbone->load_weights(kWeights);
    for (const std::string c : {"a", "b"})
        expect_stages_match(backbone->extract(ref.at(c + ".input")), ref, c, "extract");
}

TEST(MobileNetV2Parity, LiteralPathMatchesTfjs) {
    REQUIRE_FILES();
    const auto ref = to_tensor_dict(kensa::io::read_safetensors(kReference));
    MobileNetV2 net;
    load_module_weights(*net, kWeights);
    net->eval();
    net->set_fold_batch_norm(false);
    torch::NoGradGuard no_grad;
    for (const std::string c : {"a", "b"})
        expect_stages_match(net->forward(ref.at(c + ".input")), ref, c, "literal");
}

TEST(MobileNetV2Parity, WeightsFileRecordsItsSource) {
    REQUIRE_FILES();
    const auto archive = kensa::io::read_safetensors(kWeights);
    EXPECT_EQ(archive.metadata.at("source"), "npm nsfwjs@4.3.0 dist/models/mobilenet_v2");
    EXPECT_EQ(archive.metadata.at("format_version"), "1");
    EXPECT_NE(archive.metadata.at("license").find("MIT"), std::string::npos);
}
