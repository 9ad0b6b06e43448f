#include <kensa/project/annotation_store.h>
#include <kensa/project/project_file.h>

#include <kensa/data/image_io.h>

#include "temp_dir.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <fstream>
#include <opencv2/core.hpp>

namespace kensa::project {
namespace {
namespace fs = std::filesystem;

Project example(const fs::path& folder) {
    Project p;
    p.name = "bottle caps";
    p.settings.image_size = 320;
    p.settings.epochs = 3;
    p.settings.diffusion_epochs = 7;
    p.settings.method = "patchcore";
    p.settings.training_mode = "anomaly";
    p.settings.synthetic_defects = true;
    p.settings.synthetic_share = 0.25;
    p.settings.active_model = "model-1.kensa";
    p.settings.smallest_defect = 12;
    p.settings.synthetic_generators =
        std::vector<SyntheticGeneratorSetting>{{"scratch", {{"min_width", 2.0}, {"max_width", 5.5}}}, {"confetti", {}}};
    p.sources.push_back({folder / "images", ImageSource::Kind::Folder, ImageRole::Train});
    p.sources.push_back({"/elsewhere/mvtec/bottle", ImageSource::Kind::Mvtec, ImageRole::Train});
    ensure_defect_type(p, "scratch");
    ensure_defect_type(p, "dent");
    ImageEntry a;
    a.path = folder / "images" / "a.png";
    a.label = Label::Normal;
    ImageEntry b;
    b.path = "/elsewhere/mvtec/bottle/test/dent/000.png";
    b.role = ImageRole::Test;
    b.label = Label::Defect;
    b.defect_type = "dent";
    b.flagged = true;
    b.mask = "annotations/bottle/test/dent/000_mask.png";
    b.mask_pixels = 42;
    b.source_mask = "/elsewhere/mvtec/bottle/ground_truth/dent/000_mask.png";
    b.review = ReviewDecision::Ok;
    p.images = {a, b};
    return p;
}

TEST(ProjectFile, CreateMakesTheFolderLayout) {
    test::TempDir dir;
    const auto p = create_project(dir / "caps").take();
    EXPECT_EQ(p.name, "caps");
    EXPECT_TRUE(is_project_folder(dir / "caps"));
    EXPECT_TRUE(fs::is_directory(dir / "caps" / k_annotations_dir));
    EXPECT_TRUE(fs::is_directory(dir / "caps" / k_models_dir));
    const auto again = create_project(dir / "caps");
    ASSERT_FALSE(again.ok());
    EXPECT_NE(again.error().message().find("already holds"), std::string::npos);
}

TEST(ProjectFile, SaveThenLoadGivesTheSameProject) {
    test::TempDir dir;
    const Project p = example(dir.path());
    save_project(p, dir.path());
    const Project loaded = load_project(dir.path()).take();
    EXPECT_EQ(loaded, p);
    EXPECT_FALSE(fs::exists(dir / (std::string(k_project_file_name) + ".partial")));
}

TEST(ProjectFile, PathsInsideTheFolderAreStoredRelative) {
    test::TempDir dir;
    save_project(example(dir.path()), dir.path());
    test::TempDir moved;
    fs::rename(dir / k_project_file_name, moved / k_project_file_name);
    const Project loaded = load_project(moved.path()).take();
    EXPECT_EQ(loaded.images[0].path, moved / "images" / "a.png");
    EXPECT_EQ(loaded.images[1].path, fs::path("/elsewhere/mvtec/bottle/test/dent/000.png"));
}

TEST(ProjectFile, ModeFollowsMarkedDefectsNotImportedGroundTruth) {
    test::TempDir dir;
    Project p = example(dir.path());
    EXPECT_EQ(training_mode(p), TrainingMode::AnomalyAvailable);
    p.images[1].mask_pixels = 0;  // erased everything
    EXPECT_EQ(training_mode(p), TrainingMode::NormalOnly);
    p.images[1].mask.clear();
    p.images[1].mask_pixels = 10;
    EXPECT_EQ(training_mode(p), TrainingMode::NormalOnly);  // source_mask alone is ground truth
    EXPECT_NE(project_to_json(p, dir.path()).find("\"normal-only\""), std::string::npos);
}

TEST(ProjectFile, ClassificationModeFollowsAnomalousTrainingImages) {
    test::TempDir dir;
    Project p = example(dir.path());
    p.images[1].mask.clear();  // no masks in classification
    p.images[1].mask_pixels = 0;
    p.settings.task = ProjectTask::Classification;
    EXPECT_EQ(training_mode(p), TrainingMode::NormalOnly);  // the defect image is a test image
    p.images[1].role = ImageRole::Train;
    EXPECT_EQ(training_mode(p), TrainingMode::AnomalyAvailable);  // a whole anomalous image to learn from
    p.settings.task = ProjectTask::Inspection;
    EXPECT_EQ(training_mode(p), TrainingMode::NormalOnly);  // inspection needs a marked mask
}

TEST(ProjectFile, ReviewDecisionsRoundTripAndOlderFilesHaveNone) {
    test::TempDir dir;
    Project p = example(dir.path());
    p.images[0].review = ReviewDecision::Ng;
    save_project(p, dir.path());
    const std::string text = project_to_json(p, dir.path());
    EXPECT_NE(text.find("\"review\": \"ng\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"review\": \"ok\""), std::string::npos) << text;
    EXPECT_EQ(load_project(dir.path()).take(), p);

    // A file written before reviews existed: no "review" key, every image unreviewed.
    test::write_text(dir / k_project_file_name,
                     "{\"format\":\"kensa-project\",\"format_version\":1,\"images\":[{\"path\":\"a.png\","
                     "\"role\":\"test\",\"label\":\"defect\",\"defect_type\":\"dent\"}]}");
    const Project old = load_project(dir.path()).take();
    ASSERT_EQ(old.images.size(), 1u);
    EXPECT_EQ(old.images[0].review, ReviewDecision::None);
    EXPECT_EQ(project_to_json(old, dir.path()).find("\"review\""), std::string::npos);  // none: not written

    test::write_text(dir / k_project_file_name,
                     "{\"format\":\"kensa-project\",\"format_version\":1,\"images\":[{\"path\":\"a.png\","
                     "\"role\":\"test\",\"label\":\"normal\",\"review\":\"maybe\"}]}");
    const auto bad = load_project(dir.path());
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message().find("unknown review decision 'maybe'"), std::string::npos);
}

TEST(ProjectFile, TheTaskRoundTripsAndIsWrittenByName) {
    test::TempDir dir;
    Project p = example(dir.path());
    p.settings.task = ProjectTask::Classification;
    p.settings.image_size = 32;
    save_project(p, dir.path());
    EXPECT_NE(project_to_json(p, dir.path()).find("\"task\": \"classification\""), std::string::npos);
    const Project loaded = load_project(dir.path()).take();
    EXPECT_EQ(loaded.settings.task, ProjectTask::Classification);
    EXPECT_EQ(loaded, p);

    p.settings.task = ProjectTask::Inspection;
    save_project(p, dir.path());
    EXPECT_NE(project_to_json(p, dir.path()).find("\"task\": \"inspection\""), std::string::npos);
    EXPECT_EQ(load_project(dir.path()).take().settings.task, ProjectTask::Inspection);
}

struct BadFile {
    const char* text;
    const char* expected;
};

class ProjectFileErrors : public ::testing::TestWithParam<BadFile> {};

TEST_P(ProjectFileErrors, NameTheFileAndTheReason) {
    test::TempDir dir;
    test::write_text(dir / k_project_file_name, GetParam().text);
    const auto r = load_project(dir.path());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message().find(k_project_file_name), std::string::npos) << r.error().message();
    EXPECT_NE(r.error().message().find(GetParam().expected), std::string::npos) << r.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    All, ProjectFileErrors,
    ::testing::Values(
        BadFile{"{\"format\": \"kensa-pro", "not valid JSON"}, BadFile{"{}", "not a Kensa project"},
        BadFile{"{\"format\":\"kensa-project\",\"format_version\":99}", "newer Kensa"},
        BadFile{"{\"format\":\"kensa-project\",\"format_version\":1,\"images\":[{\"path\":\"a.png\","
                "\"role\":\"side\",\"label\":\"normal\"}]}",
                "unknown image role"},
        BadFile{"{\"format\":\"kensa-project\",\"format_version\":1,\"images\":[{\"path\":\"a.png\","
                "\"role\":\"test\",\"label\":\"normal\",\"mask\":\"../x_mask.png\"}]}",
                "outside the project"},
        BadFile{"{\"format\":\"kensa-project\",\"format_version\":1,\"defect_types\":[{\"name\":\"a\","
                "\"color\":\"red\"}]}",
                "#rrggbb"},
        BadFile{"{\"format\":\"kensa-project\",\"format_version\":1,\"settings\":{\"training_mode\":"
                "\"defects\"}}",
                "not one of auto, normal, anomaly"},
        BadFile{"{\"format\":\"kensa-project\",\"format_version\":1,\"settings\":{\"task\":\"sorting\"}}",
                "settings.task 'sorting' is not one of inspection, classification"},
        BadFile{"{\"format\":\"kensa-project\",\"format_version\":1,\"settings\":{\"task\":2}}",
                "settings.task '2'"},
        BadFile{"{\"format\":\"kensa-project\",\"format_version\":1,\"settings\":{\"tile\":256,"
                "\"smallest_defect\":10}}",
                "not both set"},
        BadFile{"{\"format\":\"kensa-project\",\"format_version\":1,\"settings\":{\"synthetic_generators\":"
                "[{\"id\":\"scratch\",\"params\":{\"min_width\":\"wide\"}}]}}",
                "synthetic_generators"}));

TEST(ProjectFile, OlderFilesWithoutTrainingDefectSettingsGetTheDefaults) {
    test::TempDir dir;
    fs::create_directories(dir.path());
    std::ofstream(dir / k_project_file_name)
        << R"({"format":"kensa-project","format_version":1,"settings":{"epochs":10}})";
    const Project p = load_project(dir.path()).take();
    EXPECT_EQ(p.settings.epochs, 10);  // what the file says
    EXPECT_EQ(p.settings.training_mode, "auto");
    EXPECT_EQ(p.settings.method, "adtr");  // written before there were methods
    EXPECT_EQ(p.settings.task, ProjectTask::Inspection);  // written before there were tasks
    EXPECT_EQ(p.settings.diffusion_epochs, 150);  // written before the diffusion denoiser
    EXPECT_FALSE(p.settings.synthetic_defects);
    EXPECT_EQ(p.settings.synthetic_share, 0.4);
    EXPECT_EQ(p.settings.tile, 0);  // written before tiling: the whole image
    EXPECT_EQ(p.settings.smallest_defect, 0);
    EXPECT_FALSE(p.settings.synthetic_generators.has_value());  // every generator at its defaults
}

TEST(ProjectFile, MissingProjectIsAClearError) {
    test::TempDir dir;
    const auto r = load_project(dir / "nowhere");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message().find("does not exist"), std::string::npos);
    const auto r2 = load_project(dir.path());
    ASSERT_FALSE(r2.ok());
    EXPECT_NE(r2.error().message().find("no Kensa project"), std::string::npos);
}

// Found by tests/fuzz (UBSan): a number out of an int's range was converted anyway.
TEST(ProjectFile, NumbersOutOfRangeAndPipesAreClearErrors) {
    test::TempDir dir;
    const auto file = dir / k_project_file_name;
    const auto error_for = [&](const std::string& text) {
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
        const auto r = load_project(dir.path());
        return r.ok() ? std::string("loaded") : r.error().message();
    };
    auto message = error_for(R"({"format":"kensa-project","format_version":1.8e100})");
    EXPECT_NE(message.find("format_version is out of range"), std::string::npos) << message;
    EXPECT_NE(message.find(k_project_file_name), std::string::npos) << message;
    message = error_for(R"({"format":"kensa-project","format_version":1,"settings":{"epochs":1e10}})");
    EXPECT_NE(message.find("settings.epochs is out of range"), std::string::npos) << message;
    message = error_for(R"({"format":"kensa-project","format_version":1,"images":[{"path":"a.png","role":"train",)"
                        R"("label":"normal","mask_pixels":-1e300}]})");
    EXPECT_NE(message.find("mask_pixels is out of range"), std::string::npos) << message;
    // A project file that is a named pipe: an error, not an app that waits for a writer forever.
    std::filesystem::remove(file);
    ASSERT_EQ(::mkfifo(file.c_str(), 0644), 0);
    const auto pipe = load_project(dir.path());
    ASSERT_FALSE(pipe.ok());
    EXPECT_NE(pipe.error().message().find("named pipe"), std::string::npos) << pipe.error().message();
}

TEST(AnnotationStore, MasksAreMvtecPngsWithUniqueNames) {
    test::TempDir dir;
    Project p;
    p.sources.push_back({dir / "product" / "test", ImageSource::Kind::Folder, ImageRole::Test});
    for (const char* rel : {"crack/000.png", "hole/000.png"}) {
        ImageEntry e;
        e.path = dir / "product" / "test" / rel;
        p.images.push_back(e);
    }
    EXPECT_EQ(annotation_path(p, 0), fs::path("annotations/test/crack/000_mask.png"));
    p.images[1].path = dir / "product" / "test" / "crack" / "000.png";  // a same-named image elsewhere
    p.images[0].mask = annotation_path(p, 0);
    EXPECT_EQ(annotation_path(p, 1), fs::path("annotations/test/crack/000_2_mask.png"));

    cv::Mat mask(4, 5, CV_8UC1, cv::Scalar(0));
    mask.at<uint8_t>(1, 2) = 1;  // any nonzero value counts as defect
    mask.at<uint8_t>(3, 4) = 200;
    EXPECT_EQ(save_mask(dir.path(), p.images[0].mask, mask), 2);
    p.images[0].mask_pixels = 2;
    const cv::Mat back = load_mask(p, dir.path(), 0).take();
    ASSERT_EQ(back.size(), mask.size());
    EXPECT_EQ(back.at<uint8_t>(1, 2), 255);
    EXPECT_EQ(back.at<uint8_t>(3, 4), 255);
    EXPECT_EQ(cv::countNonZero(back), 2);
    EXPECT_TRUE(load_mask(p, dir.path(), 1).take().empty());
}

// A 250-byte image name leaves no room for "_mask.png" in 255 bytes: the mask gets a shortened name
// (which the project records) instead of failing to save.
TEST(AnnotationStore, AnImageNameNearTheLimitStillGetsAMask) {
    test::TempDir dir;
    Project p;
    p.sources.push_back({dir / "product" / "test", ImageSource::Kind::Folder, ImageRole::Test});
    ImageEntry e;
    e.path = dir / "product" / "test" / "crack" / (std::string(246, 'x') + ".png");
    p.images.push_back(e);
    p.images[0].mask = annotation_path(p, 0);
    EXPECT_LE(p.images[0].mask.filename().string().size(), 255u);
    EXPECT_TRUE(p.images[0].mask.filename().string().ends_with("_mask.png"));
    EXPECT_EQ(save_mask(dir.path(), p.images[0].mask, cv::Mat(3, 3, CV_8UC1, cv::Scalar(255))), 9);
    EXPECT_EQ(cv::countNonZero(load_mask(p, dir.path(), 0).take()), 9);
}

}  // namespace
}  // namespace kensa::project
