#include <kensa/data/random.h>

#include <cassert>

namespace kensa::data {

uint64_t mix_seed(uint64_t a, uint64_t b) {
    uint64_t z = a + 0x9e3779b97f4a7c15ull * (b + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

Random::Random(uint64_t seed) {
    // std::seed_seq's algorithm is specified by the standard, so this is as portable as the engine.
    std::seed_seq seq{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32)};
    m_engine.seed(seq);
}

double Random::uniform() {
    const uint64_t hi = next_u32() >> 5;  // 27 bits
    const uint64_t lo = next_u32() >> 6;  // 26 bits
    return static_cast<double>((hi << 26) | lo) * 0x1.0p-53;
}

double Random::uniform(double lo, double hi) {
    return lo + (hi - lo) * uniform();
}

int Random::integer(int lo, int hi) {
    assert(lo <= hi);
    const uint64_t span = static_cast<uint64_t>(static_cast<int64_t>(hi) - lo) + 1;
    return static_cast<int>(lo + static_cast<int64_t>((static_cast<uint64_t>(next_u32()) * span) >> 32));
}

}  // namespace kensa::data
