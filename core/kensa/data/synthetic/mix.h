#pragma once
// A mix of generators with shares: draws one synthetic defect per (image, seed), so training can give
// every image a fresh defect each epoch (seed = mix_seed(epoch, image index), say).

#include <kensa/base/result.h>
#include <kensa/data/synthetic/registry.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kensa::data::synthetic {

struct GeneratorChoice {
    std::string id;                        // see generator_catalog()
    double share = 1;                      // relative weight; 0 leaves the generator out
    std::map<std::string, double> params;  // by name; parameters not listed keep their defaults
};

struct MixConfig {
    std::vector<GeneratorChoice> generators;  // empty: every generator, equal shares, default parameters
    std::filesystem::path texture_folder;     // for perlin_texture; empty: the built-in textures
};

class SyntheticMix {
public:
    // Throws kensa::Error for an unknown generator or parameter, a bad value, a negative share, no
    // positive share, or a texture folder that cannot be used (only opened when perlin_texture is in).
    explicit SyntheticMix(const MixConfig& config = {});
    static Result<SyntheticMix> create(const MixConfig& config);

    // One defect from the generator pick(seed) names. Deterministic in (image, seed); thread-safe.
    SyntheticDefect apply(const cv::Mat& image, uint64_t seed) const;

    // The generator a seed selects, with probability proportional to its share.
    const Generator& pick(uint64_t seed) const;

    size_t size() const { return m_generators.size(); }
    const Generator& generator(size_t index) const { return *m_generators.at(index); }
    double share(size_t index) const { return m_shares.at(index) / m_total; }  // sums to 1

private:
    std::vector<std::shared_ptr<const Generator>> m_generators;  // shared: the mix stays copyable
    std::vector<double> m_shares;
    double m_total = 0;
};

}  // namespace kensa::data::synthetic
