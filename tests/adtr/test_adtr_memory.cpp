// ADTR's memory term against brute force: rows, nearest distances, leave-own-image-out (with a full bank
// and with a coreset of it), the combined grid, and its settings in a bundle.
#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_memory.h>
#include <kensa/nn/backbone_factory.h>
#include <kensa/nn/feature_grid.h>

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace {

using namespace kensa::adtr;

torch::Tensor brute_force_distance(const torch::Tensor& features, const torch::Tensor& bank) {
    const auto rows = features.permute({0, 2, 3, 1}).reshape({-1, features.size(1)});
    const auto d = (rows.unsqueeze(1) - bank.unsqueeze(0)).pow(2).sum(2).sqrt();
    return std::get<0>(d.min(1)).view({features.size(0), features.size(2), features.size(3)});
}

}  // namespace

TEST(AdtrMemory, RowsArePositionsOfEachImageInOrder) {
    const auto features = torch::arange(2 * 3 * 2 * 2, torch::kFloat).view({2, 3, 2, 2});
    const auto rows = kensa::nn::grid_rows(features);
    ASSERT_EQ(rows.sizes(), (torch::IntArrayRef{8, 3}));
    EXPECT_TRUE(torch::equal(rows[1], features.index({0, torch::indexing::Slice(), 0, 1})));
    EXPECT_TRUE(torch::equal(rows[6], features.index({1, torch::indexing::Slice(), 1, 0})));
}

TEST(AdtrMemory, DistanceIsThatOfTheNearestBankRow) {
    torch::manual_seed(3);
    const auto features = torch::randn({3, 16, 5, 5});
    for (int64_t rows : {300, 2000}) {  // below and above the bf16 candidate path's bank size
        const auto bank = torch::randn({rows, 16});
        const auto d = memory_distance(features, bank);
        ASSERT_EQ(d.sizes(), (torch::IntArrayRef{3, 5, 5}));
        EXPECT_TRUE(torch::allclose(d, brute_force_distance(features, bank), 1e-4, 1e-4)) << rows;
    }
}

TEST(AdtrMemory, TrainingImagesAreMeasuredAgainstTheOtherImagesOnly) {
    torch::manual_seed(4);
    auto features = torch::randn({4, 8, 3, 3});
    const auto leave_out = [](const torch::Tensor& f) {
        return leave_own_image_out_distance(f, kensa::nn::grid_rows(f), row_owners(f));
    };
    const auto d = leave_out(features);
    const auto rows = kensa::nn::grid_rows(features);
    for (int64_t i = 0; i < 4; ++i) {
        const auto others = torch::cat({rows.slice(0, 0, i * 9), rows.slice(0, (i + 1) * 9)});
        EXPECT_TRUE(torch::allclose(d[i], brute_force_distance(features.slice(0, i, i + 1), others)[0], 1e-4, 1e-4));
    }
    EXPECT_GT(d.min().item<float>(), 0.f);  // its own rows would give 0 everywhere

    features[1] = features[0];  // a duplicate image: each finds itself in the other
    const auto dup = leave_out(features);
    EXPECT_EQ(dup[0].max().item<float>(), 0.f);
    EXPECT_EQ(dup[1].max().item<float>(), 0.f);
    EXPECT_GT(dup[2].min().item<float>(), 0.f);
    EXPECT_THROW(leave_out(features.slice(0, 0, 1)), kensa::Error);
}

TEST(AdtrMemory, WithACoresetBankTheOtherImagesAreTheirRowsInIt) {
    torch::manual_seed(5);
    const auto features = torch::randn({3, 8, 4, 4});
    EXPECT_TRUE(torch::equal(row_owners(features), torch::arange(3, torch::kLong).repeat_interleave(16)));
    // A bank of every third row, as a coreset keeps some rows of each image.
    const auto chosen = torch::arange(0, 48, 3, torch::kLong);
    const auto bank = kensa::nn::grid_rows(features).index_select(0, chosen);
    const auto owners = row_owners(features).index_select(0, chosen);
    const auto d = leave_own_image_out_distance(features, bank, owners);
    for (int64_t i = 0; i < 3; ++i) {
        const auto others = bank.index_select(0, (owners != i).nonzero().squeeze(1));
        EXPECT_TRUE(torch::allclose(d[i], brute_force_distance(features.slice(0, i, i + 1), others)[0], 1e-4, 1e-4));
    }
}

TEST(AdtrMemory, CombinedGridWeighsEachTermOverItsScale) {
    MemoryTerm m;
    m.weight = 3;
    m.reconstruction_scale = 2;
    m.memory_scale = 4;
    const auto error = torch::full({1, 2, 2}, 4.f), distance = torch::full({1, 2, 2}, 8.f);
    EXPECT_TRUE(torch::allclose(combined_grid(error, distance, m), torch::full({1, 2, 2}, 4.f / 2 + 3 * 8.f / 4)));

    // A memory on a finer grid: the error is enlarged to it (bilinear), a ramp stays a ramp in the middle.
    const auto ramp = torch::tensor({0.f, 2.f}).view({1, 1, 2}).expand({1, 2, 2}).contiguous();
    const auto fine = combined_grid(ramp, torch::zeros({1, 4, 4}), m);
    ASSERT_EQ(fine.sizes(), (torch::IntArrayRef{1, 4, 4}));
    EXPECT_TRUE(torch::allclose(fine[0][0], torch::tensor({0.f, 0.5f, 1.5f, 2.f}) / 2));
    EXPECT_TRUE(torch::equal(fine[0][0], fine[0][3]));
}

TEST(AdtrMemory, SettingsRoundTripAndMalformedOnesAreClearErrors) {
    MemoryTerm m;
    m.weight = 3;
    m.reconstruction_scale = 2.5;
    m.memory_scale = 5;
    const std::string plain = R"({"grid": 14})";
    const auto settings = with_memory_settings(plain, m);
    std::map<std::string, torch::Tensor> tensors{{"memory.bank", torch::randn({10, 8})}};
    const auto backbone = kensa::nn::create_backbone("mobilenet_v2");  // random weights: only its stages count
    const auto read = read_memory(settings, tensors, 8, *backbone);
    ASSERT_TRUE(read.enabled());
    EXPECT_EQ(read.weight, 3);
    EXPECT_EQ(read.reconstruction_scale, 2.5);
    EXPECT_EQ(read.memory_scale, 5);
    EXPECT_TRUE(torch::equal(read.bank, tensors.at("memory.bank")));
    EXPECT_FALSE(read_memory(plain, {}, 8, *backbone).enabled());  // models trained before the memory
    EXPECT_TRUE(read.source.own_grid());

    // On a grid of its own: the source round-trips, and the bank has the channels of its stages (32 + 96).
    m.source = {28, 1, 3};
    const auto fine_settings = with_memory_settings(plain, m);
    const std::map<std::string, torch::Tensor> fine_bank{{"memory.bank", torch::randn({10, 128})}};
    const auto fine = read_memory(fine_settings, fine_bank, 8, *backbone);
    EXPECT_EQ(fine.source.grid, 28);
    EXPECT_EQ(fine.source.first_stage, 1);
    EXPECT_EQ(fine.source.neighbourhood, 3);
    EXPECT_THROW(read_memory(fine_settings, tensors, 8, *backbone), kensa::Error);

    auto fails = [&](const std::string& s, const std::map<std::string, torch::Tensor>& t, const char* expected) {
        try {
            read_memory(s, t, 8, *backbone);
            ADD_FAILURE() << "accepted " << s;
        } catch (const kensa::Error& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
        }
    };
    fails(settings, {}, "memory.bank");
    fails(settings, {{"memory.bank", torch::randn({10, 7})}}, "memory.bank");
    fails(settings, {{"memory.bank", torch::randn({10, 8}).to(torch::kDouble)}}, "memory.bank");
    fails(R"({"memory": {"weight": -1, "reconstruction_scale": 1, "memory_scale": 1}})", tensors, "negative");
    fails(R"({"memory": {"weight": 1, "reconstruction_scale": 0, "memory_scale": 1}})", tensors, "positive");
    fails(R"({"memory": {"weight": "3", "reconstruction_scale": 1, "memory_scale": 1}})", tensors, "malformed");
    fails(R"({"memory": {"weight": 3}})", tensors, "malformed");
    const std::string scales = R"("weight": 1, "reconstruction_scale": 1, "memory_scale": 1)";
    fails("{\"memory\": {" + scales + R"(, "source": {"grid": 28, "first_stage": 1, "neighbourhood": 2}}})", fine_bank,
          "out of range");
    fails("{\"memory\": {" + scales + R"(, "source": {"grid": 28, "first_stage": 9, "neighbourhood": 3}}})", fine_bank,
          "stage");
    fails("{\"memory\": {" + scales + R"(, "source": {"grid": 28}}})", fine_bank, "malformed");
}
