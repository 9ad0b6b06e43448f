#include <kensa/data/mvtec_product.h>

#include "../support/unprivileged.h"
#include "temp_dir.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace kensa::data {
namespace {

namespace fs = std::filesystem;

void write_png(const fs::path& path, cv::Size size, int value) {
    fs::create_directories(path.parent_path());
    ASSERT_TRUE(cv::imwrite(path.string(), cv::Mat(size, CV_8UC3, cv::Scalar::all(value))));
}

void write_mask(const fs::path& path, cv::Size size, cv::Rect defect) {
    fs::create_directories(path.parent_path());
    cv::Mat m(size, CV_8UC1, cv::Scalar(0));
    m(defect).setTo(255);
    ASSERT_TRUE(cv::imwrite(path.string(), m));
}

std::vector<std::string> rel(const std::vector<ImageRecord>& records) {
    std::vector<std::string> out;
    for (const auto& r : records)
        out.push_back(r.relative_path.generic_string());
    return out;
}

const DatasetIssue* issue_for(const MvtecProduct& p, const fs::path& path) {
    auto it =
        std::find_if(p.issues.begin(), p.issues.end(), [&](const DatasetIssue& i) { return i.path == path; });
    return it == p.issues.end() ? nullptr : &*it;
}

// A tiny product "widget": 3 readable train images + 1 broken, 1 good / 2 crack / 1 hole test images.
class TinyProduct : public ::testing::Test {
protected:
    void SetUp() override {
        const cv::Size s(12, 10);
        m_root = m_dir / "widget";
        write_png(m_root / "train/good/001.png", s, 100);
        write_png(m_root / "train/good/000.png", s, 110);
        write_png(m_root / "train/good/002.png", s, 120);
        test::write_text(m_root / "train/good/003.png", "not really a png");
        test::write_text(m_root / "train/good/notes.txt", "hello");
        test::write_text(m_root / "train/good/.DS_Store", "junk");
        write_png(m_root / "test/good/000.png", s, 100);
        write_png(m_root / "test/crack/001.png", s, 30);
        write_png(m_root / "test/crack/000.png", s, 20);
        write_png(m_root / "test/hole/000.png", s, 10);
        write_mask(m_root / "ground_truth/crack/000_mask.png", s, {2, 3, 4, 2});  // 8 defect pixels
        write_mask(m_root / "ground_truth/hole/000_mask.png", s, {0, 0, 1, 1});
        write_mask(m_root / "ground_truth/crack/007_mask.png", s, {0, 0, 1, 1});  // no such image
        test::write_text(m_root / "license.txt", "root files are fine");
    }
    test::TempDir m_dir;
    fs::path m_root;
};

TEST_F(TinyProduct, ListsRecordsInOrderWithTypesAndMasks) {
    auto loaded = load_mvtec_product(m_root);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message();
    const MvtecProduct& p = *loaded;
    EXPECT_EQ(p.name, "widget");
    EXPECT_EQ(rel(p.train), (std::vector<std::string>{"good/000.png", "good/001.png", "good/002.png"}));
    EXPECT_EQ(rel(p.test),
              (std::vector<std::string>{"crack/000.png", "crack/001.png", "good/000.png", "hole/000.png"}));
    EXPECT_EQ(p.defect_types, (std::vector<std::string>{"crack", "hole"}));
    for (const auto& r : p.train) {
        EXPECT_TRUE(r.is_good());
        EXPECT_FALSE(r.mask_path);
    }
    EXPECT_EQ(p.test[0].defect_type, "crack");
    EXPECT_EQ(p.test[0].image_path, m_root / "test/crack/000.png");
    EXPECT_EQ(p.test[0].mask_path, m_root / "ground_truth/crack/000_mask.png");
    EXPECT_FALSE(p.test[1].mask_path);  // crack/001 has none
    EXPECT_TRUE(p.test[2].is_good());
    EXPECT_EQ(p.test[3].mask_path, m_root / "ground_truth/hole/000_mask.png");
}

TEST_F(TinyProduct, ReportsSkippedAndIncompleteFiles) {
    const MvtecProduct p = load_mvtec_product(m_root).take();
    const auto* broken = issue_for(p, m_root / "train/good/003.png");
    ASSERT_NE(broken, nullptr);
    EXPECT_NE(broken->reason.find("unreadable"), std::string::npos) << broken->reason;
    EXPECT_NE(broken->reason.find("not a supported image"), std::string::npos) << broken->reason;
    EXPECT_EQ(broken->reason.find(m_root.string()), std::string::npos) << "path repeated: " << broken->reason;
    EXPECT_EQ(broken->message().rfind((m_root / "train/good/003.png").string() + ": unreadable", 0), 0u);
    ASSERT_NE(issue_for(p, m_root / "train/good/notes.txt"), nullptr);
    const auto* no_mask = issue_for(p, m_root / "test/crack/001.png");
    ASSERT_NE(no_mask, nullptr);
    EXPECT_NE(no_mask->reason.find("without a mask"), std::string::npos);
    EXPECT_NE(no_mask->message().find((m_root / "ground_truth/crack/001_mask.png").string()),
              std::string::npos);
    ASSERT_NE(issue_for(p, m_root / "ground_truth/crack/007_mask.png"), nullptr);
    EXPECT_EQ(p.issues.size(), 4u);  // .DS_Store and the root license.txt are not issues
}

TEST_F(TinyProduct, LinksThatLeadNowhereAreNamedAndSkipped) {
    fs::create_symlink(m_root / "test/crack/gone.png", m_root / "test/crack/002.png");
    fs::create_symlink("/dev/zero", m_root / "train/good/zero.png");
    fs::create_symlink(m_root / "train/good/loop.png", m_root / "train/good/loop.png");
    const MvtecProduct p = load_mvtec_product(m_root).take();
    const auto* broken = issue_for(p, m_root / "test/crack/002.png");
    ASSERT_NE(broken, nullptr);
    EXPECT_NE(broken->reason.find("broken symbolic link"), std::string::npos) << broken->reason;
    const auto* zero = issue_for(p, m_root / "train/good/zero.png");
    ASSERT_NE(zero, nullptr);
    EXPECT_NE(zero->reason.find("a device"), std::string::npos) << zero->reason;
    ASSERT_NE(issue_for(p, m_root / "train/good/loop.png"), nullptr);
    EXPECT_EQ(rel(p.train), (std::vector<std::string>{"good/000.png", "good/001.png", "good/002.png"}));
}

// A defect-type folder nobody may list: that type is reported and left out, the rest of the product loads.
// Root reads every folder, so as root the load runs in a child process that has become "nobody".
TEST_F(TinyProduct, AnUnlistableTypeFolderIsReportedNotFatal) {
    write_png(m_root / "test/stain/000.png", {12, 10}, 50);
    fs::permissions(m_dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                      fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(m_root / "test/stain", fs::perms::none);
    const int code = test::exit_code_unprivileged([&] {
        MvtecLoadOptions options;
        options.check_images = false;
        const auto p = load_mvtec_product(m_root, options);
        if (!p.ok())
            return 11;  // the whole load failed
        const auto* issue = issue_for(*p, m_root / "test/stain");
        if (!issue || issue->reason.find("Permission denied") == std::string::npos)
            return 12;
        if (std::any_of(p->test.begin(), p->test.end(), [](const ImageRecord& r) { return r.defect_type == "stain"; }))
            return 13;
        if (p->test.size() != 4)
            return 14;
        return 0;
    });
    fs::permissions(m_root / "test/stain", fs::perms::owner_all);
    if (code == test::kCannotDropRoot)
        GTEST_SKIP() << "running as root, which no permission binds, and cannot become nobody";
    EXPECT_EQ(code, 0) << "11: load failed, 12: no issue, 13: stain listed, 14: wrong test count, 121: threw";
}

TEST_F(TinyProduct, LoadsRecordImagesAndMasks) {
    const MvtecProduct p = load_mvtec_product(m_root).take();
    const RecordImages crack = load_record(p.test[0]).take();
    EXPECT_EQ(crack.image.type(), CV_32FC3);
    EXPECT_EQ(crack.image.size(), cv::Size(12, 10));
    EXPECT_NEAR(crack.image.at<cv::Vec3f>(0, 0)[0], 20 / 255.f, 1e-6);
    ASSERT_EQ(crack.mask.type(), CV_8UC1);
    EXPECT_EQ(cv::countNonZero(crack.mask), 8);
    EXPECT_EQ(crack.mask.at<uchar>(3, 2), 255);
    const RecordImages good = load_record(p.test[2]).take();
    EXPECT_EQ(good.mask.size(), cv::Size(12, 10));
    EXPECT_EQ(cv::countNonZero(good.mask), 0);
    EXPECT_TRUE(load_record(p.test[1]).take().mask.empty());  // mask missing: unknown, not "no defect"
}

TEST_F(TinyProduct, MaskOfWrongSizeIsAnErrorNamingBothFiles) {
    write_mask(m_root / "ground_truth/hole/000_mask.png", {12, 11}, {0, 0, 1, 1});
    auto loaded = load_mvtec_product(m_root);
    ASSERT_FALSE(loaded.ok());
    const std::string msg = loaded.error().message();
    EXPECT_NE(msg.find((m_root / "ground_truth/hole/000_mask.png").string()), std::string::npos) << msg;
    EXPECT_NE(msg.find((m_root / "test/hole/000.png").string()), std::string::npos) << msg;
    EXPECT_NE(msg.find("12x11"), std::string::npos) << msg;
    EXPECT_THROW((void)load_mvtec_product(m_root).take(), Error);

    // Without checking, names still load, and reading the record catches it.
    const MvtecProduct p = load_mvtec_product(m_root, {.check_images = false, .progress = {}}).take();
    auto record = load_record(p.test[3]);
    ASSERT_FALSE(record.ok());
    EXPECT_NE(record.error().message().find((m_root / "test/hole/000.png").string()), std::string::npos);
    EXPECT_NE(record.error().message().find((m_root / "ground_truth/hole/000_mask.png").string()),
              std::string::npos);
}

TEST_F(TinyProduct, WithoutCheckingImagesBrokenFilesStayListed) {
    const MvtecProduct p = load_mvtec_product(m_root, {.check_images = false, .progress = {}}).take();
    EXPECT_EQ(p.train.size(), 4u);
    EXPECT_FALSE(load_record(p.train[3]).ok());
}

TEST_F(TinyProduct, UnreadableTestImageAndMaskAreReported) {
    test::write_text(m_root / "test/hole/000.png", "");
    test::write_text(m_root / "ground_truth/crack/000_mask.png", "garbage");
    const MvtecProduct p = load_mvtec_product(m_root).take();
    EXPECT_EQ(rel(p.test), (std::vector<std::string>{"crack/000.png", "crack/001.png", "good/000.png"}));
    EXPECT_EQ(p.defect_types, (std::vector<std::string>{"crack"}));
    ASSERT_NE(issue_for(p, m_root / "test/hole/000.png"), nullptr);
    EXPECT_NE(issue_for(p, m_root / "test/hole/000.png")->reason.find("empty"), std::string::npos);
    ASSERT_NE(issue_for(p, m_root / "ground_truth/crack/000_mask.png"), nullptr);
    EXPECT_FALSE(p.test[0].mask_path);
}

TEST_F(TinyProduct, TrailingSlashKeepsTheName) {
    EXPECT_EQ(load_mvtec_product(m_root.string() + "/").take().name, "widget");
}

TEST_F(TinyProduct, ProgressCanCancel) {
    int calls = 0;
    MvtecLoadOptions options;
    options.progress = [&](const Progress& p) {
        EXPECT_EQ(p.stage, "checking images");
        EXPECT_EQ(p.total, 8);
        return ++calls < 3;
    };
    EXPECT_THROW((void)load_mvtec_product(m_root, options), Cancelled);
    EXPECT_EQ(calls, 3);
}

TEST_F(TinyProduct, MissingFoldersAreNamed) {
    fs::remove_all(m_root / "test");
    auto no_test = load_mvtec_product(m_root);
    ASSERT_FALSE(no_test.ok());
    EXPECT_NE(no_test.error().message().find((m_root / "test").string()), std::string::npos);
    fs::remove_all(m_root / "train/good");
    auto no_train = load_mvtec_product(m_root);
    ASSERT_FALSE(no_train.ok());
    EXPECT_NE(no_train.error().message().find((m_root / "train/good").string()), std::string::npos);
    EXPECT_FALSE(load_mvtec_product(m_dir / "nothing_here").ok());
}

TEST_F(TinyProduct, TrainWithoutReadableImagesIsAnError) {
    for (const char* f : {"000.png", "001.png", "002.png"})
        fs::remove(m_root / "train/good" / f);
    auto loaded = load_mvtec_product(m_root);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().message().find("no readable training images"), std::string::npos);
}

TEST_F(TinyProduct, AlternativeMaskNamesAreFound) {
    fs::rename(m_root / "ground_truth/hole/000_mask.png", m_root / "ground_truth/hole/000.png");
    const MvtecProduct p = load_mvtec_product(m_root).take();
    EXPECT_EQ(p.test[3].mask_path, m_root / "ground_truth/hole/000.png");
}

}  // namespace
}  // namespace kensa::data
