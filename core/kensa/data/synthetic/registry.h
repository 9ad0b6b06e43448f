#pragma once
// Every synthetic-defect generator behind one interface, found by id, with its parameters described
// generically: what the CLI and the UI use to list generators, build controls and set values by name.

#include <kensa/data/synthetic/defect.h>
#include <kensa/data/synthetic/params.h>
#include <kensa/data/synthetic/texture_source.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::data::synthetic {

struct GeneratorInfo {
    std::string id;            // stable, for files and the command line, e.g. "cutpaste_scar"
    std::string display_name;  // e.g. "CutPaste scar"
    std::string description;   // one sentence
    std::vector<ParamSpec> params;
};

// All generators, in a fixed order: confetti, cutpaste_patch, cutpaste_scar, perlin_texture, scratch.
const std::vector<GeneratorInfo>& generator_catalog();

// The entry for `id`, or nullptr.
const GeneratorInfo* find_generator(std::string_view id);

// One generator with its current parameters. apply() is const and thread-safe.
class Generator {
public:
    virtual ~Generator() = default;

    virtual const GeneratorInfo& info() const = 0;
    const std::string& id() const { return info().id; }

    // By name, as listed in info().params. set_param checks the value against its range and throws
    // kensa::Error for an unknown name or a bad value; validate() also checks how values relate
    // (e.g. min_size <= max_size), and apply() validates first.
    virtual double param(std::string_view name) const = 0;
    virtual void set_param(std::string_view name, double value) = 0;
    virtual void validate() const = 0;

    virtual SyntheticDefect apply(const cv::Mat& image, uint64_t seed) const = 0;
};

// A generator with default parameters. `textures` is used by perlin_texture (null: built-in textures).
// Throws kensa::Error for an unknown id, listing the known ones.
std::unique_ptr<Generator> make_generator(std::string_view id,
                                          std::shared_ptr<const TextureSource> textures = nullptr);

}  // namespace kensa::data::synthetic
