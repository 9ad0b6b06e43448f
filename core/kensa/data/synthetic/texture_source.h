#pragma once
// Where the foreign textures of "perlin_texture" defects come from: a folder of photos the user chooses
// (e.g. the Describable Textures Dataset, as DRAEM uses), or the photographs built into Kensa.

#include <kensa/base/result.h>

#include <opencv2/core.hpp>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace kensa::data::synthetic {

struct Texture {
    cv::Mat rgb;        // CV_32FC3 RGB in [0, 1], at most k_max_texture_side on its shorter side
    bool grey = false;  // all channels equal: generators colourise it
};

inline constexpr int k_max_texture_side = 512;

class TextureSource {
public:
    // The embedded CC0 photographs gravel and grass (grey, so they are colourised per defect).
    static std::shared_ptr<const TextureSource> built_in();

    // Every image in `folder` and its subfolders, in list_image_folder's order. Fails, naming the folder
    // and what to do, when it does not exist, cannot be listed or holds no image. Images are decoded when
    // first used, so opening a folder of thousands is quick.
    static Result<std::shared_ptr<const TextureSource>> from_folder(const std::filesystem::path& folder);

    size_t size() const { return m_files.size(); }
    const std::string& label(size_t index) const { return m_labels.at(index); }

    // Texture `index`; thread-safe. Recently used textures are kept decoded (up to k_cache_size), so the
    // pixels may be shared with the cache: copy before changing them in place.
    // Throws kensa::Error naming the file when it cannot be decoded.
    Texture texture(size_t index) const;

private:
    static constexpr size_t k_cache_size = 32;

    TextureSource() = default;
    Texture load(size_t index) const;

    std::vector<std::filesystem::path> m_files;  // empty for an embedded photo...
    std::vector<std::string> m_embedded;         // ...named here
    std::vector<std::string> m_labels;
    mutable std::mutex m_mutex;
    mutable std::map<size_t, std::pair<Texture, uint64_t>> m_cache;  // index -> texture, last use
    mutable uint64_t m_uses = 0;
};

}  // namespace kensa::data::synthetic
