#include <kensa/project/project_images.h>

#include <kensa/data/sample_product.h>
#include <kensa/project/project_file.h>

#include "temp_dir.h"

#include <gtest/gtest.h>

namespace kensa::project {
namespace {
namespace fs = std::filesystem;

TEST(ProjectImages, FolderImagesAreAddedOnceWithTheRoleLabel) {
    test::TempDir dir;
    for (const char* name : {"b.png", "a.jpg", "sub/c.bmp", "notes.txt"})
        test::write_text(dir / "good" / name, "x");
    Project p;
    const auto r = add_image_folder(p, dir / "good", ImageRole::Train).take();
    EXPECT_EQ(r.added, 3);
    ASSERT_EQ(p.images.size(), 3u);
    EXPECT_EQ(p.images[0].path, dir / "good" / "a.jpg");
    EXPECT_EQ(p.images[0].label, Label::Normal);
    EXPECT_EQ(p.sources.size(), 1u);

    const auto again = add_image_folder(p, dir / "good", ImageRole::Test).take();
    EXPECT_EQ(again.added, 0);
    EXPECT_EQ(again.already_present, 3);

    test::write_text(dir / "review" / "x.png", "x");
    add_image_folder(p, dir / "review", ImageRole::Test).take();
    EXPECT_EQ(p.images.back().label, Label::Unlabelled);
    EXPECT_EQ(p.images.back().role, ImageRole::Test);
    EXPECT_FALSE(add_image_folder(p, dir / "missing", ImageRole::Test).ok());
}

TEST(ProjectImages, NamesThatAreNotUtf8OrNotFilesAreReportedAndTheProjectStillSaves) {
    test::TempDir dir;
    test::write_text(dir / "good" / "a.png", "x");
    test::write_text(dir / "good" / "Pr\xfc" "fteil.png", "x");  // Latin-1: JSON cannot hold the name
    fs::create_symlink(dir / "gone.png", dir / "good" / "broken.png");
    Project p;
    const auto r = add_image_folder(p, dir / "good", ImageRole::Train).take();
    EXPECT_EQ(r.added, 1);
    ASSERT_EQ(r.issues.size(), 2u);
    EXPECT_NE(r.issues[0].find("broken.png: a broken symbolic link"), std::string::npos) << r.issues[0];
    EXPECT_NE(r.issues[1].find("not valid UTF-8"), std::string::npos) << r.issues[1];
    EXPECT_NO_THROW(save_project(p, dir / "project"));
    EXPECT_EQ(load_project(dir / "project").take().images.size(), 1u);
}

TEST(ProjectImages, MvtecImportKeepsGroundTruthAndTypes) {
    test::TempDir dir;
    data::SampleProductConfig cfg;
    cfg.output_dir = dir / "sample";
    cfg.train_good = 3;
    cfg.test_good = 2;
    cfg.test_per_defect = 1;
    cfg.image_size = 64;
    const auto sample = data::generate_sample_product(cfg);
    Project p;
    const auto r = import_mvtec_product(p, sample.root).take();
    EXPECT_EQ(r.added, 3 + 2 + 5);
    EXPECT_EQ(p.defect_types.size(), 5u);
    int defects = 0;
    for (const auto& e : p.images) {
        if (e.label != Label::Defect)
            continue;
        ++defects;
        EXPECT_EQ(e.role, ImageRole::Test);
        EXPECT_FALSE(e.defect_type.empty());
        EXPECT_TRUE(fs::exists(e.source_mask)) << e.source_mask;
    }
    EXPECT_EQ(defects, 5);
    EXPECT_EQ(training_mode(p), TrainingMode::NormalOnly);
    EXPECT_FALSE(import_mvtec_product(p, dir.path()).ok());
}

}  // namespace
}  // namespace kensa::project

TEST(ProjectImages, RecordedPathsAreRelativeAndUniqueAcrossProducts) {
    using namespace kensa::project;
    namespace fs = std::filesystem;
    Project p;
    const fs::path folder = "/work/projects/widget";
    p.sources.push_back({"/data/mvtec/bottle", ImageSource::Kind::Mvtec, ImageRole::Test});
    // Inside one product: as kensa-cli names it. Elsewhere: relative to the project folder.
    EXPECT_EQ(recorded_image_path(p, folder, "/data/mvtec/bottle/test/crack/000.png"), "test/crack/000.png");
    EXPECT_EQ(recorded_image_path(p, folder, "/work/projects/widget/images/a.png"), "images/a.png");
    EXPECT_EQ(recorded_image_path(p, folder, "/work/shots/a.png"), "../../shots/a.png");
    // Two products: the product's folder name keeps their images apart.
    p.sources.push_back({"/data/mvtec/cable", ImageSource::Kind::Mvtec, ImageRole::Test});
    EXPECT_EQ(recorded_image_path(p, folder, "/data/mvtec/bottle/test/crack/000.png"), "bottle/test/crack/000.png");
    EXPECT_EQ(recorded_image_path(p, folder, "/data/mvtec/cable/test/crack/000.png"), "cable/test/crack/000.png");
}
