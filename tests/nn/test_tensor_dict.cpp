#include <kensa/base/error.h>
#include <kensa/nn/tensor_dict.h>

#include <gtest/gtest.h>

namespace {

struct TinyNetImpl : torch::nn::Module {
    TinyNetImpl() {
        conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 4, 3)));
        bn = register_module("bn", torch::nn::BatchNorm2d(4));
    }
    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(TinyNet);

std::string load_error(TinyNet& net, const kensa::nn::TensorDict& dict) {
    try {
        kensa::nn::load_module_state(*net, dict, "tiny.safetensors");
    } catch (const kensa::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(TensorDict, SaveAndLoadRestoresEveryParameterAndBuffer) {
    torch::manual_seed(1);
    TinyNet a;
    a->bn->running_mean.uniform_();
    const auto path = std::filesystem::temp_directory_path() / "kensa_tiny.safetensors";
    kensa::nn::save_module_weights(*a, path, {{"arch", "tiny"}});

    torch::manual_seed(2);
    TinyNet b;
    kensa::nn::load_module_weights(*b, path);
    for (const auto& [name, t] : kensa::nn::module_state(*a))
        EXPECT_TRUE(torch::equal(t, kensa::nn::module_state(*b).at(name))) << name;
    EXPECT_EQ(kensa::io::read_safetensors(path).metadata.at("arch"), "tiny");
    std::filesystem::remove(path);
}

TEST(TensorDict, MismatchesAreListedByName) {
    TinyNet net;
    auto dict = kensa::nn::module_state(*net);
    for (auto& [name, t] : dict)
        t = t.clone();

    auto missing = dict;
    missing.erase("conv.bias");
    EXPECT_NE(load_error(net, missing).find("missing 'conv.bias'"), std::string::npos);

    auto extra = dict;
    extra["head.weight"] = torch::zeros({1});
    EXPECT_NE(load_error(net, extra).find("unexpected 'head.weight'"), std::string::npos);

    auto wrong_shape = dict;
    wrong_shape["conv.weight"] = torch::zeros({4, 3, 5, 5});
    const auto msg = load_error(net, wrong_shape);
    EXPECT_NE(msg.find("'conv.weight' has shape [4, 3, 5, 5], expected [4, 3, 3, 3]"), std::string::npos)
        << msg;
    EXPECT_NE(msg.find("tiny.safetensors"), std::string::npos) << msg;

    auto wrong_dtype = dict;
    wrong_dtype["bn.weight"] = wrong_dtype["bn.weight"].to(torch::kFloat64);
    EXPECT_NE(load_error(net, wrong_dtype).find("'bn.weight' has dtype Double"), std::string::npos);

    EXPECT_EQ(load_error(net, dict), "");
}

TEST(TensorDict, ArchiveRoundTripKeepsValuesAndDtypes) {
    kensa::nn::TensorDict dict{{"f", torch::randn({2, 3})},
                               {"h", torch::randn({5}).to(torch::kBFloat16)},
                               {"i", torch::arange(6, torch::kInt64).view({2, 3})},
                               {"strided", torch::randn({4, 4}).t()}};
    const auto back = kensa::nn::to_tensor_dict(kensa::nn::to_archive(dict));
    ASSERT_EQ(back.size(), dict.size());
    for (const auto& [name, t] : dict) {
        EXPECT_EQ(back.at(name).scalar_type(), t.scalar_type()) << name;
        EXPECT_TRUE(torch::equal(back.at(name), t)) << name;
    }
}
