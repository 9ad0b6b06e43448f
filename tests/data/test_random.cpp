#include <kensa/data/random.h>

#include <gtest/gtest.h>

#include <set>

namespace kensa::data {
namespace {

TEST(Random, SameSeedSameSequenceDifferentSeedDifferent) {
    Random a(7), b(7), c(8);
    int same_c = 0;
    for (int i = 0; i < 100; ++i) {
        const uint32_t va = a.next_u32();
        EXPECT_EQ(va, b.next_u32());
        same_c += va == c.next_u32();
    }
    EXPECT_LT(same_c, 3);
}

TEST(Random, SeedsFromTheStandardEngineAndSeedSequence) {
    // Both are fully specified by the C++ standard, which is what makes samples portable.
    std::seed_seq seq{0x89abcdefu, 0x01234567u};
    std::mt19937 reference(seq);
    Random r(0x0123456789abcdefull);
    for (int i = 0; i < 10; ++i)
        EXPECT_EQ(r.next_u32(), reference());
}

TEST(Random, RangesAreRespectedAndCovered) {
    Random r(1);
    std::set<int> seen;
    double lo = 1, hi = 0;
    for (int i = 0; i < 20000; ++i) {
        const int v = r.integer(-2, 3);
        ASSERT_GE(v, -2);
        ASSERT_LE(v, 3);
        seen.insert(v);
        const double u = r.uniform(2.0, 5.0);
        ASSERT_GE(u, 2.0);
        ASSERT_LT(u, 5.0);
        const double w = r.uniform();
        lo = std::min(lo, w), hi = std::max(hi, w);
    }
    EXPECT_EQ(seen.size(), 6u);
    EXPECT_LT(lo, 0.001);
    EXPECT_GT(hi, 0.999);
    EXPECT_EQ(Random(3).integer(5, 5), 5);
}

TEST(Random, MixSeedSeparatesStreams) {
    std::set<uint64_t> values;
    for (uint64_t s = 0; s < 50; ++s) {
        for (uint64_t i = 0; i < 50; ++i)
            values.insert(mix_seed(s, i));
    }
    EXPECT_EQ(values.size(), 2500u);
    EXPECT_EQ(mix_seed(1, 2), mix_seed(1, 2));
}

}  // namespace
}  // namespace kensa::data
