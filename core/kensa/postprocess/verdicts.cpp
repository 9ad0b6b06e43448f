#include <kensa/postprocess/verdicts.h>

#include <kensa/base/error.h>
#include <kensa/postprocess/verdict.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace kensa::postprocess {

namespace {

void check_lengths(size_t scores, size_t truths) {
    if (scores != truths)
        throw Error("verdicts: " + std::to_string(scores) + " scores but " + std::to_string(truths) +
                    " truths");
}

// How many of the ascending values are anomalous at threshold (lower_bound: the first value >= it).
int64_t at_or_above(const std::vector<float>& ascending, float threshold) {
    return int64_t(ascending.end() - std::lower_bound(ascending.begin(), ascending.end(), threshold));
}

}  // namespace

VerdictCounts count_verdicts(std::span<const float> scores, std::span<const Truth> truths, float threshold) {
    check_lengths(scores.size(), truths.size());
    VerdictCounts c;
    for (size_t i = 0; i < scores.size(); ++i) {
        if (std::isnan(scores[i]))
            continue;
        const bool ng = is_anomalous(scores[i], threshold);
        ++(ng ? c.ng : c.ok);
        if (truths[i] == Truth::Defect)
            ++(ng ? c.true_ng : c.false_ok);
        else if (truths[i] == Truth::Normal)
            ++(ng ? c.false_ng : c.true_ok);
    }
    return c;
}

VerdictCounter::VerdictCounter(std::span<const float> scores, std::span<const Truth> truths) {
    check_lengths(scores.size(), truths.size());
    for (size_t i = 0; i < scores.size(); ++i) {
        if (std::isnan(scores[i]))
            continue;
        auto& bucket = truths[i] == Truth::Normal   ? m_normal
                       : truths[i] == Truth::Defect ? m_defect
                                                    : m_unknown;
        bucket.push_back(scores[i]);
    }
    for (auto* v : {&m_normal, &m_defect, &m_unknown})
        std::sort(v->begin(), v->end());
}

VerdictCounts VerdictCounter::at(float threshold) const {
    VerdictCounts c;
    if (std::isnan(threshold))  // nothing is >= NaN: every image passes, as in count_verdicts
        threshold = std::numeric_limits<float>::infinity();
    c.true_ng = at_or_above(m_defect, threshold);
    c.false_ok = int64_t(m_defect.size()) - c.true_ng;
    c.false_ng = at_or_above(m_normal, threshold);
    c.true_ok = int64_t(m_normal.size()) - c.false_ng;
    c.ng = c.true_ng + c.false_ng + at_or_above(m_unknown, threshold);
    c.ok = scored() - c.ng;
    return c;
}

}  // namespace kensa::postprocess
