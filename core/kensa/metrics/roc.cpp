#include <kensa/metrics/roc.h>

#include <kensa/base/error.h>
#include <kensa/metrics/pixel_table.h>
#include <kensa/metrics/score_sort.h>

#include <cmath>
#include <string>

namespace kensa::metrics {

RocAccumulator::RocAccumulator(int64_t positives, int64_t negatives, size_t max_curve_points)
    : m_curve(max_curve_points) {
    m_result.positives = positives;
    m_result.negatives = negatives;
    m_curve.add({0.0, 0.0, std::numeric_limits<float>::infinity()});
}

void RocAccumulator::add(float threshold, int64_t true_positives, int64_t false_positives) {
    if (true_positives == m_tp && false_positives == m_fp)
        return;
    m_twice_area +=
        static_cast<uint64_t>(false_positives - m_fp) * static_cast<uint64_t>(true_positives + m_tp);
    m_tp = true_positives;
    m_fp = false_positives;
    if (m_result.positives > 0) {
        const double f1 = 2.0 * static_cast<double>(m_tp) / static_cast<double>(m_tp + m_fp + m_result.positives);
        if (!(f1 <= m_result.best_f1)) {  // also true while best_f1 is NaN
            m_result.best_f1 = f1;
            m_result.f1_threshold = threshold;
        }
    }
    if (m_result.positives > 0 && m_result.negatives > 0) {
        m_curve.add({static_cast<double>(m_fp) / static_cast<double>(m_result.negatives),
                     static_cast<double>(m_tp) / static_cast<double>(m_result.positives), threshold});
    }
}

RocResult RocAccumulator::finish() {
    const int64_t p = m_result.positives;
    const int64_t n = m_result.negatives;
    if (p > 0 && n > 0) {
        m_result.auroc =
            static_cast<double>(m_twice_area) / (2.0 * static_cast<double>(p) * static_cast<double>(n));
        m_result.curve = m_curve.finish();
    }
    return std::move(m_result);
}

RocResult roc_curve(std::span<const float> scores, std::span<const uint8_t> labels, size_t max_curve_points) {
    if (scores.size() != labels.size())
        throw Error("got " + std::to_string(scores.size()) + " scores but " + std::to_string(labels.size()) +
                    " labels");
    ScoredEntries entries;
    entries.reserve(scores.size());
    int64_t positives = 0;
    for (size_t i = 0; i < scores.size(); ++i) {
        if (std::isnan(scores[i]))
            throw Error("score " + std::to_string(i + 1) + " is NaN");
        const uint32_t positive = labels[i] != 0 ? 1 : 0;
        positives += positive;
        entries.push_back(pack_scored(scores[i], positive));
    }
    sort_by_score(entries);

    RocAccumulator roc(positives, static_cast<int64_t>(scores.size()) - positives, max_curve_points);
    int64_t tp = 0;
    int64_t fp = 0;
    sweep_descending(
        entries, [&](uint32_t positive) { positive ? ++tp : ++fp; },
        [&](float threshold) {
            roc.add(threshold, tp, fp);
            return true;
        });
    return roc.finish();
}

RocResult pixel_roc(std::span<const cv::Mat> anomaly_maps, std::span<const cv::Mat> masks,
                    size_t max_curve_points) {
    const PixelTable table(anomaly_maps, masks);
    PixelSweepOptions options;
    options.pro = false;
    options.max_roc_points = max_curve_points;
    return table.sweep({}, options).roc;
}

}  // namespace kensa::metrics
