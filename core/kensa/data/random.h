#pragma once
// Seeded randomness that gives the same numbers on every platform: std::mt19937's output is fixed by the
// standard, but std::uniform_*_distribution is not, so values are derived from the raw output here.

#include <cstdint>
#include <random>

namespace kensa::data {

// A well-mixed 64-bit value from two inputs (splitmix64 finaliser), for deriving independent streams,
// e.g. mix_seed(seed, image_index).
uint64_t mix_seed(uint64_t a, uint64_t b);

class Random {
public:
    explicit Random(uint64_t seed);

    uint32_t next_u32() { return static_cast<uint32_t>(m_engine()); }
    double uniform();                      // [0, 1), 53 random bits
    double uniform(double lo, double hi);  // [lo, hi)
    int integer(int lo, int hi);           // [lo, hi], both included
    bool chance(double p) { return uniform() < p; }
    double sign() { return chance(0.5) ? -1.0 : 1.0; }

private:
    std::mt19937 m_engine;
};

}  // namespace kensa::data
