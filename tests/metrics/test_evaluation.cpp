#include <kensa/base/error.h>
#include <kensa/metrics/evaluation.h>
#include <kensa/metrics/pro.h>
#include <kensa/metrics/roc.h>

#include "synthetic_cases.h"

#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include <cmath>

namespace km = kensa::metrics;

namespace {

km::EvaluationRecord image_only(std::string type, float score) {
    km::EvaluationRecord r;
    r.name = type + "_" + std::to_string(score);
    r.defect_type = std::move(type);
    r.score = score;
    return r;
}

const km::MetricSet& set_of(const km::EvaluationReport& report, const std::string& type) {
    for (const auto& s : report.per_defect_type)
        if (s.defect_type == type)
            return s;
    throw std::runtime_error("no set " + type);
}

}  // namespace

TEST(Evaluation, ImageAurocPerDefectTypeUsesGoodImagesPlusThatType) {
    const std::vector<km::EvaluationRecord> records = {image_only("good", 0.1f), image_only("good", 0.2f),
                                                       image_only("crack", 0.3f), image_only("crack", 0.15f),
                                                       image_only("hole", 0.05f)};
    const km::EvaluationReport report = km::evaluate(records);
    EXPECT_FALSE(report.has_pixel_metrics);
    EXPECT_DOUBLE_EQ(report.overall.image_auroc, 0.5);  // (2 + 1 + 0) of 6 pairs
    EXPECT_TRUE(report.overall.defect_type.empty());
    EXPECT_EQ(report.overall.good_images, 2);
    EXPECT_EQ(report.overall.defect_images, 3);
    EXPECT_TRUE(std::isnan(report.overall.pixel_auroc));
    EXPECT_TRUE(std::isnan(report.overall.aupro));
    ASSERT_EQ(report.per_defect_type.size(), 2u);
    EXPECT_EQ(report.per_defect_type[0].defect_type, "crack");  // sorted
    EXPECT_DOUBLE_EQ(set_of(report, "crack").image_auroc, 0.75);
    EXPECT_EQ(set_of(report, "crack").defect_images, 2);
    EXPECT_EQ(set_of(report, "crack").good_images, 2);
    EXPECT_DOUBLE_EQ(set_of(report, "hole").image_auroc, 0.0);
    EXPECT_EQ(report.overall.image_roc.size(), 6u);  // origin + 5 distinct scores
}

TEST(Evaluation, MatchesTheStandaloneMetricsOnEachSubset) {
    const km::test::SyntheticCase c = km::test::make_case(21, {.images = 14, .levels = 0});
    km::EvaluationConfig config;
    config.max_curve_points = 64;
    const km::EvaluationReport report = km::evaluate(c.records, config);
    ASSERT_TRUE(report.has_pixel_metrics);
    ASSERT_GE(report.per_defect_type.size(), 2u);

    auto check = [&](const km::MetricSet& set, const std::string& type) {
        SCOPED_TRACE(type.empty() ? "all" : type);
        std::vector<cv::Mat> maps, masks;
        std::vector<float> scores;
        std::vector<uint8_t> labels;
        int64_t defect_pixels = 0;
        for (const auto& r : c.records) {
            if (r.defect_type != "good" && !type.empty() && r.defect_type != type)
                continue;
            maps.push_back(r.anomaly_map);
            masks.push_back(r.ground_truth);
            scores.push_back(r.score);
            labels.push_back(r.defect_type != "good");
            if (!r.ground_truth.empty())
                defect_pixels += cv::countNonZero(r.ground_truth);
        }
        EXPECT_EQ(set.image_auroc, km::roc_curve(scores, labels).auroc);
        EXPECT_EQ(set.pixel_auroc, km::pixel_roc(maps, masks).auroc);
        const km::ProResult pro = km::pro_curve(maps, masks);
        EXPECT_NEAR(set.aupro, pro.aupro, 1e-12);
        EXPECT_EQ(set.defect_regions, pro.regions);
        EXPECT_EQ(set.normal_pixels, pro.normal_pixels);
        EXPECT_EQ(set.defect_pixels, defect_pixels);
        EXPECT_GT(set.aupro, 0.0);
        EXPECT_LE(set.aupro, 1.0);
        for (const auto* curve : {&set.image_roc, &set.pixel_roc, &set.pro}) {
            EXPECT_GE(curve->size(), 2u);
            EXPECT_LE(curve->size(), 64u);
        }
        EXPECT_NEAR(set.pro.back().x, 0.3, 1e-12);
        EXPECT_EQ(set.pixel_roc.back().x, 1.0);
    };
    check(report.overall, "");
    for (const auto& set : report.per_defect_type)
        check(set, set.defect_type);
}

TEST(Evaluation, UnannotatedDefectImagesCountOnlyForImageMetrics) {
    km::test::SyntheticCase c = km::test::make_case(5, {.images = 8, .levels = 0});
    const km::EvaluationReport before = km::evaluate(c.records);
    km::EvaluationRecord extra = c.records.back();
    extra.defect_type = before.per_defect_type.front().defect_type;
    extra.name = "unannotated.png";
    extra.ground_truth = cv::Mat();
    extra.score = 1e6f;
    c.records.push_back(extra);
    const km::EvaluationReport after = km::evaluate(c.records);
    EXPECT_EQ(after.overall.unannotated_defect_images, 1);
    EXPECT_EQ(after.overall.defect_images, before.overall.defect_images + 1);
    EXPECT_EQ(after.overall.pixel_auroc, before.overall.pixel_auroc);
    EXPECT_EQ(after.overall.aupro, before.overall.aupro);
    EXPECT_EQ(after.overall.normal_pixels, before.overall.normal_pixels);
    std::vector<float> scores;
    std::vector<uint8_t> labels;
    for (const auto& r : c.records) {
        scores.push_back(r.score);
        labels.push_back(r.defect_type != "good");
    }
    EXPECT_EQ(after.overall.image_auroc, km::roc_curve(scores, labels).auroc);
}

TEST(Evaluation, NoDefectiveImagesGivesUndefinedMetricsNotAnError) {
    std::vector<km::EvaluationRecord> records = {image_only("good", 0.1f), image_only("good", 0.3f)};
    for (auto& r : records)
        r.anomaly_map = cv::Mat(8, 8, CV_32FC1, cv::Scalar(r.score));
    const km::EvaluationReport report = km::evaluate(records);
    EXPECT_TRUE(report.has_pixel_metrics);
    EXPECT_TRUE(std::isnan(report.overall.image_auroc));
    EXPECT_TRUE(std::isnan(report.overall.pixel_auroc));
    EXPECT_TRUE(std::isnan(report.overall.aupro));
    EXPECT_EQ(report.overall.normal_pixels, 128);
    EXPECT_TRUE(report.per_defect_type.empty());
    EXPECT_TRUE(std::isnan(km::evaluate({}).overall.image_auroc));
}

TEST(Evaluation, RejectsInconsistentRecordsNamingTheImage) {
    auto expect_error = [](const std::vector<km::EvaluationRecord>& records, const std::string& part) {
        try {
            (void)km::evaluate(records);
            ADD_FAILURE() << "no error for " << part;
        } catch (const kensa::Error& e) {
            EXPECT_NE(e.message().find(part), std::string::npos) << e.message();
        }
    };
    km::EvaluationRecord good = image_only("good", 0.1f);
    good.name = "good/000.png";
    good.anomaly_map = cv::Mat(8, 8, CV_32FC1, cv::Scalar(0));
    km::EvaluationRecord bad = image_only("crack", 0.9f);
    bad.name = "crack/001.png";
    bad.anomaly_map = cv::Mat(8, 8, CV_32FC1, cv::Scalar(1));
    bad.ground_truth = cv::Mat(8, 8, CV_8UC1, cv::Scalar(255));

    km::EvaluationRecord no_map = bad;
    no_map.anomaly_map = cv::Mat();
    expect_error({good, no_map}, "crack/001.png: no anomaly map");

    km::EvaluationRecord wrong_size = bad;
    wrong_size.ground_truth = cv::Mat(8, 9, CV_8UC1, cv::Scalar(255));
    expect_error({good, wrong_size},
                 "crack/001.png: the anomaly map is 8x8 but the ground-truth mask is 9x8");

    km::EvaluationRecord marked_good = good;
    marked_good.ground_truth = cv::Mat(8, 8, CV_8UC1, cv::Scalar(0));
    marked_good.ground_truth.at<uint8_t>(2, 2) = 1;
    expect_error({marked_good, bad}, "good/000.png: labelled good but its mask marks 1 defect pixels");

    km::EvaluationRecord nan_score = bad;
    nan_score.score = std::nanf("");
    expect_error({good, nan_score}, "crack/001.png: the image score is NaN");

    km::EvaluationRecord untyped = bad;
    untyped.defect_type.clear();
    expect_error({good, untyped}, "crack/001.png: no defect type");

    km::EvaluationConfig config;
    config.pro_fpr_limit = 0.0;
    EXPECT_THROW((void)km::evaluate(std::vector<km::EvaluationRecord>{good, bad}, config), kensa::Error);
}

TEST(Evaluation, ReportsProgressAndCancels) {
    const km::test::SyntheticCase c = km::test::make_case(9, {.images = 6, .levels = 0});
    std::vector<std::string> stages;
    const auto record = [&](const kensa::Progress& p) {
        if (stages.empty() || stages.back() != p.stage)
            stages.push_back(p.stage);
        return true;
    };
    (void)km::evaluate(c.records, {}, record);
    EXPECT_EQ(stages, (std::vector<std::string>{"pixels", "sorting", "metrics"}));
    const auto cancel = [](const kensa::Progress& p) { return p.stage != "sorting"; };
    EXPECT_THROW((void)km::evaluate(c.records, {}, cancel), kensa::Cancelled);
}
