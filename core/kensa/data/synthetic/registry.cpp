#include <kensa/data/synthetic/registry.h>

#include <kensa/base/error.h>
#include <kensa/data/synthetic/confetti.h>
#include <kensa/data/synthetic/cutpaste.h>
#include <kensa/data/synthetic/perlin_texture.h>
#include <kensa/data/synthetic/scratch.h>

#include <functional>

namespace kensa::data::synthetic {

namespace {

// A generator over its params struct P and its function.
template <typename P>
class GeneratorOf final : public Generator {
public:
    using Function = std::function<SyntheticDefect(const cv::Mat&, uint64_t, const P&)>;

    GeneratorOf(const GeneratorInfo& info, Function function)
        : m_info(info), m_function(std::move(function)) {}

    const GeneratorInfo& info() const override { return m_info; }
    double param(std::string_view name) const override { return get_param(m_info.id, m_params, name); }
    void set_param(std::string_view name, double value) override {
        synthetic::set_param(m_info.id, m_params, name, value);
    }
    void validate() const override { m_params.validate(); }
    SyntheticDefect apply(const cv::Mat& image, uint64_t seed) const override {
        return m_function(image, seed, m_params);
    }

private:
    const GeneratorInfo& m_info;
    Function m_function;
    P m_params;
};

}  // namespace

const std::vector<GeneratorInfo>& generator_catalog() {
    static const std::vector<GeneratorInfo> k_catalog = {
        {"confetti", "Confetti noise",
         "Small squares and blobs of random colour, white or noise pasted at random places (ADTR, after "
         "FCDD).",
         param_specs<ConfettiParams>()},
        {"cutpaste_patch", "CutPaste patch",
         "A rectangle of the image itself, colour-jittered, pasted at another place (Li et al. 2021).",
         param_specs<CutPastePatchParams>()},
        {"cutpaste_scar", "CutPaste scar",
         "A thin, rotated strip of the image itself pasted at another place (Li et al. 2021).",
         param_specs<CutPasteScarParams>()},
        {"perlin_texture", "Perlin texture",
         "Perlin-noise shaped regions filled with a foreign texture (DRAEM, Zavrtanik et al. 2021).",
         param_specs<PerlinTextureParams>()},
        {"scratch", "Scratches", "Thin curved strokes, darker or lighter than the surface.",
         param_specs<ScratchParams>()},
    };
    return k_catalog;
}

const GeneratorInfo* find_generator(std::string_view id) {
    for (const auto& info : generator_catalog()) {
        if (info.id == id)
            return &info;
    }
    return nullptr;
}

std::unique_ptr<Generator> make_generator(std::string_view id,
                                          std::shared_ptr<const TextureSource> textures) {
    const GeneratorInfo* info = find_generator(id);
    if (!info) {
        std::string known;
        for (const auto& g : generator_catalog())
            known += (known.empty() ? "" : ", ") + g.id;
        throw Error("unknown synthetic defect generator '" + std::string(id) + "'; the generators are " +
                    known);
    }
    if (id == "confetti")
        return std::make_unique<GeneratorOf<ConfettiParams>>(*info, confetti);
    if (id == "cutpaste_patch")
        return std::make_unique<GeneratorOf<CutPastePatchParams>>(*info, cutpaste_patch);
    if (id == "cutpaste_scar")
        return std::make_unique<GeneratorOf<CutPasteScarParams>>(*info, cutpaste_scar);
    if (id == "perlin_texture") {
        if (!textures)
            textures = TextureSource::built_in();
        return std::make_unique<GeneratorOf<PerlinTextureParams>>(
            *info, [textures](const cv::Mat& image, uint64_t seed, const PerlinTextureParams& p) {
                return perlin_texture(image, seed, p, textures.get());
            });
    }
    return std::make_unique<GeneratorOf<ScratchParams>>(*info, scratch);
}

}  // namespace kensa::data::synthetic
