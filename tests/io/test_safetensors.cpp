#include <kensa/base/error.h>
#include <kensa/io/safetensors.h>

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>

using kensa::io::DType;
using kensa::io::TensorArchive;
using kensa::io::TensorRecord;

namespace {

TensorRecord make_f32(const std::string& name, std::vector<int64_t> shape, float start) {
    TensorRecord r;
    r.name = name;
    r.dtype = DType::F32;
    r.shape = std::move(shape);
    std::vector<float> values(static_cast<size_t>(r.numel()));
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = start + static_cast<float>(i);
    r.data.resize(values.size() * sizeof(float));
    std::memcpy(r.data.data(), values.data(), r.data.size());
    return r;
}

std::vector<std::byte> header_only(const std::string& json) {
    std::vector<std::byte> out(8 + json.size());
    const uint64_t n = json.size();
    std::memcpy(out.data(), &n, 8);
    std::memcpy(out.data() + 8, json.data(), json.size());
    return out;
}

std::string error_of(const std::vector<std::byte>& bytes) {
    try {
        (void)kensa::io::parse_safetensors(bytes, "weights.safetensors");
    } catch (const kensa::Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(Safetensors, RoundTripKeepsNamesShapesDataAndMetadata) {
    TensorArchive a;
    a.metadata = {{"format", "kensa-test"}, {"version", "1"}};
    a.tensors.push_back(make_f32("z.weight", {2, 3}, 1.f));
    a.tensors.push_back(make_f32("a.bias", {3}, -5.f));
    TensorRecord ints;
    ints.name = "count";
    ints.dtype = DType::I64;
    ints.shape = {};
    ints.data.resize(8);
    const int64_t v = 42;
    std::memcpy(ints.data.data(), &v, 8);
    a.tensors.push_back(ints);

    const auto bytes = kensa::io::serialize_safetensors(a);
    uint64_t header_len = 0;
    std::memcpy(&header_len, bytes.data(), 8);
    EXPECT_EQ((8 + header_len) % 8, 0u) << "data section must be 8-byte aligned";

    const auto b = kensa::io::parse_safetensors(bytes, "memory");
    ASSERT_EQ(b.tensors.size(), 3u);
    // File order is preserved (not the JSON object's alphabetical order).
    EXPECT_EQ(b.tensors[0].name, "z.weight");
    EXPECT_EQ(b.tensors[1].name, "a.bias");
    EXPECT_EQ(b.tensors[2].name, "count");
    EXPECT_EQ(b.metadata, a.metadata);
    for (size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(b.tensors[i].shape, a.tensors[i].shape);
        EXPECT_EQ(b.tensors[i].dtype, a.tensors[i].dtype);
        EXPECT_EQ(b.tensors[i].data, a.tensors[i].data);
    }
    ASSERT_NE(b.find("a.bias"), nullptr);
    EXPECT_EQ(b.find("missing"), nullptr);
}

TEST(Safetensors, ReadsAFileWrittenByThePythonReferenceLayout) {
    // Hand-built exactly as the format specifies: header {"x": F32 [2] at [0, 8)} then two floats.
    const std::string json =
        R"({"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"__metadata__":{"k":"v"}})";
    auto bytes = header_only(json);
    const float values[2] = {1.5f, -2.25f};
    const auto* p = reinterpret_cast<const std::byte*>(values);
    bytes.insert(bytes.end(), p, p + 8);
    const auto a = kensa::io::parse_safetensors(bytes, "hand");
    ASSERT_EQ(a.tensors.size(), 1u);
    float back[2];
    std::memcpy(back, a.tensors[0].data.data(), 8);
    EXPECT_EQ(back[0], 1.5f);
    EXPECT_EQ(back[1], -2.25f);
    EXPECT_EQ(a.metadata.at("k"), "v");
}

TEST(Safetensors, CorruptInputGivesClearErrors) {
    EXPECT_NE(error_of({}).find("truncated"), std::string::npos);
    EXPECT_NE(error_of(header_only("{not json")).find("not JSON"), std::string::npos);
    EXPECT_NE(error_of(header_only(R"({"x":{"dtype":"Q7","shape":[1],"data_offsets":[0,4]}})"))
                  .find("unknown dtype"),
              std::string::npos);
    EXPECT_NE(
        error_of(header_only(R"({"x":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}})")).find("need 8"),
        std::string::npos);
    const auto past_end = error_of(header_only(R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})"));
    EXPECT_NE(past_end.find("truncated"), std::string::npos) << past_end;
    EXPECT_NE(past_end.find("weights.safetensors"), std::string::npos) << past_end;

    auto overlap = header_only(
        R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}})");
    overlap.resize(overlap.size() + 8);
    EXPECT_NE(error_of(overlap).find("overlap"), std::string::npos);

    std::vector<std::byte> huge(16);
    const uint64_t n = uint64_t{1} << 40;
    std::memcpy(huge.data(), &n, 8);
    EXPECT_NE(error_of(huge).find("implausible"), std::string::npos);
}

// Found by tests/fuzz (UBSan): numbers out of range were converted anyway, and a shape's product
// overflowed int64.
TEST(Safetensors, NumbersOutOfRangeAreErrorsNotConversions) {
    const auto huge_dim =
        error_of(header_only(R"({"x":{"dtype":"F32","shape":[2,8.9e105],"data_offsets":[0,8]}})"));
    EXPECT_NE(huge_dim.find("dimension is out of range"), std::string::npos) << huge_dim;
    EXPECT_NE(huge_dim.find("weights.safetensors"), std::string::npos) << huge_dim;
    const auto fractional = error_of(header_only(R"({"x":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}})"));
    EXPECT_NE(fractional.find("out of range"), std::string::npos) << fractional;
    const auto offset = error_of(header_only(R"({"x":{"dtype":"F32","shape":[1],"data_offsets":[-4,0]}})"));
    EXPECT_NE(offset.find("data offset is out of range"), std::string::npos) << offset;
    const auto product = error_of(
        header_only(R"({"x":{"dtype":"F32","shape":[4294967296,4294967296,16],"data_offsets":[0,4]}})"));
    EXPECT_NE(product.find("too large"), std::string::npos) << product;
    // A whole number written as a float is still a whole number.
    auto whole = header_only(R"({"x":{"dtype":"F32","shape":[1.0],"data_offsets":[0,4.0]}})");
    whole.resize(whole.size() + 4);
    EXPECT_EQ(kensa::io::parse_safetensors(whole, "whole").tensors.at(0).shape, std::vector<int64_t>{1});
}

TEST(Safetensors, TruncatedFileOnDiskNamesThePath) {
    TensorArchive a;
    a.tensors.push_back(make_f32("w", {64}, 0.f));
    const auto path = std::filesystem::temp_directory_path() / "kensa_truncated.safetensors";
    kensa::io::write_safetensors(path, a);
    std::filesystem::resize_file(path, std::filesystem::file_size(path) - 10);
    try {
        (void)kensa::io::read_safetensors(path);
        FAIL() << "expected an error";
    } catch (const kensa::Error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(path.string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("'w'"), std::string::npos) << msg;
    }
    std::filesystem::remove(path);
    EXPECT_THROW((void)kensa::io::read_safetensors(path), kensa::Error);
}
