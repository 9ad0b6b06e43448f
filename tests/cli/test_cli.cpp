#include "cli_fixture.h"

#include <kensa/data/image_io.h>
#include <kensa/data/tiny/idx_file.h>
#include <kensa/io/safetensors.h>
#include <kensa/methods/adtr/adtr_options.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>

TEST_F(CliTest, UsageErrorsExitWithCode2) {
    EXPECT_EQ(run("").exit_code, 2);
    const auto unknown = run("frobnicate --data x");  // the verb is named, with the ones there are
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_TRUE(contains(unknown.err, "unknown command 'frobnicate'")) << unknown.err;
    EXPECT_TRUE(contains(unknown.err, "infer")) << unknown.err;
    const auto r = run("check");  // --data is required
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "--data")) << r.err;
    EXPECT_EQ(run("sample --out x --size 7").exit_code, 2);
}

TEST_F(CliTest, HelpAndVersionSucceed) {
    const auto r = run("--help");
    EXPECT_EQ(r.exit_code, 0);
    for (const auto* cmd : {"backbones", "check", "compare", "demo", "eval", "features", "infer", "sample", "train"})
        EXPECT_TRUE(contains(r.out, cmd)) << cmd;
    const auto version = run("--version");
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_TRUE(contains(version.out, std::string("kensa-cli ") + KENSA_PROJECT_VERSION)) << version.out;  // the package's
}

TEST_F(CliTest, CheckReportsAValidProduct) {
    const auto r = run("check --data " + make_product().string());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "3 train images, 2 test images")) << r.out;
    EXPECT_TRUE(contains(r.out, "test/dent")) << r.out;
}

TEST_F(CliTest, CheckOnAMissingFolderNamesIt) {
    const auto r = run("check --data " + (m_dir / "nowhere").string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, (m_dir / "nowhere").string())) << r.err;
}

TEST_F(CliTest, UnreadableImageIsAWarningAndStrictMakesItFail) {
    const auto root = make_product();
    std::ofstream(root / "train/good/broken.png") << "this is not a PNG";
    const auto r = run("check --data " + root.string());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "warning")) << r.err;
    EXPECT_TRUE(contains(r.err, (root / "train/good/broken.png").string())) << r.err;
    EXPECT_EQ(run("check --strict --data " + root.string()).exit_code, 1);
}

TEST_F(CliTest, MaskOfTheWrongSizeIsAnErrorNamingBothFiles) {
    const auto root = make_product();
    cv::imwrite((root / "ground_truth/dent/000_mask.png").string(),
                cv::Mat(32, 32, CV_8UC1, cv::Scalar(255)));
    const auto r = run("check --data " + root.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, (root / "test/dent/000.png").string())) << r.err;
    EXPECT_TRUE(contains(r.err, (root / "ground_truth/dent/000_mask.png").string())) << r.err;
}

TEST_F(CliTest, SampleRefusesToOverwriteAndIsDeterministic) {
    const auto a = m_dir / "a", b = m_dir / "b";
    const std::string small = " --train 2 --test-good 1 --per-defect 1 --size 64 --seed 5";
    ASSERT_EQ(run("sample --out " + a.string() + small).exit_code, 0);
    ASSERT_EQ(run("sample --out " + b.string() + small).exit_code, 0);
    EXPECT_EQ(slurp(a / "test/scratch/000.png"), slurp(b / "test/scratch/000.png"));
    const auto again = run("sample --out " + a.string() + small);
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_TRUE(contains(again.err, a.string())) << again.err;
    EXPECT_EQ(run("check --strict --data " + a.string()).exit_code, 0);
}

TEST_F(CliTest, FeaturesWritesGridsAndSkipsUnreadableFiles) {
    const auto dir = m_dir / "images";
    fs::create_directories(dir);
    cv::imwrite((dir / "a.png").string(), cv::Mat(70, 90, CV_8UC3, cv::Scalar(10, 20, 30)));
    cv::imwrite((dir / "b.jpg").string(), cv::Mat(64, 64, CV_8UC1, cv::Scalar(200)));
    std::ofstream(dir / "c.png") << "garbage";
    const auto out = m_dir / "features.safetensors";
    const auto r = run("features --random-init --backbone resnet18 --image-size 64 --input " + dir.string() +
                       " --out " + out.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, (dir / "c.png").string())) << r.err;
    const auto archive = kensa::io::read_safetensors(out);
    ASSERT_NE(archive.find("features"), nullptr);
    // resnet18 layer1-3: 64 + 128 + 256 channels; 64 px input -> the 8x8 minimum grid.
    EXPECT_EQ(archive.find("features")->shape, (std::vector<int64_t>{2, 448, 8, 8}));
    EXPECT_EQ(archive.metadata.at("images"), "a.png\nb.jpg");
}

TEST_F(CliTest, BadWeightsAreNamedNeverACrash) {
    const auto dir = m_dir / "images";
    fs::create_directories(dir);
    cv::imwrite((dir / "a.png").string(), cv::Mat(64, 64, CV_8UC3, cv::Scalar(1, 2, 3)));

    auto r = run("features --backbone resnet18 --weights " + (m_dir / "none.safetensors").string() +
                 " --input " + dir.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "none.safetensors")) << r.err;

    const auto corrupt = m_dir / "corrupt.safetensors";
    std::ofstream(corrupt) << "\x10\x00\x00\x00\x00\x00\x00\x00{\"a\":";
    r = run("features --backbone resnet18 --weights " + corrupt.string() + " --input " + dir.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, corrupt.string())) << r.err;

    // A valid file with the wrong tensors: the error names the file and a tensor.
    kensa::io::TensorArchive wrong;
    wrong.tensors.push_back({"conv1.weight", kensa::io::DType::F32, {1}, std::vector<std::byte>(4)});
    const auto wrong_path = m_dir / "wrong.safetensors";
    kensa::io::write_safetensors(wrong_path, wrong);
    r = run("features --backbone resnet18 --weights " + wrong_path.string() + " --input " + dir.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, wrong_path.string())) << r.err;
    EXPECT_TRUE(contains(r.err, "conv1.weight")) << r.err;

    r = run("features --backbone nonesuch --random-init --input " + dir.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "unknown backbone 'nonesuch'")) << r.err;
}

TEST_F(CliTest, MissingDefaultWeightsSayHowToGetThem) {
    const auto dir = m_dir / "images";
    fs::create_directories(dir);
    cv::imwrite((dir / "a.png").string(), cv::Mat(64, 64, CV_8UC3, cv::Scalar(1, 2, 3)));
    // resnet34's ImageNet weights are never installed on a machine without internet.
    const auto r = run("features --backbone resnet34 --input " + dir.string());
    if (r.exit_code == 0)
        GTEST_SKIP() << "resnet34 weights are installed here";
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "resnet34_imagenet.safetensors")) << r.err;
    EXPECT_TRUE(contains(r.err, "export_torchvision_backbone.py")) << r.err;
}

namespace {
// A tiny model: random-init ResNet-18 (no weights file needed), 64 px, a one-layer transformer.
const std::string kTinyTraining =
    " --random-init --backbone resnet18 --image-size 64 --hidden 64 --layers 1 --seed 3";
}  // namespace

TEST_F(CliTest, TrainInferEvalRoundTrip) {
    const auto product = make_product();
    const auto model = m_dir / "widget.kensa";
    auto r =
        run("train --data " + product.string() + " --out " + model.string() + " --epochs 2" + kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(fs::exists(model));
    EXPECT_TRUE(contains(r.out, "thresholds from held-out normal images")) << r.out;

    const auto out = m_dir / "maps";
    r = run("infer --model " + model.string() + " --input " + (product / "test").string() + " --out " +
            out.string() + " --overlays");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // One 32-bit float map per image at the image's own size, and the scores table.
    const cv::Mat map = cv::imread((out / "dent/000.tiff").string(), cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(map.empty());
    EXPECT_EQ(map.type(), CV_32FC1);
    EXPECT_EQ(map.size(), cv::Size(64, 64));
    EXPECT_TRUE(fs::exists(out / "good/000.overlay.png"));
    const auto csv = slurp(out / "scores.csv");
    EXPECT_EQ(csv.rfind("image,score,anomalous\n", 0), 0u) << csv;
    EXPECT_TRUE(contains(csv, "\ndent/000.png,")) << csv;
    EXPECT_TRUE(contains(csv, "\ngood/000.png,")) << csv;

    r = run("eval --json --model " + model.string() + " --data " + product.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "\"image_auroc\"")) << r.out;
    EXPECT_TRUE(contains(r.out, "\"dent\"")) << r.out;

    // One image file as the input: its map and its row, named after the file.
    const auto single = m_dir / "single";
    r = run("infer --model " + model.string() + " --input " + (product / "test/dent/000.png").string() + " --out " +
            single.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(single / "000.tiff"));
    EXPECT_TRUE(contains(slurp(single / "scores.csv"), "\n000.png,")) << slurp(single / "scores.csv");
    EXPECT_TRUE(contains(r.out, "1 images")) << r.out;
    std::ofstream(m_dir / "notes.txt") << "not an image";
    r = run("infer --model " + model.string() + " --input " + (m_dir / "notes.txt").string() + " --out " +
            single.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "notes.txt: not an image file Kensa reads")) << r.err;
}

TEST_F(CliTest, ATiledModelRecordsItsTilesAndMapsStayAtTheImageSize) {
    const auto product = make_product();
    const auto model = m_dir / "tiled.kensa";
    auto r = run("train --data " + product.string() + " --out " + model.string() + " --epochs 2 --tile 32" +
                 kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "tiled: 32 px tiles, 4 px overlap")) << r.out;
    const auto out = m_dir / "maps";
    r = run("infer --model " + model.string() + " --input " + (product / "test").string() + " --out " + out.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const cv::Mat map = cv::imread((out / "dent/000.tiff").string(), cv::IMREAD_UNCHANGED);
    EXPECT_EQ(map.size(), cv::Size(64, 64));
    EXPECT_EQ(run("train --data " + product.string() + " --out " + model.string() + " --tile 32 --smallest-defect 4")
                  .exit_code,
              2);  // one or the other
}

TEST_F(CliTest, ARegionOfInterestIsRecordedAndNothingOutsideItScores) {
    const auto product = make_product();
    const auto model = m_dir / "region.kensa";
    auto r = run("train --data " + product.string() + " --out " + model.string() + " --epochs 2 --roi 8,8,40,40" +
                 kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "region of interest: rectangle with 4 corners, drawn on 64 x 64 images")) << r.out;
    const auto out = m_dir / "maps";
    r = run("infer --model " + model.string() + " --input " + (product / "test").string() + " --out " + out.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const cv::Mat map = cv::imread((out / "dent/000.tiff").string(), cv::IMREAD_UNCHANGED);
    ASSERT_EQ(map.size(), cv::Size(64, 64));
    double lowest = 0;
    cv::minMaxLoc(map(cv::Rect(8, 8, 40, 40)), &lowest);
    EXPECT_EQ(map.at<float>(60, 60), static_cast<float>(lowest));  // outside: the lowest value inside
    // Malformed regions are the command line's errors, before any training.
    for (const char* bad : {" --roi 8,8,40", " --roi-polygon 1,2,3,4", " --roi 8,8,40,40 --roi-polygon 1,1,30,1,1,30"}) {
        r = run("train --data " + product.string() + " --out " + model.string() + bad);
        EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    }
    r = run("train --data " + product.string() + " --out " + model.string() + " --roi 50,50,40,40" + kTinyTraining);
    EXPECT_NE(r.exit_code, 0);
    EXPECT_TRUE(contains(r.err, "lies outside the 64 x 64 image")) << r.err;
}

// Maps are named after the image without its extension; a.png and a.jpg of one folder used to write the
// same a.tiff, the second replacing the first. Names that would collide keep the extension.
TEST_F(CliTest, ImagesThatShareANameGetMapsOfTheirOwn) {
    const auto product = make_product();
    const auto model = m_dir / "padim.kensa";
    auto r = run("train --method padim --padim-channels 8 --random-init --backbone resnet18 --image-size 64 "
                 "--data " + product.string() + " --out " + model.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto input = m_dir / "line";
    fs::create_directories(input / "lot");
    cv::Mat img(64, 64, CV_8UC3, cv::Scalar(40, 120, 200));
    cv::imwrite((input / "lot/a.png").string(), img);
    img(cv::Rect(8, 8, 30, 30)).setTo(cv::Scalar(0, 0, 0));
    cv::imwrite((input / "lot/a.jpg").string(), img);
    cv::imwrite((input / "lot/a.png.png").string(), img);  // its stem is the other's whole name
    cv::imwrite((input / "lot/b.png").string(), img);
    cv::imwrite((input / "b.png").string(), img);  // another folder: no collision
    const auto maps = m_dir / "maps";
    r = run("infer --overlays --model " + model.string() + " --input " + input.string() + " --out " +
            maps.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto* name : {"lot/a.png.tiff", "lot/a.jpg.tiff", "lot/a.png.png.tiff", "lot/b.tiff", "b.tiff",
                             "lot/a.png.overlay.png", "lot/a.jpg.overlay.png", "lot/b.overlay.png"})
        EXPECT_TRUE(fs::exists(maps / name)) << name << "\n" << r.err;
    EXPECT_FALSE(fs::exists(maps / "lot/a.tiff"));
    const cv::Mat png = cv::imread((maps / "lot/a.png.tiff").string(), cv::IMREAD_UNCHANGED);
    const cv::Mat jpg = cv::imread((maps / "lot/a.jpg.tiff").string(), cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(png.empty() || jpg.empty());
    EXPECT_GT(cv::norm(png, jpg, cv::NORM_INF), 0.0) << "each map is its own image's";
    EXPECT_TRUE(contains(r.err, "lot/a.jpg shares its name with another image in its folder: its map is "
                                "lot/a.jpg.tiff")) << r.err;
    EXPECT_FALSE(contains(r.err, "lot/b.png shares")) << r.err;
    EXPECT_TRUE(contains(r.out, "5 images:")) << r.out;
}

TEST_F(CliTest, CorruptOrForeignModelFilesAreClearErrors) {
    const auto product = make_product();
    const auto bogus = m_dir / "bogus.kensa";
    std::ofstream(bogus) << "not a model at all";
    auto r = run("eval --model " + bogus.string() + " --data " + product.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, bogus.string())) << r.err;

    kensa::io::TensorArchive weights;
    weights.tensors.push_back({"w", kensa::io::DType::F32, {1}, std::vector<std::byte>(4)});
    kensa::io::write_safetensors(bogus, weights);
    r = run("infer --model " + bogus.string() + " --input " + product.string() + " --out " +
            (m_dir / "o").string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "not a Kensa model")) << r.err;

    r = run("train --data " + (m_dir / "missing").string() + " --out " + (m_dir / "m.kensa").string() +
            kTinyTraining);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, (m_dir / "missing").string())) << r.err;
    EXPECT_EQ(run("train --data " + product.string() + " --out x.kensa --precision fp64").exit_code, 2);
}

TEST_F(CliTest, CtrlCCancelsTrainingAndWritesNoModel) {
    const auto product = make_product();
    const auto model = m_dir / "cancelled.kensa";
    const auto rc_file = m_dir / "rc.txt";
    const auto log = m_dir / "progress.txt";
    // SIGINT once training runs (its progress says "epoch"), not after a fixed time: a shell starts a
    // background job with SIGINT ignored until the program installs its handler, so a signal sent earlier
    // (a slow start, e.g. under a sanitizer) would be lost and training would go on.
    const std::string cmd = "(" KENSA_CLI " train --data " + product.string() + " --out " + model.string() +
                            " --epochs 100000" + kTinyTraining + " >/dev/null 2>" + log.string() +
                            " & pid=$!; n=0; until grep -q epoch " + log.string() +
                            " || [ $n -ge 3000 ]; do sleep 0.2; n=$((n+1)); done; kill -INT $pid; wait $pid; echo $? > " +
                            rc_file.string() + ")";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    EXPECT_EQ(slurp(rc_file), "130\n");
    EXPECT_FALSE(fs::exists(model));
    EXPECT_FALSE(fs::exists(model.string() + ".partial"));
}

namespace {
// make_product plus a second dent image with its mask (so one can train on a defect and still evaluate).
void add_second_dent(const fs::path& root) {
    cv::Mat img(64, 64, CV_8UC3, cv::Scalar(40, 120, 200));
    img(cv::Rect(34, 34, 12, 12)).setTo(cv::Scalar(10, 10, 10));
    cv::imwrite((root / "test/dent/001.png").string(), img);
    cv::Mat mask(64, 64, CV_8UC1, cv::Scalar(0));
    mask(cv::Rect(34, 34, 12, 12)).setTo(255);
    cv::imwrite((root / "ground_truth/dent/001_mask.png").string(), mask);
}
}  // namespace

TEST_F(CliTest, TrainingOnDefectsRecordsThemAndEvalLeavesThemOut) {
    const auto product = make_product();
    add_second_dent(product);
    const auto model = m_dir / "plus.kensa";
    auto r = run("train --data " + product.string() + " --out " + model.string() +
                 " --epochs 1 --train-defects 1" + kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "anomaly-available mode (ADTR+, pixel loss): 1 real defect images")) << r.out;
    const auto meta = kensa::io::read_safetensors(model).metadata.at("model");
    EXPECT_TRUE(contains(meta, "anomaly-available")) << meta;
    EXPECT_TRUE(contains(meta, "test/dent/000.png")) << meta;  // the first by file name
    EXPECT_FALSE(contains(meta, "test/dent/001.png")) << meta;

    r = run("eval --model " + model.string() + " --data " + product.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "excluded 1 test image chosen for training")) << r.out;
    r = run("eval --json --model " + model.string() + " --data " + product.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "\"excluded_training_images\": 1")) << r.out;
    EXPECT_TRUE(contains(r.out, "\"defect_images\": 1")) << r.out;  // 001 is evaluated, 000 is not

    // The same defect from a list file; forced normal mode trains on normal images only but still leaves
    // the chosen defect out of evaluation (a like-for-like comparison).
    const auto list = m_dir / "defects.txt";
    std::ofstream(list) << "# chosen by hand\n\ndent/001.png\n";
    r = run("train --data " + product.string() + " --out " + model.string() +
            " --epochs 1 --train-defects-list " + list.string() + kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(kensa::io::read_safetensors(model).metadata.at("model"), "test/dent/001.png"));
    r = run("train --data " + product.string() + " --out " + model.string() +
            " --epochs 1 --mode normal --train-defects 1" + kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "no training on defects")) << r.err;
    EXPECT_TRUE(contains(r.out, "trained ADTR on 2 normal images")) << r.out;
    r = run("eval --json --model " + model.string() + " --data " + product.string());
    EXPECT_TRUE(contains(r.out, "\"excluded_training_images\": 1")) << r.out;
}

// A normal-only model refined with a marked defect: --refine starts from it, the model records where it
// started, and a model that does not fit the settings is refused before training.
TEST_F(CliTest, RefiningAModelWithMarkedDefects) {
    const auto product = make_product();
    add_second_dent(product);
    const auto start = m_dir / "normal.kensa", refined = m_dir / "refined.kensa";
    auto r = run("train --data " + product.string() + " --out " + start.string() + " --epochs 2" + kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Without --epochs a refinement trains the app's recipe: AdtrOptions::kRefinementEpochs.
    r = run("train --data " + product.string() + " --out " + refined.string() + " --refine " + start.string() +
            " --train-defects 1" + kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto training_record = [&] {
        return nlohmann::json::parse(kensa::io::read_safetensors(refined).metadata.at("model")).at("training");
    };
    const auto record = training_record();
    EXPECT_TRUE(record.contains("refined_from")) << record;
    EXPECT_EQ(record.value("mode", ""), "anomaly-available") << record;
    EXPECT_EQ(record.value("epochs", 0), kensa::adtr::AdtrOptions::kRefinementEpochs) << record;
    // --epochs wins wherever it stands, and a compare variant keeps the command's.
    for (const std::string order : {" --epochs 1 --refine " + start.string(), " --refine " + start.string() + " --epochs 1"}) {
        r = run("train --data " + product.string() + " --out " + refined.string() + order + " --train-defects 1" +
                kTinyTraining);
        ASSERT_EQ(r.exit_code, 0) << r.err;
        EXPECT_EQ(training_record().value("epochs", 0), 1) << order;
    }
    r = run("compare --json --data " + product.string() + " --out-dir " + (m_dir / "compared").string() +
            " --epochs 1" + kTinyTraining + " --variant \"again=--refine " + start.string() + " --train-defects 1\"");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(kensa::io::read_safetensors(m_dir / "compared" / "again.kensa").metadata.at("model"))
                  .at("training")
                  .value("epochs", 0),
              1);

    r = run("train --data " + product.string() + " --out " + refined.string() + " --refine " + start.string() +
            " --epochs 1 --heads 4" + kTinyTraining);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "normal.kensa: cannot be refined with these settings: its attention head count is 8, "
                                "these settings ask for 4"))
        << r.err;
    EXPECT_FALSE(contains(r.err, "features")) << "refused before any work: " << r.err;
    r = run("train --data " + product.string() + " --out " + refined.string() + " --refine " +
            (m_dir / "none.kensa").string() + kTinyTraining);
    EXPECT_EQ(r.exit_code, 2) << r.err;  // CLI11's check: the file must exist
}

TEST_F(CliTest, TrainingWithSyntheticDefects) {
    const auto product = make_product();
    const auto model = m_dir / "synthetic.kensa";
    const auto r = run("train --data " + product.string() + " --out " + model.string() +
                       " --epochs 2 --synthetic confetti:3,scratch --synthetic-share 1 --anomaly-loss both" +
                       " --synthetic-set scratch.max_strength=0.75 --synthetic-set scratch.min_strength=0.25" +
                       kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "anomaly-available mode (ADTR+, both loss): 0 real defect images")) << r.out;
    const auto meta = kensa::io::read_safetensors(model).metadata.at("model");
    EXPECT_TRUE(contains(meta, "confetti")) << meta;
    EXPECT_TRUE(contains(meta, "scratch")) << meta;
    EXPECT_TRUE(contains(meta, "synthetic_per_epoch")) << meta;
    // The parameters set, recorded with the generator's.
    EXPECT_TRUE(contains(meta, "\"max_strength\":0.75")) << meta;
    EXPECT_TRUE(contains(meta, "\"min_strength\":0.25")) << meta;
}

TEST_F(CliTest, BadDefectOptionsAreClearErrors) {
    const auto product = make_product();
    add_second_dent(product);
    const auto model = (m_dir / "m.kensa").string();
    const auto train = "train --data " + product.string() + " --out " + model + " --epochs 1" + kTinyTraining;

    auto r = run(train + " --synthetic confetti,nonesuch");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "unknown synthetic defect generator 'nonesuch'")) << r.err;
    EXPECT_TRUE(contains(r.err, "cutpaste_scar")) << r.err;  // lists the known ones
    EXPECT_EQ(run(train + " --synthetic confetti:-1").exit_code, 2);
    EXPECT_EQ(run(train + " --mode plus").exit_code, 2);
    EXPECT_EQ(run(train + " --synthetic-share 1.5 --synthetic all").exit_code, 2);
    r = run(train + " --synthetic all --synthetic-set scratch.nope=1");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "its parameters are min_count")) << r.err;
    EXPECT_EQ(run(train + " --synthetic all --synthetic-set scratch.max_width=99").exit_code, 2);
    r = run(train + " --synthetic confetti --synthetic-set scratch.max_width=2");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "'scratch' is not among the --synthetic generators")) << r.err;
    EXPECT_EQ(run(train + " --train-defects 1 --train-defects-list x.txt").exit_code, 2);

    r = run(train + " --train-defects 3");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "defect type 'dent' has 2 image(s) with a mask; 3 per type")) << r.err;

    // A defect image without its mask, by rule and by list.
    fs::create_directories(product / "test/crack");
    cv::imwrite((product / "test/crack/000.png").string(), cv::Mat(64, 64, CV_8UC3, cv::Scalar(1, 2, 3)));
    r = run(train + " --train-defects 1");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "defect type 'crack' has 0 image(s) with a mask")) << r.err;
    const auto list = m_dir / "list.txt";
    std::ofstream(list) << "test/dent/000.png\ntest/crack/000.png\n";
    r = run(train + " --train-defects-list " + list.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, list.string() + ":2")) << r.err;
    EXPECT_TRUE(contains(r.err, "has no mask")) << r.err;
    std::ofstream(list) << "test/dent/404.png\n";
    r = run(train + " --train-defects-list " + list.string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "is not an image of")) << r.err;
    r = run(train + " --train-defects-list " + (m_dir / "absent.txt").string());
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "absent.txt")) << r.err;

    // Real defects need a product layout, not a plain folder.
    r = run("train --data " + (product / "train/good").string() + " --out " + model + " --train-defects 1" +
            kTinyTraining);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "MVTec AD layout")) << r.err;
    EXPECT_FALSE(fs::exists(model));
}

TEST_F(CliTest, CompareEvaluatesEveryMethodOnTheSameTestImages) {
    const auto product = make_product();
    add_second_dent(product);
    const auto models = m_dir / "compared";
    // ADTR trains on one defect: PatchCore, which does not, is still evaluated without it.
    const auto r = run("compare --json --methods adtr,patchcore,padim,spade --data " + product.string() +
                       " --out-dir " + models.string() + " --epochs 1 --train-defects 1 --padim-channels 8" +
                       kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = nlohmann::json::parse(r.out);
    ASSERT_EQ(rows.size(), 4u) << r.out;
    for (const auto& row : rows) {
        EXPECT_EQ(row.at("excluded_test_images"), 1) << row;
        EXPECT_EQ(row.at("test_images"), rows[0].at("test_images")) << row;
        EXPECT_GT(row.at("model_mb").get<double>(), 0.0) << row;
        EXPECT_TRUE(std::filesystem::exists(models / (row.at("method").get<std::string>() + ".kensa")));
    }
    EXPECT_EQ(rows[1].at("method"), "patchcore");
    EXPECT_EQ(run("compare --methods adtr,nonesuch --data " + product.string()).exit_code, 2);
}

TEST_F(CliTest, CompareTrainsNamedVariantsAndSetsImagesAside) {
    const auto product = make_product();
    add_second_dent(product);
    // A variant sets one dent aside without training on it: the other is evaluated without it too.
    const auto r = run("compare --json --data " + product.string() + " --variant plain=--method=patchcore" +
                       " --variant \"aside=--method padim --padim-channels 8 --set-aside 1\"" + kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = nlohmann::json::parse(r.out);
    ASSERT_EQ(rows.size(), 2u) << r.out;  // --variant alone: no --methods rows
    EXPECT_EQ(rows[0].at("name"), "plain");
    EXPECT_EQ(rows[0].at("method"), "patchcore");
    EXPECT_EQ(rows[1].at("name"), "aside");
    EXPECT_EQ(rows[1].at("method"), "padim");
    for (const auto& row : rows) {
        EXPECT_EQ(row.at("excluded_test_images"), 1) << row;
        ASSERT_TRUE(row.at("per_defect_type").contains("dent")) << row;
        EXPECT_TRUE(row.at("per_defect_type").at("dent").contains("aupro")) << row;
    }

    auto bad = run("compare --data " + product.string() + " --variant \"x=--nonesuch 3\"");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_TRUE(contains(bad.err, "--variant x")) << bad.err;
    bad = run("compare --data " + product.string() + " --variant nameonly");
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_TRUE(contains(bad.err, "NAME=OPTIONS")) << bad.err;
}

// Inputs found by feeding hundreds of broken and unusual files through train -> infer (issue 21): each
// is named and skipped, or refused with a reason, never a crash, a hang or a lost result.
TEST_F(CliTest, HostileFileNamesAndFilesAreNamedAndSkipped) {
    const auto product = make_product();
    const cv::Mat img(64, 64, CV_8UC3, cv::Scalar(40, 120, 200));
    // Latin-1 bytes in a training image's name (legal on Linux, not UTF-8): JSON's writer used to throw.
    cv::imwrite((product / "train/good" / "Pr\xfc" "fteil.png").string(), img);
    // The model goes into folders that do not exist yet.
    const auto model = m_dir / "models" / "lot 7" / "widget.kensa";
    auto r = run("train --data " + product.string() + " --out '" + model.string() + "' --epochs 1" +
                 kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ASSERT_TRUE(fs::exists(model));
    const auto settings = kensa::io::read_safetensors(model).metadata.at("model");
    EXPECT_TRUE(contains(settings, "Pr\xef\xbf\xbd" "fteil.png")) << "the name is recorded, its byte replaced";

    const auto input = m_dir / "line";
    fs::create_directories(input);
    cv::imwrite((input / "ok.png").string(), img);
    const std::string long_name = std::string(246, 'x') + ".png";  // its map "<name>.tiff" is 251 bytes
    cv::imwrite((input / long_name).string(), img);
    // A 1-kB PNG declaring 30000 x 30000 pixels: refused from its header, the run goes on.
    std::vector<unsigned char> bomb = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                       0, 0, 0x75, 0x30, 0, 0, 0x75, 0x30, 8, 0, 0, 0, 0};
    bomb.resize(1024);
    std::ofstream(input / "bomb.png", std::ios::binary).write(reinterpret_cast<const char*>(bomb.data()), 1024);
    fs::create_symlink(input / "gone.png", input / "broken.png");
    fs::create_symlink("/dev/zero", input / "zero.png");
    const auto maps = m_dir / "maps";
    r = run("infer --overlays --model '" + model.string() + "' --input " + input.string() + " --out " +
            maps.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "bomb.png: 30000 x 30000 pixels")) << r.err;
    // "<name>.overlay.png" would be 258 bytes: the overlay gets a shortened name, said, and the run goes on.
    EXPECT_TRUE(contains(r.err, long_name + ": its name is too long for '.overlay.png'")) << r.err;
    EXPECT_TRUE(fs::exists(maps / "ok.overlay.png"));
    EXPECT_TRUE(contains(r.err, "broken.png: a broken symbolic link")) << r.err;
    EXPECT_TRUE(contains(r.err, "zero.png: a device")) << r.err;
    EXPECT_TRUE(fs::exists(maps / (std::string(246, 'x') + ".tiff")));
    const auto csv = slurp(maps / "scores.csv");
    EXPECT_TRUE(contains(csv, "\nok.png,")) << csv;
    EXPECT_TRUE(contains(csv, "\n" + long_name + ",")) << csv;
    EXPECT_TRUE(contains(r.out, "2 images:")) << r.out;
    EXPECT_TRUE(contains(r.out, "3 skipped (named above)")) << r.out;  // the bomb and both links

    // A FIFO as the model: an error at once, not a read that waits forever for a writer.
    const auto fifo = m_dir / "pipe.kensa";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    r = run("infer --model " + fifo.string() + " --input " + input.string() + " --out " + maps.string(),
            "timeout -s KILL 60");
    EXPECT_EQ(r.exit_code, 1) << "killed by the timeout: the FIFO blocked";
    EXPECT_TRUE(contains(r.err, "named pipe")) << r.err;

    // Two normal images: one would be held out, one left to train on; refused before any training.
    const auto two = m_dir / "two";
    fs::create_directories(two);
    cv::imwrite((two / "a.png").string(), img);
    cv::imwrite((two / "b.png").string(), img);
    r = run("train --data " + two.string() + " --out " + (m_dir / "two.kensa").string() + kTinyTraining);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "at least 2 normal images besides the 1 held out")) << r.err;
    EXPECT_FALSE(fs::exists(m_dir / "two.kensa"));
}

// A defect type is a folder's name, and on Linux that need not be UTF-8 (here Latin-1 "Kratzer-\xe4"). The
// ADTR+ record and eval's JSON used to fail in JSON's writer, after training had run to its end.
TEST_F(CliTest, ADefectTypeNamedInLatin1IsRecordedAndReported) {
    const auto product = make_product();
    add_second_dent(product);
    const std::string type = "Kratzer-\xe4";
    fs::rename(product / "test/dent", product / "test" / type);
    fs::rename(product / "ground_truth/dent", product / "ground_truth" / type);
    const auto model = m_dir / "latin1.kensa";
    auto r = run("train --data " + product.string() + " --out " + model.string() + " --epochs 1 --train-defects 1" +
                 kTinyTraining);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto meta = kensa::io::read_safetensors(model).metadata.at("model");
    EXPECT_TRUE(contains(meta, "Kratzer-\xef\xbf\xbd")) << meta;  // the byte replaced by U+FFFD
    r = run("eval --json --model " + model.string() + " --data " + product.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j.at("excluded_training_images"), 1);  // matched through the same replacement
    EXPECT_TRUE(j.at("per_defect_type").contains("Kratzer-\xef\xbf\xbd")) << r.out;
}

// A tiny IDX dataset (as MNIST is distributed): two classes, dark and bright 28 x 28 images.
void write_idx_dataset(const fs::path& dir, int per_class) {
    fs::create_directories(dir);
    for (const std::string split : {"train", "t10k"}) {
        const auto count = static_cast<uint32_t>(2 * per_class);
        kensa::data::IdxArray pixels{{count, 28, 28}, {}}, labels{{count}, {}};
        cv::RNG rng(split == "train" ? 1 : 2);
        for (uint32_t i = 0; i < count; ++i) {
            const int label = static_cast<int>(i % 2);
            labels.values.push_back(static_cast<uint8_t>(label));
            for (int p = 0; p < 28 * 28; ++p)
                pixels.values.push_back(cv::saturate_cast<uint8_t>((label ? 200 : 40) + (p % 28 < 14 ? 20 : 0) +
                                                                   rng.gaussian(10)));
        }
        kensa::data::write_idx(dir / (split + "-images-idx3-ubyte"), pixels);
        kensa::data::write_idx(dir / (split + "-labels-idx1-ubyte"), labels);
    }
    std::ofstream(dir / "classes.txt") << "dark\nbright\n";
}

TEST_F(CliTest, OneClassReportsEveryClassAndTheMean) {
    const auto data = m_dir / "tiny";
    write_idx_dataset(data, 10);
    auto r = run("one-class --json --data " + data.string() +
                 " --format idx --method padim --padim-channels 16 --backbone resnet18 --random-init");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j.at("method"), "padim");
    EXPECT_EQ(j.at("image_size"), 32);
    EXPECT_EQ(j.at("grid"), 8);
    ASSERT_EQ(j.at("classes").size(), 2u);
    EXPECT_EQ(j["classes"][1].at("name"), "bright");
    EXPECT_EQ(j["classes"][1].at("test_normal"), 10);
    EXPECT_EQ(j["classes"][1].at("test_anomalous"), 10);
    EXPECT_GT(j.at("mean_image_auroc").get<double>(), 0.9) << r.out;
    EXPECT_TRUE(contains(r.err, "mean")) << r.err;  // the table goes to stderr with --json

    r = run("one-class --data " + data.string() + " --format idx --classes 1 --max-test 6 --method padim "
            "--padim-channels 16 --backbone resnet18 --random-init");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "bright")) << r.out;
    EXPECT_FALSE(contains(r.out, "dark ")) << r.out;
    EXPECT_TRUE(contains(r.out, "3/3")) << r.out;  // six test images: three of each class

    EXPECT_EQ(run("one-class --data " + data.string() + " --format mnist").exit_code, 2);
    r = run("one-class --data " + data.string() + " --format idx --classes 0,x --backbone resnet18 --random-init");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "expected class indices")) << r.err;
    r = run("one-class --data " + data.string() + " --format idx --classes 5 --backbone resnet18 --random-init");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "class 5 is not one of the dataset's 2 classes")) << r.err;
    fs::remove(data / "t10k-labels-idx1-ubyte");
    r = run("one-class --data " + data.string() + " --format idx --backbone resnet18 --random-init");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "t10k-labels-idx1-ubyte: missing")) << r.err;
}

// kensa-cli watch on both live sources: a hot folder (the images already there, then idle), and a video
// file read faster than inspection keeps up with, so the queue drops frames and counts them.
TEST_F(CliTest, WatchInspectsAHotFolderAndAVideoWithItsDropPolicy) {
    const auto product = make_product();
    const auto model = m_dir / "widget.kensa";
    ASSERT_EQ(run("train --data " + product.string() + " --out " + model.string() + " --epochs 2" + kTinyTraining)
                  .exit_code,
              0);
    const auto out = m_dir / "line";
    auto r = run("watch --model " + model.string() + " --folder " + (product / "test/dent").string() + " --out " +
                 out.string() + " --existing --idle-exit 1 --sort-into " + (m_dir / "sorted").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "000.png")) << r.out;
    EXPECT_TRUE(contains(r.out, "1 parts:")) << r.out;
    EXPECT_TRUE(contains(slurp(out / "results.csv"), "000.png,")) << slurp(out / "results.csv");
    EXPECT_TRUE(fs::exists(out / "thumbnails/000.jpg"));
    EXPECT_EQ(fs::exists(m_dir / "sorted/OK/000.png") + fs::exists(m_dir / "sorted/NG/000.png"), 1);
    EXPECT_TRUE(fs::exists(product / "test/dent/000.png"));  // copied, not moved

    const auto video = m_dir / "line.avi";
    {
        cv::VideoWriter writer(video.string(), cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0, cv::Size(64, 64));
        ASSERT_TRUE(writer.isOpened());
        for (int i = 0; i < 60; ++i)
            writer.write(cv::Mat(64, 64, CV_8UC3, cv::Scalar(40, 120, 200)));
    }
    r = run("watch --model " + model.string() + " --camera " + video.string() + " --out " + out.string() +
            " --queue 1 --thumbnail 0");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // Every frame is accounted for: inspected, or dropped by the one-frame queue.
    int captured = -1, skipped = -1, dropped = -1, inspected = -1, queue = -1;
    const auto at = r.out.find("frames: ");
    ASSERT_NE(at, std::string::npos) << r.out;
    ASSERT_EQ(std::sscanf(r.out.c_str() + at,
                          "frames: %d captured, %d skipped by the rate cap, %d dropped (inspection behind, queue of "
                          "%d), %d inspected",
                          &captured, &skipped, &dropped, &queue, &inspected),
              5)
        << r.out;
    EXPECT_EQ(captured, 60);
    EXPECT_EQ(skipped, 0);
    EXPECT_GT(dropped, 0) << "decoding 64 px frames outran inspection, so the queue must have dropped some";
    EXPECT_EQ(inspected + dropped, 60);

    // A rate cap of 5 fps on a 25 fps recording keeps every fifth frame.
    r = run("watch --model " + model.string() + " --camera " + video.string() + " --out " + out.string() +
            " --fps 5 --queue 100 --thumbnail 0");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "frames: 60 captured, 48 skipped by the rate cap, 0 dropped")) << r.out;
    EXPECT_TRUE(contains(run("watch --model " + model.string() + " --camera " + (m_dir / "none.avi").string() +
                             " --out " + out.string())
                             .err,
                         "none.avi: video file not found"));
}
