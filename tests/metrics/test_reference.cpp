// Agreement with independent implementations: scikit-learn's roc_auc_score for image and pixel AUROC and
// a NumPy/SciPy AU-PRO (reference_metrics.py), on random sets with and without heavy ties.

#include <kensa/metrics/evaluation.h>
#include <kensa/metrics/pro.h>
#include <kensa/metrics/roc.h>

#include "synthetic_cases.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
namespace km = kensa::metrics;

namespace {

constexpr const char* kPython = "/usr/bin/python3";

void write_case(const fs::path& dir, const km::test::SyntheticCase& c) {
    fs::create_directories(dir);
    std::ofstream meta(dir / "meta.txt");
    meta.precision(9);  // enough digits to round-trip a float
    for (size_t i = 0; i < c.records.size(); ++i) {
        const km::EvaluationRecord& r = c.records[i];
        const cv::Mat map = r.anomaly_map.clone();
        meta << r.name << ' ' << r.defect_type << ' ' << r.score << ' ' << map.rows << ' ' << map.cols << ' '
             << (r.ground_truth.empty() ? 0 : 1) << '\n';
        std::ofstream(dir / ("map_" + std::to_string(i) + ".bin"), std::ios::binary)
            .write(reinterpret_cast<const char*>(map.data),
                   static_cast<std::streamsize>(map.total() * sizeof(float)));
        if (!r.ground_truth.empty()) {
            const cv::Mat mask = r.ground_truth.clone();
            std::ofstream(dir / ("mask_" + std::to_string(i) + ".bin"), std::ios::binary)
                .write(reinterpret_cast<const char*>(mask.data), static_cast<std::streamsize>(mask.total()));
        }
    }
}

// "<set> <metric>" -> value, from reference.txt.
std::map<std::string, double> read_reference(const fs::path& dir) {
    std::map<std::string, double> values;
    std::ifstream in(dir / "reference.txt");
    std::string set, metric, value;
    while (in >> set >> metric >> value)
        values[set + " " + metric] = std::stod(value);
    return values;
}

void expect_same(double ours, double reference, const std::string& what) {
    if (std::isnan(reference)) {
        EXPECT_TRUE(std::isnan(ours)) << what << ": " << ours << ", reference undefined";
    } else {
        EXPECT_NEAR(ours, reference, 1e-6) << what;
    }
}

struct Scenario {
    unsigned seed;
    km::test::CaseOptions options;
};

}  // namespace

TEST(Reference, AgreesWithScikitLearnAndScipy) {
    if (!fs::exists(kPython))
        GTEST_SKIP() << kPython << " not found";
    const std::vector<Scenario> scenarios = {
        {1, {.images = 12, .levels = 0}},
        {2, {.images = 16, .levels = 4}},  // heavy ties in maps and image scores
        {3, {.images = 10, .levels = 2}},  // very heavy ties
        {4, {.images = 20, .levels = 0, .height = 24, .width = 30}},
        {5, {.images = 8, .levels = 16, .height = 64, .width = 64}},
        {6, {.images = 3, .levels = 0}},  // one image per type
    };
    const fs::path root =
        fs::temp_directory_path() / ("kensa_metrics_reference_" + std::to_string(std::random_device{}()));
    auto quoted = [](const std::string& text) { return "\"" + text + "\""; };
    std::string command =
        std::string(kPython) + " " + quoted(KENSA_SOURCE_DIR "/tests/metrics/reference_metrics.py");
    std::vector<km::test::SyntheticCase> cases;
    for (size_t k = 0; k < scenarios.size(); ++k) {
        cases.push_back(km::test::make_case(scenarios[k].seed, scenarios[k].options));
        write_case(root / std::to_string(k), cases.back());
        command += " " + quoted((root / std::to_string(k)).string());
    }
    ASSERT_EQ(std::system(command.c_str()), 0) << command;

    for (size_t k = 0; k < cases.size(); ++k) {
        SCOPED_TRACE("scenario " + std::to_string(k));
        const auto reference = read_reference(root / std::to_string(k));
        const km::EvaluationReport report = km::evaluate(cases[k].records);
        ASSERT_EQ(reference.size(), 3 * (1 + report.per_defect_type.size()));
        std::vector<const km::MetricSet*> sets = {&report.overall};
        for (const auto& s : report.per_defect_type)
            sets.push_back(&s);
        for (const km::MetricSet* s : sets) {
            const std::string name = s->defect_type.empty() ? "all" : s->defect_type;
            expect_same(s->image_auroc, reference.at(name + " image_auroc"), name + " image AUROC");
            expect_same(s->pixel_auroc, reference.at(name + " pixel_auroc"), name + " pixel AUROC");
            expect_same(s->aupro, reference.at(name + " aupro"), name + " AU-PRO");
        }
        // The standalone functions agree too.
        std::vector<cv::Mat> maps, masks;
        for (const auto& r : cases[k].records) {
            maps.push_back(r.anomaly_map);
            masks.push_back(r.ground_truth);
        }
        expect_same(km::pro_curve(maps, masks).aupro, reference.at("all aupro"), "pro_curve");
        expect_same(km::pixel_roc(maps, masks).auroc, reference.at("all pixel_auroc"), "pixel_roc");
    }
    if (!std::getenv("KENSA_KEEP_REFERENCE"))
        fs::remove_all(root);
}
