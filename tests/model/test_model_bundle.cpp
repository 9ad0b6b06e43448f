#include <kensa/base/error.h>
#include <kensa/model/model_bundle.h>

#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <cstring>
#include <fstream>

namespace fs = std::filesystem;
using kensa::model::ModelBundle;

namespace {

ModelBundle sample_bundle() {
    ModelBundle b;
    b.backbone = "mobilenet_v2";
    b.backbone_weights_checksum = "abc123";
    b.image_size = 256;
    b.method = "some_method";
    b.settings_json = R"({"grid":16,"width":3})";
    b.gaussian_sigma = 3.5;
    b.score_pool = 8;
    b.thresholds.image = 1.25f;
    b.thresholds.pixel = 0.75f;
    b.thresholds.normal_quantile = 0.995;
    b.thresholds.holdout_images = 12;
    b.thresholds.image_f1_optimal = 1.5f;
    b.training_json = R"({"epochs":30,"loss":[0.5,0.25]})";
    kensa::io::TensorRecord w{"adtr.proj.weight", kensa::io::DType::F32, {2, 3}, std::vector<std::byte>(24)};
    for (size_t i = 0; i < w.data.size(); ++i)
        w.data[i] = static_cast<std::byte>(i * 7);
    b.tensors.tensors.push_back(w);
    return b;
}

class BundleTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_path = fs::temp_directory_path() / ("kensa_bundle_" + std::to_string(::getpid()) + ".kensa");
    }
    void TearDown() override { fs::remove(m_path); }

    std::string load_error() {
        try {
            (void)kensa::model::load_bundle(m_path);
        } catch (const kensa::Error& e) {
            return e.what();
        }
        return "";
    }
    void rewrite_metadata(const std::string& key, const std::string& value) {
        auto archive = kensa::io::read_safetensors(m_path);
        archive.metadata[key] = value;
        kensa::io::write_safetensors(m_path, archive);
    }

    fs::path m_path;
};

}  // namespace

TEST_F(BundleTest, RoundTripKeepsEverything) {
    const auto a = sample_bundle();
    kensa::model::save_bundle(m_path, a);
    const auto b = kensa::model::load_bundle(m_path);
    EXPECT_EQ(b.backbone, a.backbone);
    EXPECT_EQ(b.backbone_weights_checksum, a.backbone_weights_checksum);
    EXPECT_EQ(b.image_size, 256);
    EXPECT_EQ(b.method, "some_method");
    EXPECT_EQ(b.settings_json, a.settings_json);
    EXPECT_EQ(b.gaussian_sigma, 3.5);
    EXPECT_EQ(b.score_pool, 8);
    EXPECT_EQ(b.thresholds.image, 1.25f);
    EXPECT_EQ(b.thresholds.pixel, 0.75f);
    EXPECT_EQ(b.thresholds.holdout_images, 12);
    EXPECT_EQ(b.thresholds.image_f1_optimal, 1.5f);
    EXPECT_FALSE(b.thresholds.pixel_f1_optimal.has_value());
    EXPECT_EQ(b.training_json, a.training_json);
    ASSERT_EQ(b.tensors.tensors.size(), 1u);
    EXPECT_EQ(b.tensors.tensors[0].data, a.tensors.tensors[0].data);
}

TEST_F(BundleTest, UnsetThresholdsSurviveAsUnset) {
    auto a = sample_bundle();
    a.thresholds.image = kensa::model::Thresholds::kUnset;
    kensa::model::save_bundle(m_path, a);
    EXPECT_TRUE(std::isnan(kensa::model::load_bundle(m_path).thresholds.image));
}

TEST_F(BundleTest, FlippedByteIsReportedAsCorrupt) {
    kensa::model::save_bundle(m_path, sample_bundle());
    std::fstream f(m_path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(-3, std::ios::end);
    f.put('\x55');
    f.close();
    const auto msg = load_error();
    EXPECT_NE(msg.find("corrupt"), std::string::npos) << msg;
    EXPECT_NE(msg.find(m_path.string()), std::string::npos) << msg;
}

TEST_F(BundleTest, TruncatedFileIsReported) {
    kensa::model::save_bundle(m_path, sample_bundle());
    fs::resize_file(m_path, fs::file_size(m_path) - 5);
    const auto msg = load_error();
    EXPECT_NE(msg.find("truncated"), std::string::npos) << msg;
    EXPECT_NE(msg.find(m_path.string()), std::string::npos) << msg;
}

TEST_F(BundleTest, NewerVersionAsksForAnUpdate) {
    kensa::model::save_bundle(m_path, sample_bundle());
    rewrite_metadata("version", "99");
    EXPECT_NE(load_error().find("newer than this Kensa reads"), std::string::npos);
}

// Found by tests/fuzz/fuzz_model_bundle (UBSan: a null reference read as the version string).
TEST_F(BundleTest, MissingVersionIsReportedNotDereferenced) {
    kensa::model::save_bundle(m_path, sample_bundle());
    auto archive = kensa::io::read_safetensors(m_path);
    archive.metadata.erase("version");
    kensa::io::write_safetensors(m_path, archive);
    EXPECT_NE(load_error().find("version is missing or unreadable"), std::string::npos) << load_error();
}

TEST_F(BundleTest, OtherSafetensorsFilesAreNotModels) {
    kensa::io::write_safetensors(m_path, sample_bundle().tensors);
    EXPECT_NE(load_error().find("not a Kensa model"), std::string::npos);
}

TEST_F(BundleTest, MalformedDescriptionIsReported) {
    kensa::model::save_bundle(m_path, sample_bundle());
    rewrite_metadata("model", R"({"backbone": "x"})");
    EXPECT_NE(load_error().find("malformed"), std::string::npos);
    rewrite_metadata("model", "not json");
    EXPECT_NE(load_error().find("malformed"), std::string::npos);
}

TEST_F(BundleTest, GarbageFileNeverCrashes) {
    std::ofstream(m_path) << "hello, I am not a model";
    EXPECT_NE(load_error().find(m_path.string()), std::string::npos);
    fs::remove(m_path);
    EXPECT_NE(load_error().find(m_path.string()), std::string::npos);
}

TEST_F(BundleTest, VersionOneLoadsAsAdtrWithItsSettings) {
    kensa::model::save_bundle(m_path, sample_bundle());
    // What version 1 wrote: no method, ADTR's settings under "adtr".
    rewrite_metadata("version", "1");
    rewrite_metadata("model", R"({"backbone":"mobilenet_v2","backbone_weights_checksum":"abc123","image_size":256,)"
                              R"("adtr":{"grid":14,"query_mode":"none"},"gaussian_sigma":4.0,"score_pool":16,)"
                              R"("thresholds":{"image":1.0,"pixel":2.0,"normal_quantile":0.99,"holdout_images":8},)"
                              R"("training":{}})");
    const auto b = kensa::model::load_bundle(m_path);
    EXPECT_EQ(b.method, "adtr");
    EXPECT_EQ(b.settings_json, R"({"grid":14,"query_mode":"none"})");
    EXPECT_EQ(b.thresholds.pixel, 2.f);
}

TEST_F(BundleTest, VersionTwoNeedsAMethodAndSettingsObject) {
    kensa::model::save_bundle(m_path, sample_bundle());
    auto archive = kensa::io::read_safetensors(m_path);
    const auto good = archive.metadata.at("model");
    auto without_method = good;
    without_method.replace(without_method.find("\"method\""), 8, "\"other_\"");
    rewrite_metadata("model", without_method);
    EXPECT_NE(load_error().find("malformed"), std::string::npos) << load_error();
    auto bad_settings = good;
    const auto at = bad_settings.find(R"({"grid":16,"width":3})");
    bad_settings.replace(at, std::string(R"({"grid":16,"width":3})").size(), "[1,2]");
    rewrite_metadata("model", bad_settings);
    EXPECT_NE(load_error().find("not an object"), std::string::npos) << load_error();
}

TEST_F(BundleTest, TilingRoundTripsAndOnlyTiledModelsAreVersionThree) {
    auto bundle = sample_bundle();
    kensa::model::save_bundle(m_path, bundle);
    EXPECT_EQ(kensa::io::read_safetensors(m_path).metadata.at("version"), "2");  // older Kensa still reads it
    EXPECT_FALSE(kensa::model::load_bundle(m_path).tiling.enabled());

    bundle.tiling = {280, 35};
    kensa::model::save_bundle(m_path, bundle);
    EXPECT_EQ(kensa::io::read_safetensors(m_path).metadata.at("version"), "3");  // older Kensa refuses it
    EXPECT_EQ(kensa::model::load_bundle(m_path).tiling, (kensa::model::Tiling{280, 35}));
}

TEST_F(BundleTest, TilingThatCannotBeUsedIsReported) {
    auto bundle = sample_bundle();
    bundle.tiling = {280, 35};
    kensa::model::save_bundle(m_path, bundle);
    auto archive = kensa::io::read_safetensors(m_path);
    auto& model = archive.metadata.at("model");
    const auto at = model.find("\"overlap\":35");
    ASSERT_NE(at, std::string::npos) << model;
    model.replace(at, std::strlen("\"overlap\":35"), "\"overlap\":200");
    kensa::io::write_safetensors(m_path, archive);
    const auto error = load_error();
    EXPECT_NE(error.find(m_path.string()), std::string::npos) << error;
    EXPECT_NE(error.find("overlap must be at least 0 and below half the tile"), std::string::npos) << error;

    bundle.tiling = {4, 0};
    EXPECT_THROW(kensa::model::save_bundle(m_path, bundle), kensa::Error);
}

TEST_F(BundleTest, RegionRoundTripsAndOnlyModelsWithOneAreVersionFour) {
    auto bundle = sample_bundle();
    bundle.tiling = {280, 35};
    bundle.region = {640, 480, {{10, 20}, {300, 20}, {150, 400}}};
    kensa::model::save_bundle(m_path, bundle);
    EXPECT_EQ(kensa::io::read_safetensors(m_path).metadata.at("version"), "4");  // a Kensa without regions refuses it
    const auto loaded = kensa::model::load_bundle(m_path);
    EXPECT_EQ(loaded.region, bundle.region);
    EXPECT_EQ(loaded.tiling, bundle.tiling);

    // A region that cannot be used is the file's error, named.
    auto archive = kensa::io::read_safetensors(m_path);
    auto& model = archive.metadata.at("model");
    const auto at = model.find("[150,400]");
    ASSERT_NE(at, std::string::npos) << model;
    model.replace(at, std::strlen("[150,400]"), "[150,900]");
    kensa::io::write_safetensors(m_path, archive);
    const auto error = load_error();
    EXPECT_NE(error.find(m_path.string()), std::string::npos) << error;
    EXPECT_NE(error.find("lies outside the 640 x 480 image"), std::string::npos) << error;

    bundle.region = {640, 480, {{10, 20}, {12, 20}, {11, 22}}};  // too small to inspect
    EXPECT_THROW(kensa::model::save_bundle(m_path, bundle), kensa::Error);
}
