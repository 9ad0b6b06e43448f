#include <kensa/data/image_io.h>
#include <kensa/data/mvtec_product.h>
#include <kensa/data/sample_product.h>
#include <kensa/data/sample_synthesizer.h>

#include "temp_dir.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdlib>
#include <fstream>
#include <map>

namespace kensa::data {
namespace {

namespace fs = std::filesystem;

const SampleSynthesizer& synth() {
    static const SampleSynthesizer s;
    return s;
}

// --- in memory -------------------------------------------------------------------------------------

TEST(SampleSynthesizer, NormalImagesAreDeterministicAndVary) {
    const cv::Mat a = synth().normal_image(5, 256);
    EXPECT_EQ(a.type(), CV_32FC3);
    EXPECT_EQ(a.size(), cv::Size(256, 256));
    EXPECT_EQ(cv::norm(a, synth().normal_image(5, 256), cv::NORM_INF), 0.0);
    const cv::Mat b = synth().normal_image(6, 256);
    // Different shots of the same product: pixels differ, overall colour barely does.
    EXPECT_GT(cv::norm(a, b, cv::NORM_L1) / a.total() / 3, 0.03);
    const cv::Scalar ma = cv::mean(a), mb = cv::mean(b);
    for (int c = 0; c < 3; ++c)
        EXPECT_NEAR(ma[c], mb[c], 0.08);
    double lo, hi;
    cv::minMaxLoc(a.reshape(1), &lo, &hi);
    EXPECT_GE(lo, 0.0);
    EXPECT_LE(hi, 1.0);
    // The embedded brick photo is tinted: red dominates.
    EXPECT_GT(ma[0], ma[2] + 0.1);
}

class DefectKinds : public ::testing::TestWithParam<DefectKind> {};

TEST_P(DefectKinds, MaskIsExactAndOutsideIsUnchanged) {
    const int size = 256;
    for (uint64_t seed = 100; seed < 112; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        const DefectSample s = synth().defect_sample(GetParam(), seed, size);
        ASSERT_EQ(s.kind, GetParam());
        ASSERT_EQ(s.mask.type(), CV_8UC1);
        EXPECT_EQ(cv::norm(s.clean, synth().normal_image(seed, size), cv::NORM_INF), 0.0);
        const int area = cv::countNonZero(s.mask);
        EXPECT_GE(area, 12);               // not empty
        EXPECT_LE(area, size * size / 5);  // not the whole image
        EXPECT_EQ(cv::countNonZero((s.mask != 0) & (s.mask != 255)), 0);

        cv::Mat diff;
        cv::absdiff(s.defective, s.clean, diff);
        cv::Mat1f change;
        cv::transform(diff, change, cv::Matx13f(1 / 3.f, 1 / 3.f, 1 / 3.f));
        // Beyond 2 px from the mask: bit-identical. Just outside it: only anti-aliasing.
        cv::Mat ring;
        cv::dilate(s.mask, ring, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
        double far_change = 0;
        cv::minMaxLoc(change, nullptr, &far_change, nullptr, nullptr, ring == 0);
        EXPECT_EQ(far_change, 0.0);
        const cv::Mat outside = s.mask == 0;
        EXPECT_LT(cv::mean(change, outside)[0], 0.002);
        // Inside: visibly changed on average.
        EXPECT_GT(cv::mean(change, s.mask)[0], 0.05);
    }
}

TEST_P(DefectKinds, SizesVary) {
    int smallest = 1 << 30, largest = 0;
    for (uint64_t seed = 0; seed < 16; ++seed) {
        const int area = cv::countNonZero(synth().defect_sample(GetParam(), seed, 256).mask);
        smallest = std::min(smallest, area), largest = std::max(largest, area);
    }
    EXPECT_GT(largest, 2.5 * smallest) << "smallest " << smallest << ", largest " << largest;
}

INSTANTIATE_TEST_SUITE_P(Sample, DefectKinds, ::testing::ValuesIn(k_defect_kinds),
                         [](const auto& info) { return std::string(defect_kind_name(info.param)); });

TEST(SampleSynthesizer, OtherSizesAndPhotos) {
    test::TempDir dir;
    cv::Mat photo(200, 300, CV_8UC3);
    cv::randu(photo, 0, 256);
    ASSERT_TRUE(cv::imwrite((dir / "photo.png").string(), photo));
    const SampleSynthesizer own(dir / "photo.png");
    const DefectSample s = own.defect_sample(DefectKind::Hole, 3, 96);
    EXPECT_EQ(s.defective.size(), cv::Size(96, 96));
    EXPECT_GT(cv::countNonZero(s.mask), 0);

    ASSERT_TRUE(cv::imwrite((dir / "tiny.png").string(), cv::Mat(100, 300, CV_8UC3, cv::Scalar::all(9))));
    try {
        SampleSynthesizer tiny(dir / "tiny.png");
        FAIL() << "a 100 px photo was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find((dir / "tiny.png").string()), std::string::npos);
    }
    EXPECT_THROW(SampleSynthesizer(dir / "absent.png"), Error);
}

// --- on disk -------------------------------------------------------------------------------------------

// Relative path -> FNV-1a hash of the bytes, for every file under root.
std::map<std::string, uint64_t> hash_tree(const fs::path& root) {
    std::map<std::string, uint64_t> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file())
            continue;
        std::ifstream in(e.path(), std::ios::binary);
        uint64_t h = 1469598103934665603ull;
        for (char c; in.get(c);)
            h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        out[e.path().lexically_relative(root).generic_string()] = h;
    }
    return out;
}

SampleProductConfig small_config(const fs::path& dir, uint64_t seed) {
    SampleProductConfig c;
    c.output_dir = dir;
    c.seed = seed;
    c.train_good = 4;
    c.test_good = 2;
    c.test_per_defect = 2;
    c.image_size = 128;
    return c;
}

TEST(SampleProduct, SameSeedGivesByteIdenticalFiles) {
    test::TempDir dir;
    generate_sample_product(small_config(dir / "a", 11));
    generate_sample_product(small_config(dir / "b", 11));
    generate_sample_product(small_config(dir / "c", 12));
    const auto a = hash_tree(dir / "a"), b = hash_tree(dir / "b"), c = hash_tree(dir / "c");
    EXPECT_EQ(a.size(), 4u + 2u + 5 * 2 * 2 + 1);  // images, masks, README.txt
    EXPECT_EQ(a, b);
    ASSERT_EQ(a.size(), c.size());
    int differing = 0;
    for (const auto& [path, hash] : a)
        differing += c.at(path) != hash;
    EXPECT_EQ(differing, int(a.size()));  // every image, every mask, and README.txt (it names the seed)
}

TEST(SampleProduct, DefaultProductHasTheExpectedLayoutAndLoads) {
    test::TempDir dir;
    SampleProductConfig config;
    config.output_dir = dir / "brick";
    int calls = 0;
    config.progress = [&](const Progress& p) {
        EXPECT_EQ(p.total, 140);
        ++calls;
        return true;
    };
    const SampleProductResult result = generate_sample_product(config);
    EXPECT_EQ(calls, 141);
    EXPECT_EQ(result.root, dir / "brick");
    EXPECT_EQ(result.name, "brick");
    EXPECT_EQ(result.train_images, 80);
    EXPECT_EQ(result.test_images, 60);
    const std::vector<std::string> types{"color", "foreign_material", "hole", "scratch", "stain"};
    EXPECT_EQ(result.defect_types, types);
    EXPECT_TRUE(fs::exists(dir / "brick/train/good/079.png"));
    EXPECT_TRUE(fs::exists(dir / "brick/test/scratch/007.png"));
    EXPECT_TRUE(fs::exists(dir / "brick/ground_truth/scratch/007_mask.png"));
    EXPECT_FALSE(fs::exists(dir / ".brick.generating"));

    const MvtecProduct p = load_mvtec_product(dir / "brick").take();
    EXPECT_TRUE(p.issues.empty()) << p.issues.front().message();
    EXPECT_EQ(p.name, "brick");
    EXPECT_EQ(p.train.size(), 80u);
    EXPECT_EQ(p.test.size(), 60u);
    EXPECT_EQ(p.defect_types, types);
    int defects = 0;
    for (const auto& r : p.test) {
        const RecordImages images = load_record(r).take();
        EXPECT_EQ(images.image.size(), cv::Size(256, 256));
        const int area = cv::countNonZero(images.mask);
        if (r.is_good()) {
            EXPECT_EQ(area, 0);
        } else {
            ++defects;
            EXPECT_GT(area, 0) << r.relative_path;
            EXPECT_LT(area, 256 * 256 / 5) << r.relative_path;
        }
    }
    EXPECT_EQ(defects, 40);
}

TEST(SampleProduct, CancelledRunLeavesNothing) {
    test::TempDir dir;
    SampleProductConfig config = small_config(dir / "p", 1);
    int calls = 0;
    config.progress = [&](const Progress&) { return ++calls < 5; };
    EXPECT_THROW(generate_sample_product(config), Cancelled);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(SampleProduct, RefusesToReplaceFoldersItDidNotMake) {
    test::TempDir dir;
    test::write_text(dir / "mine/keep.txt", "precious");
    SampleProductConfig config = small_config(dir / "mine", 1);
    EXPECT_THROW(generate_sample_product(config), Error);
    config.overwrite = true;
    EXPECT_THROW(generate_sample_product(config), Error);
    EXPECT_TRUE(fs::exists(dir / "mine/keep.txt"));

    config.output_dir = dir / "sample";
    generate_sample_product(config);
    config.seed = 2;
    generate_sample_product(config);  // replacing its own product is fine
    EXPECT_TRUE(fs::exists(dir / "sample/train/good/000.png"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 2);
}

TEST(SampleProduct, RejectsBadConfig) {
    test::TempDir dir;
    SampleProductConfig config = small_config(dir / "p", 1);
    config.image_size = 10;
    EXPECT_THROW(generate_sample_product(config), Error);
    config = small_config(dir / "p", 1);
    config.train_good = 0;
    EXPECT_THROW(generate_sample_product(config), Error);
    config = small_config(dir / "p", 1);
    config.source_photo = dir / "missing.jpg";
    EXPECT_THROW(generate_sample_product(config), Error);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

// A contact sheet of defects for people to judge realism: rows of defective images, each followed by the same
// images with the mask outlined. Written to $KENSA_CONTACT_SHEET when set.
TEST(SampleProduct, ContactSheet) {
    const int tile = 256, columns = 6;
    cv::Mat3b sheet(tile * 2 * int(k_defect_kinds.size()), tile * columns, cv::Vec3b(0, 0, 0));
    for (size_t k = 0; k < k_defect_kinds.size(); ++k) {
        for (int col = 0; col < columns; ++col) {
            const DefectSample s = synth().defect_sample(k_defect_kinds[k], 1000 + col, tile);
            ASSERT_GT(cv::countNonZero(s.mask), 0);
            cv::Mat bgr;
            cv::cvtColor(s.defective, bgr, cv::COLOR_RGB2BGR);
            bgr.convertTo(bgr, CV_8U, 255);
            bgr.copyTo(sheet(cv::Rect(col * tile, int(2 * k) * tile, tile, tile)));
            std::vector<std::vector<cv::Point>> contours;
            cv::findContours(s.mask, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
            cv::drawContours(bgr, contours, -1, cv::Scalar(255, 255, 0), 1);
            bgr.copyTo(sheet(cv::Rect(col * tile, int(2 * k + 1) * tile, tile, tile)));
        }
        cv::putText(sheet, std::string(defect_kind_name(k_defect_kinds[k])), {6, int(2 * k) * tile + 20},
                    cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(255, 255, 255), 2);
    }
    const char* out = std::getenv("KENSA_CONTACT_SHEET");
    test::TempDir dir;
    const fs::path path = out && *out ? fs::path(out) : dir / "sheet.png";
    ASSERT_TRUE(cv::imwrite(path.string(), sheet));
    EXPECT_EQ(cv::imread(path.string()).size(), sheet.size());
}

}  // namespace
}  // namespace kensa::data
