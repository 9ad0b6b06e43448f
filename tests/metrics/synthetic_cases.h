#pragma once
// Random but reproducible test sets for the metric tests: good images and two defect types, blob and
// speck defects (several regions per image, some touching only diagonally), maps that score defects higher
// with plenty of overlap, and optionally scores quantised to a few levels for heavy ties.

#include <kensa/metrics/evaluation.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <random>
#include <vector>

namespace kensa::metrics::test {

struct CaseOptions {
    int images = 10;
    int levels = 0;  // > 0: quantise map and image scores to this many steps per unit
    int height = 40;
    int width = 48;
};

struct SyntheticCase {
    std::vector<EvaluationRecord> records;
};

inline SyntheticCase make_case(unsigned seed, const CaseOptions& o) {
    std::mt19937 rng(seed);
    auto uniform = [&](double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); };
    auto integer = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    const char* types[] = {"good", "crack", "stain"};

    SyntheticCase c;
    for (int i = 0; i < o.images; ++i) {
        EvaluationRecord r;
        // The first three images cover every type; the rest are random.
        r.defect_type = types[i < 3 ? i : integer(0, 2)];
        r.name = r.defect_type + "/" + std::to_string(i) + ".png";
        const int h = o.height - integer(0, 6);
        const int w = o.width - integer(0, 6);
        cv::Mat mask(h, w, CV_8UC1, cv::Scalar(0));
        if (r.defect_type != "good") {
            for (int k = integer(1, 3); k > 0; --k) {
                const cv::Point centre(integer(0, w - 1), integer(0, h - 1));
                const cv::Size axes(integer(1, w / 5), integer(1, h / 5));
                cv::ellipse(mask, centre, axes, uniform(0, 180), 0, 360, cv::Scalar(255), cv::FILLED);
            }
            for (int k = integer(0, 3); k > 0; --k) {  // specks, some as diagonal pairs
                const int x = integer(0, w - 2);
                const int y = integer(0, h - 2);
                mask.at<uint8_t>(y, x) = 1;
                if (integer(0, 1))
                    mask.at<uint8_t>(y + 1, x + 1) = 1;
            }
        }
        cv::Mat map(h, w, CV_32FC1);
        const double gain = uniform(0.2, 1.0);
        float peak = 0.0f;
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                double v = uniform(0.0, 1.0) + (mask.at<uint8_t>(y, x) ? gain * uniform(0.0, 1.0) : 0.0);
                if (o.levels > 0)
                    v = std::round(v * o.levels) / o.levels;
                map.at<float>(y, x) = static_cast<float>(v);
                peak = std::max(peak, static_cast<float>(v));
            }
        }
        r.score = peak + static_cast<float>(uniform(-0.3, 0.3));
        if (o.levels > 0)
            r.score = std::round(r.score * static_cast<float>(o.levels)) / static_cast<float>(o.levels);
        r.anomaly_map = map;
        // Good images sometimes come without a mask, as in MVTec AD.
        if (r.defect_type != "good" || integer(0, 1))
            r.ground_truth = mask;
        c.records.push_back(std::move(r));
    }
    return c;
}

}  // namespace kensa::metrics::test
