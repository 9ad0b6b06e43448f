#pragma once
// Verdicts at an image threshold: how many images are NG (verdict.h's rule)
// and, for images whose truth is known, the confusion matrix. Two ways to the same numbers: a direct pass
// (the reference) and VerdictCounter, which sorts once so a threshold slider recounts in O(log n).

#include <cstdint>
#include <span>
#include <vector>

namespace kensa::postprocess {

enum class Truth : uint8_t { Unknown, Normal, Defect };

struct VerdictCounts {
    int64_t ng = 0;        // every scored image at or above the threshold
    int64_t ok = 0;        // every scored image below it
    int64_t true_ng = 0;   // defects flagged
    int64_t false_ng = 0;  // normal images flagged
    int64_t false_ok = 0;  // defects passed
    int64_t true_ok = 0;   // normal images passed

    int64_t normal() const { return false_ng + true_ok; }
    int64_t defect() const { return true_ng + false_ok; }
    bool operator==(const VerdictCounts&) const = default;
};

// One pass over every image. NaN scores (images that could not be inspected) count nowhere.
// Throws kensa::Error when the spans differ in length.
VerdictCounts count_verdicts(std::span<const float> scores, std::span<const Truth> truths, float threshold);

// The same counts from scores sorted once per truth class: at() is three binary searches.
class VerdictCounter {
public:
    VerdictCounter() = default;
    // Throws kensa::Error when the spans differ in length.
    VerdictCounter(std::span<const float> scores, std::span<const Truth> truths);

    VerdictCounts at(float threshold) const;
    int64_t scored() const { return int64_t(m_normal.size() + m_defect.size() + m_unknown.size()); }

private:
    std::vector<float> m_normal, m_defect, m_unknown;  // ascending, NaN left out
};

}  // namespace kensa::postprocess
