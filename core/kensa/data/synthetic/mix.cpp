#include <kensa/data/synthetic/mix.h>

#include <kensa/base/error.h>
#include <kensa/data/random.h>

#include <cmath>

namespace kensa::data::synthetic {

namespace {
// Independent streams from one seed: which generator, and the generator's own randomness.
constexpr uint64_t k_pick_stream = 0x7069636b;
constexpr uint64_t k_defect_stream = 0x64656665;
}  // namespace

SyntheticMix::SyntheticMix(const MixConfig& config) {
    std::vector<GeneratorChoice> choices = config.generators;
    if (choices.empty()) {
        for (const auto& info : generator_catalog())
            choices.push_back({info.id});
    }
    std::shared_ptr<const TextureSource> textures;
    for (const auto& choice : choices) {
        if (!std::isfinite(choice.share) || choice.share < 0) {
            throw Error("synthetic defects: the share of '" + choice.id + "' is " +
                        std::to_string(choice.share) + "; shares must be 0 or more");
        }
        if (choice.id == "perlin_texture" && choice.share > 0 && !textures && !config.texture_folder.empty())
            textures = TextureSource::from_folder(config.texture_folder).take();
        auto generator = make_generator(choice.id, textures);
        for (const auto& [name, value] : choice.params)
            generator->set_param(name, value);
        generator->validate();
        if (choice.share > 0) {
            m_generators.push_back(std::move(generator));
            m_shares.push_back(choice.share);
            m_total += choice.share;
        }
    }
    if (m_generators.empty())
        throw Error(
            "synthetic defects: no generator has a share above 0; give at least one a positive share");
}

Result<SyntheticMix> SyntheticMix::create(const MixConfig& config) {
    return capture([&] { return SyntheticMix(config); });
}

const Generator& SyntheticMix::pick(uint64_t seed) const {
    Random rng(mix_seed(seed, k_pick_stream));
    const double target = rng.uniform() * m_total;
    double cumulative = 0;
    for (size_t i = 0; i < m_generators.size(); ++i) {
        cumulative += m_shares[i];
        if (target < cumulative)
            return *m_generators[i];
    }
    return *m_generators.back();  // rounding at the top end
}

SyntheticDefect SyntheticMix::apply(const cv::Mat& image, uint64_t seed) const {
    return pick(seed).apply(image, mix_seed(seed, k_defect_stream));
}

}  // namespace kensa::data::synthetic
