#include <kensa/metrics/score_sort.h>

#include <algorithm>
#include <array>

namespace kensa::metrics {

namespace {

// Three passes of 11, 11 and 10 bits cover the 32-bit key.
constexpr int kPasses = 3;
constexpr int kShift[kPasses] = {32, 43, 54};
constexpr uint64_t kMask[kPasses] = {0x7ff, 0x7ff, 0x3ff};
constexpr size_t kBuckets = 2048;

}  // namespace

void sort_by_score(ScoredEntries& entries) {
    const size_t n = entries.size();
    if (n < 4096) {
        std::sort(entries.begin(), entries.end(),
                  [](uint64_t a, uint64_t b) { return packed_key(a) < packed_key(b); });
        return;
    }
    std::array<std::array<size_t, kBuckets>, kPasses> counts{};
    for (uint64_t e : entries) {
        for (int p = 0; p < kPasses; ++p)
            ++counts[p][(e >> kShift[p]) & kMask[p]];
    }
    ScoredEntries buffer(n);
    uint64_t* src = entries.data();
    uint64_t* dst = buffer.data();
    for (int p = 0; p < kPasses; ++p) {
        auto& count = counts[p];
        // A digit shared by every entry (common in the high bits of scores in a narrow range) needs no pass.
        if (std::find(count.begin(), count.end(), n) != count.end())
            continue;
        size_t offset = 0;
        for (size_t& c : count) {
            const size_t k = c;
            c = offset;
            offset += k;
        }
        for (size_t i = 0; i < n; ++i) {
            const uint64_t e = src[i];
            dst[count[(e >> kShift[p]) & kMask[p]]++] = e;
        }
        std::swap(src, dst);
    }
    if (src != entries.data())
        std::copy(src, src + n, entries.data());
}

}  // namespace kensa::metrics
