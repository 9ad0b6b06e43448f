// ADTR+ (anomaly-available training) through the engine's LibTorch-free API: mask labels on the grid,
// the mode switch and what the bundle records, synthetic defects per epoch, and that a few real defects
// teach the model to flag their kind.
#include <kensa/base/error.h>
#include <kensa/methods/adtr/adtr_plus.h>
#include <kensa/engine/training.h>
#include <kensa/engine/inspector.h>

#include "tiny_model.h"

#include <gtest/gtest.h>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <opencv2/imgproc.hpp>

namespace {

using kensa::adtr::AnomalyObjective;
using kensa::engine::DefectSample;
using kensa::model::TrainingMode;

using kensa::test::normal_images;

// A dark-green blob, subtler than the red square normal-only training already flags on its own.
DefectSample with_defect(const cv::Mat& normal, cv::Rect where, const std::string& path) {
    DefectSample s;
    s.image = normal.clone();
    cv::rectangle(s.image, where, cv::Scalar(0.30, 0.52, 0.45), cv::FILLED);
    s.mask = cv::Mat::zeros(normal.size(), CV_8UC1);
    s.mask(where).setTo(255);
    s.defect_type = "stain";
    s.path = path;
    return s;
}

kensa::engine::TrainingConfig tiny_config(int epochs) {
    kensa::engine::TrainingConfig c;
    c.features.backbone = "resnet18";
    c.features.random_init = true;
    c.features.image_size = 64;
    c.features.threads = 1;
    // The paper's plain transformer and raw scores: the contrast checks below divide by the mean map of
    // normal images, which per-position normalisation centres on zero.
    c.adtr.model = kensa::adtr::AdtrConfig{};
    c.adtr.positions = kensa::postprocess::PositionScoring::Raw;
    c.adtr.memory_weight = 0;  // the reconstruction alone: these tests are about what ADTR+ teaches it
    kensa::test::use_tiny_transformer(c.adtr.model);
    c.adtr.model.dropout = 0.0;
    c.adtr.epochs = epochs;
    c.adtr.precision = kensa::adtr::Precision::Float32;
    c.map.score_pool = 8;
    return c;
}

nlohmann::json record(const kensa::engine::TrainingResult& r) {
    return nlohmann::json::parse(r.bundle.training_json);
}

cv::Mat grid_of(const cv::Mat& mask, int grid, double fraction) {
    return kensa::adtr::mask_to_grid(mask, grid, fraction);
}

std::vector<cv::Point> marked(const cv::Mat& grid) {
    std::vector<cv::Point> out;
    for (int y = 0; y < grid.rows; ++y)
        for (int x = 0; x < grid.cols; ++x)
            if (grid.at<float>(y, x) == 1.f)
                out.emplace_back(x, y);
            else
                EXPECT_EQ(grid.at<float>(y, x), 0.f);
    return out;
}

}  // namespace

// 16 x 16 mask onto a 4 x 4 grid: cells of 4 x 4 = 16 px.
TEST(MaskToGrid, ThresholdsTheCoveredFractionOfEachCell) {
    cv::Mat mask = cv::Mat::zeros(16, 16, CV_8UC1);
    mask(cv::Rect(0, 0, 4, 4)).setTo(255);  // cell (0, 0): 16/16
    mask(cv::Rect(4, 4, 2, 2)).setTo(255);  // cell (1, 1): 4/16
    mask.at<uint8_t>(9, 13) = 1;            // cell (3, 2): 1/16, any nonzero value counts
    using P = std::vector<cv::Point>;
    EXPECT_EQ(marked(grid_of(mask, 4, 0.5)), (P{{0, 0}}));
    EXPECT_EQ(marked(grid_of(mask, 4, 0.25)), (P{{0, 0}, {1, 1}}));
    EXPECT_EQ(marked(grid_of(mask, 4, 0.0)), (P{{0, 0}, {1, 1}, {3, 2}}));
    EXPECT_EQ(marked(grid_of(mask, 4, 1.0)), (P{{0, 0}}));
}

TEST(MaskToGrid, ASpeckBelowTheThresholdStillMarksItsBestCell) {
    cv::Mat mask = cv::Mat::zeros(16, 16, CV_8UC1);
    mask.at<uint8_t>(14, 1) = 255;  // 1/16 of cell (0, 3)
    mask.at<uint8_t>(2, 6) = 255;   // 1/16 of cell (1, 0)
    EXPECT_EQ(marked(grid_of(mask, 4, 0.5)), (std::vector<cv::Point>{{1, 0}, {0, 3}}));
    EXPECT_TRUE(marked(grid_of(cv::Mat::zeros(16, 16, CV_8UC1), 4, 0.5)).empty());
}

TEST(MaskToGrid, CellsFollowTheImageResizedToASquare) {
    // 10 px onto 4 cells: 2.5 px per cell. Columns 0-5 cover cells 0 and 1 fully and 1/2.5 of cell 2.
    cv::Mat mask = cv::Mat::zeros(10, 10, CV_8UC1);
    mask(cv::Rect(0, 0, 6, 10)).setTo(255);
    EXPECT_EQ(marked(grid_of(mask, 4, 0.5)).size(), 8u);
    EXPECT_EQ(marked(grid_of(mask, 4, 0.4)).size(), 12u);
    // A wide image: 32 x 16 -> cells of 8 x 4 px; an 8 x 4 block at (8, 12) is cell (1, 3).
    cv::Mat wide = cv::Mat::zeros(16, 32, CV_8UC1);
    wide(cv::Rect(8, 12, 8, 4)).setTo(255);
    EXPECT_EQ(marked(grid_of(wide, 4, 0.5)), (std::vector<cv::Point>{{1, 3}}));
}

TEST(AdtrPlusMode, AutoSwitchesOnDefectsOrSyntheticAndCanBeForced) {
    using kensa::adtr::resolve_mode;
    kensa::adtr::AnomalyTrainingConfig c;
    EXPECT_EQ(resolve_mode(c, 0), TrainingMode::NormalOnly);
    EXPECT_EQ(resolve_mode(c, 1), TrainingMode::AnomalyAvailable);
    c.synthetic = true;
    EXPECT_EQ(resolve_mode(c, 0), TrainingMode::AnomalyAvailable);
    c.mode = TrainingMode::NormalOnly;
    EXPECT_EQ(resolve_mode(c, 3), TrainingMode::NormalOnly);
    c.synthetic = false;
    c.mode = TrainingMode::AnomalyAvailable;
    EXPECT_EQ(resolve_mode(c, 0), TrainingMode::AnomalyAvailable);
    EXPECT_EQ(kensa::model::parse_training_mode("anomaly"), TrainingMode::AnomalyAvailable);
    EXPECT_FALSE(kensa::model::parse_training_mode("plus"));
    EXPECT_EQ(kensa::adtr::parse_anomaly_objective("both"), AnomalyObjective::Both);
}

TEST(AdtrPlusTraining, TheBundleRecordsTheModeAndTheDataThatTrainedIt) {
    const auto normals = normal_images(8, 64, 11);
    kensa::engine::TrainingData data;
    data.normal = normals;
    for (int i = 0; i < 8; ++i)
        data.normal_paths.push_back("train/good/00" + std::to_string(i) + ".png");

    auto c = tiny_config(1);
    auto r = kensa::engine::train(data, c);
    EXPECT_EQ(r.mode, TrainingMode::NormalOnly);
    EXPECT_EQ(record(r)["mode"], "normal-only");
    EXPECT_EQ(record(r)["training_images"].size(), 8u);
    EXPECT_FALSE(record(r).contains("anomaly"));

    data.defects = {with_defect(normals[0], {8, 8, 16, 16}, "test/stain/000.png"),
                    with_defect(normals[1], {30, 20, 12, 12}, "test/stain/001.png")};
    r = kensa::engine::train(data, c);
    EXPECT_EQ(r.mode, TrainingMode::AnomalyAvailable);
    auto j = record(r);
    EXPECT_EQ(j["mode"], "anomaly-available");
    EXPECT_EQ(j["mode_requested"], "auto");
    EXPECT_EQ(j["anomaly"]["objective"], "pixel");
    EXPECT_EQ(j["anomaly"]["defect_images"], 2);
    EXPECT_EQ(j["anomaly"]["defect_types"]["stain"]["count"], 2);
    EXPECT_EQ(j["anomaly"]["defect_types"]["stain"]["paths"][1], "test/stain/001.png");
    EXPECT_TRUE(j["anomaly"]["synthetic"].is_null());
    EXPECT_EQ(j["anomaly"]["moved_defect_share"], 0.5);  // the marked defects, also moved onto normal images
    EXPECT_EQ(kensa::engine::evaluation_exclusions(r.bundle.training_json).size(), 10u);
    EXPECT_EQ(kensa::engine::evaluation_exclusions(r.bundle.training_json).back(), "test/stain/001.png");

    c.adtr.anomaly.mode = TrainingMode::NormalOnly;  // forced: not trained on, only set aside from evaluation
    r = kensa::engine::train(data, c);
    EXPECT_EQ(record(r)["mode"], "normal-only");
    EXPECT_EQ(record(r)["mode_requested"], "normal");
    EXPECT_EQ(r.defect_images, 0);
    EXPECT_EQ(record(r)["training_images"].size(), 8u);
    EXPECT_EQ(record(r)["set_aside_images"].size(), 2u);
    EXPECT_EQ(kensa::engine::evaluation_exclusions(r.bundle.training_json).size(), 10u);

    data.defects.clear();
    c.adtr.anomaly.mode = TrainingMode::Auto;
    c.adtr.anomaly.synthetic = true;
    c.adtr.anomaly.synthetic_mix.generators = {{"confetti", 3.0, {}}, {"scratch", 1.0, {}}};
    c.adtr.anomaly.objective = AnomalyObjective::Both;
    r = kensa::engine::train(data, c);
    j = record(r);
    EXPECT_EQ(j["mode"], "anomaly-available");
    EXPECT_EQ(j["anomaly"]["objective"], "both");
    const auto& synthetic = j["anomaly"]["synthetic"];
    EXPECT_EQ(synthetic["share"], 0.4);
    EXPECT_EQ(synthetic["seed"], c.seed);
    ASSERT_EQ(synthetic["generators"].size(), 2u);
    EXPECT_EQ(synthetic["generators"][0]["id"], "confetti");
    EXPECT_DOUBLE_EQ(synthetic["generators"][0]["share"].get<double>(), 0.75);
    EXPECT_FALSE(synthetic["generators"][1]["params"].empty());
}

TEST(AdtrPlusTraining, BadDefectSamplesAreClearErrors) {
    kensa::engine::TrainingData data;
    data.normal = normal_images(6, 64, 12);
    auto sample = with_defect(data.normal[0], {8, 8, 8, 8}, "test/stain/007.png");
    sample.mask = cv::Mat();
    data.defects = {sample};
    try {
        kensa::engine::train(data, tiny_config(1));
        FAIL() << "no error";
    } catch (const kensa::Error& e) {
        EXPECT_NE(std::string(e.what()).find("test/stain/007.png: the defect image has no mask"),
                  std::string::npos)
            << e.what();
    }
    data.defects[0].mask = cv::Mat::zeros(32, 32, CV_8UC1);
    EXPECT_THROW(kensa::engine::train(data, tiny_config(1)), kensa::Error);
    data.defects.clear();
    auto c = tiny_config(1);
    c.adtr.anomaly.synthetic = true;
    c.adtr.anomaly.synthetic_mix.generators = {{"nonesuch", 1.0, {}}};
    EXPECT_THROW(kensa::engine::train(data, c), kensa::Error);
}

TEST(SyntheticSchedule, FreshDefectsEveryEpochSameForTheSameSeed) {
    const auto images = normal_images(12, 64, 13);
    const kensa::adtr::SyntheticSchedule a({}, 0.5, 7), b({}, 0.5, 7), other({}, 0.5, 8);
    const auto e0 = a.draw(images, 0), again = b.draw(images, 0), e1 = a.draw(images, 1);
    ASSERT_FALSE(e0.empty());
    ASSERT_EQ(e0.size(), again.size());
    for (size_t i = 0; i < e0.size(); ++i) {
        EXPECT_EQ(e0[i].index, again[i].index);
        EXPECT_EQ(e0[i].generator, again[i].generator);
        EXPECT_EQ(cv::norm(e0[i].image, again[i].image, cv::NORM_INF), 0.0);
        EXPECT_EQ(cv::norm(e0[i].mask, again[i].mask, cv::NORM_INF), 0.0);
        EXPECT_GT(cv::countNonZero(e0[i].mask), 0);
    }
    // Another epoch or another seed: other images or other defects.
    const auto differs = [](const std::vector<kensa::adtr::SyntheticDraw>& x,
                            const std::vector<kensa::adtr::SyntheticDraw>& y) {
        if (x.size() != y.size())
            return true;
        for (size_t i = 0; i < x.size(); ++i)
            if (x[i].index != y[i].index || cv::norm(x[i].mask, y[i].mask, cv::NORM_INF) > 0)
                return true;
        return false;
    };
    EXPECT_TRUE(differs(e0, e1));
    EXPECT_TRUE(differs(e0, other.draw(images, 0)));
    EXPECT_NE(a.seed(0, 3), a.seed(1, 3));
    // The share is the probability per image and epoch.
    int chosen = 0;
    for (int epoch = 0; epoch < 50; ++epoch)
        for (size_t i = 0; i < 20; ++i)
            chosen += a.chosen(epoch, i) ? 1 : 0;
    EXPECT_NEAR(chosen / 1000.0, 0.5, 0.06);
    EXPECT_TRUE(kensa::adtr::SyntheticSchedule({}, 0.0, 7).draw(images, 0).empty());
    EXPECT_EQ(kensa::adtr::SyntheticSchedule({}, 1.0, 7).draw(images, 0).size(), images.size());
}

TEST(SyntheticSchedule, ALimitKeepsARandomSubsetOfTheEpochsDefects) {
    const auto images = normal_images(30, 32, 16);
    const kensa::adtr::SyntheticSchedule open({}, 0.6, 9);
    kensa::adtr::SyntheticSchedule limited({}, 0.6, 9);
    limited.limit_draws(5);
    int not_the_first_five = 0;
    for (int epoch = 0; epoch < 4; ++epoch) {
        const auto all = open.picks(images.size(), epoch), kept = limited.picks(images.size(), epoch);
        ASSERT_GT(all.size(), 5u);
        ASSERT_EQ(kept.size(), 5u);
        EXPECT_TRUE(std::includes(all.begin(), all.end(), kept.begin(), kept.end()));  // sorted subset
        not_the_first_five += std::equal(kept.begin(), kept.end(), all.begin()) ? 0 : 1;
        EXPECT_EQ(kept, limited.picks(images.size(), epoch));  // seeded
        const auto draws = limited.draw(images, epoch);
        ASSERT_EQ(draws.size(), 5u);
        for (size_t i = 0; i < draws.size(); ++i)
            EXPECT_EQ(draws[i].index, kept[i]);
    }
    EXPECT_GT(not_the_first_five, 0);  // random, not a cut-off
    EXPECT_NE(limited.picks(images.size(), 0), limited.picks(images.size(), 1));
    limited.limit_draws(0);
    EXPECT_TRUE(limited.draw(images, 0).empty());
}

// Defect copies join the epoch next to their clean originals, up to max_epoch_size; marked defects
// count first. Progress knows every epoch's size in advance.
TEST(AdtrPlusTraining, DefectCopiesJoinTheEpochUpToItsLargestSize) {
    auto c = tiny_config(3);
    c.adtr.batch_size = 4;
    c.adtr.anomaly.synthetic = true;
    c.adtr.anomaly.synthetic_share = 1.0;  // every image would get a copy: the size limit decides
    c.adtr.anomaly.max_epoch_size = 1.5;
    kensa::engine::TrainingData data;
    data.normal = normal_images(12, 64, 17);
    int64_t last_done = 0, total = 0, reports = 0;
    const auto progress = [&](const kensa::Progress& p) {
        if (p.stage == "training") {
            EXPECT_EQ(p.done, last_done + 1);
            last_done = p.done;
            total = p.total;
            ++reports;
        }
        return true;
    };
    auto r = kensa::engine::train(data, c, progress);
    const int n = r.train_images;
    const int copies = (3 * n) / 2 - n;
    ASSERT_GT(copies, 0);
    EXPECT_EQ(r.synthetic_per_epoch, std::vector<int>(3, copies));
    EXPECT_EQ(total, 3 * ((n + copies + 3) / 4));  // the clean originals stay: n + copies rows
    EXPECT_EQ(last_done, total);
    EXPECT_EQ(reports, total);
    EXPECT_EQ(record(r)["anomaly"]["max_epoch_size"], 1.5);
    EXPECT_TRUE(r.warnings.empty());

    // Two marked defects take two of the places.
    data.defects = {with_defect(data.normal[0], {8, 8, 16, 16}, "test/stain/000.png"),
                    with_defect(data.normal[1], {30, 20, 12, 12}, "test/stain/001.png")};
    r = kensa::engine::train(data, c);
    EXPECT_EQ(r.synthetic_per_epoch, std::vector<int>(3, copies - 2));
    // When they fill it, no copy is left, and the user is told.
    c.adtr.anomaly.max_epoch_size = 1.0;
    r = kensa::engine::train(data, c);
    EXPECT_EQ(r.synthetic_per_epoch, std::vector<int>(3, 0));
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("2 marked defects fill the largest epoch"), std::string::npos)
        << r.warnings[0];
    EXPECT_EQ(record(r)["warnings"].size(), 1u);
    c.adtr.anomaly.max_epoch_size = 0.5;
    EXPECT_THROW(kensa::engine::train(data, c), kensa::Error);
}

TEST(SyntheticSchedule, MovesMarkedDefectsBeforeDrawingSyntheticOnes) {
    const auto images = normal_images(40, 64, 15);
    const auto marked = with_defect(images[0], {8, 8, 12, 12}, "");
    const auto transplant =
        std::make_shared<kensa::data::synthetic::DefectTransplant>(std::vector{marked.image}, std::vector{marked.mask});
    kensa::adtr::SyntheticSchedule moved_only({}, 0.0, 7);
    moved_only.move_marked_defects(transplant, 1.0);
    const auto all_moved = moved_only.draw(images, 0);
    ASSERT_EQ(all_moved.size(), images.size());
    for (const auto& d : all_moved) {
        EXPECT_EQ(d.generator, "marked_defect");
        EXPECT_EQ(cv::countNonZero(d.mask), 12 * 12);  // flipped and turned, never resized
    }
    // Every image carries a defect; about half are moved marked defects, the rest synthetic.
    kensa::adtr::SyntheticSchedule both({}, 1.0, 7);
    both.move_marked_defects(transplant, 0.5);
    EXPECT_EQ(both.moved_defect_share(), 0.5);
    int moved = 0;
    for (int epoch = 0; epoch < 5; ++epoch) {
        const auto draws = both.draw(images, epoch);
        ASSERT_EQ(draws.size(), images.size());
        for (const auto& d : draws)
            moved += d.generator == "marked_defect" ? 1 : 0;
    }
    EXPECT_NEAR(moved / 200.0, 0.5, 0.1);
    EXPECT_THROW(both.move_marked_defects(transplant, 1.5), kensa::Error);
}

TEST(AdtrPlusTraining, SyntheticTrainingIsDeterministicForASeed) {
    auto c = tiny_config(3);
    c.adtr.anomaly.synthetic = true;
    kensa::engine::TrainingData data;
    data.normal = normal_images(10, 64, 14);
    const auto a = kensa::engine::train(data, c), b = kensa::engine::train(data, c);
    EXPECT_EQ(a.mode, TrainingMode::AnomalyAvailable);
    EXPECT_EQ(a.synthetic_per_epoch, b.synthetic_per_epoch);
    EXPECT_EQ(a.synthetic_per_epoch.size(), 3u);
    EXPECT_EQ(a.epoch_losses, b.epoch_losses);
    EXPECT_EQ(kensa::model::tensor_checksum(a.bundle.tensors),
              kensa::model::tensor_checksum(b.bundle.tensors));
    c.seed = 2;
    const auto other = kensa::engine::train(data, c);
    EXPECT_NE(other.epoch_losses, a.epoch_losses);
}

// A few marked stains teach the model not to reconstruct stains: on the stained training images and on
// unseen stained images, the map inside the stain (relative to the map on normal images) rises above
// normal-only training's.
TEST(AdtrPlusTraining, AFewRealDefectsRaiseTheScoreOfTheirKind) {
    const auto normals = normal_images(24, 64, 21);
    kensa::engine::TrainingData data;
    data.normal = normals;
    const std::vector<cv::Rect> places = {
        {6, 6, 14, 14}, {40, 10, 14, 14}, {12, 40, 14, 14}, {38, 38, 14, 14}};
    const auto fresh = normal_images(8, 64, 22);
    for (size_t i = 0; i < places.size(); ++i)
        data.defects.push_back(with_defect(fresh[i], places[i], "test/stain/" + std::to_string(i) + ".png"));
    std::vector<DefectSample> unseen;
    for (size_t i = 0; i < 4; ++i)
        unseen.push_back(with_defect(fresh[4 + i], places[(i + 1) % places.size()], ""));

    auto c = tiny_config(30);
    c.adtr.anomaly.mode = TrainingMode::NormalOnly;
    const auto normal_only = kensa::engine::train(data, c);
    c.adtr.anomaly.mode = TrainingMode::Auto;
    // The paper's loss (pseudo-Huber pull) with its push made strong: this checks the push mechanism, on a
    // toy model (learned query, no jitter, 30 epochs) that reacts unlike the full-size recipe. Measured
    // here: 4.55 -> 5.29 on trained stains (+16% to +25% over seeds 2 and 3). The defaults (alpha 0.003,
    // squared pull, marked defects moved) lower this toy's contrast (4.55 -> 3.59) while raising AU-PRO
    // on the full-size sample product; they are chosen there (docs/benchmarks.md, "ADTR+").
    c.adtr.anomaly.alpha = 1.0;
    c.adtr.anomaly.pseudo_huber_pull = true;
    c.adtr.anomaly.moved_defect_share = 0.0;
    const auto plus = kensa::engine::train(data, c);
    ASSERT_EQ(plus.mode, TrainingMode::AnomalyAvailable);

    const auto contrast = [&](const kensa::engine::TrainingResult& r,
                              const std::vector<DefectSample>& samples) {
        kensa::engine::Inspector inspector(r.bundle, 1);
        double normal_mean = 0;
        for (const auto& m : inspector.inspect(normal_images(4, 64, 23)))
            normal_mean += cv::mean(m.map)[0] / 4.0;
        std::vector<cv::Mat> images;
        for (const auto& s : samples)
            images.push_back(s.image);
        const auto results = inspector.inspect(images);
        double inside = 0;
        for (size_t i = 0; i < samples.size(); ++i)
            inside += cv::mean(results[i].map, samples[i].mask)[0] / static_cast<double>(samples.size());
        return inside / normal_mean;
    };
    const double trained_normal = contrast(normal_only, data.defects),
                 trained_plus = contrast(plus, data.defects);
    const double unseen_normal = contrast(normal_only, unseen), unseen_plus = contrast(plus, unseen);
    EXPECT_GT(trained_plus, 1.1 * trained_normal) << trained_normal << " -> " << trained_plus;
    EXPECT_GT(unseen_plus, 1.1 * unseen_normal) << unseen_normal << " -> " << unseen_plus;
}
