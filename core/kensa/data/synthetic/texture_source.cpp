#include <kensa/data/synthetic/texture_source.h>

#include <kensa/base/error.h>
#include <kensa/data/image_folder.h>
#include <kensa/data/image_io.h>
#include <kensa/data/sample_photos.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace kensa::data::synthetic {

namespace fs = std::filesystem;

std::shared_ptr<const TextureSource> TextureSource::built_in() {
    static const std::shared_ptr<const TextureSource> k_built_in = [] {
        std::shared_ptr<TextureSource> source(new TextureSource);
        // Not the brick photo: it is what the sample product is made of, so hardly foreign.
        for (const char* name : {"gravel", "grass"}) {
            source->m_files.emplace_back();
            source->m_embedded.emplace_back(name);
            source->m_labels.push_back(std::string(name) + " (built in)");
        }
        return source;
    }();
    return k_built_in;
}

Result<std::shared_ptr<const TextureSource>> TextureSource::from_folder(const fs::path& folder) {
    return capture([&]() -> std::shared_ptr<const TextureSource> {
        auto files = list_image_folder(folder, /*recursive=*/true).take();
        if (files.empty()) {
            throw file_error(
                folder,
                "no texture images found (looked for .png .jpg .jpeg .bmp .tif .tiff, also in "
                "subfolders); add texture photos or choose no folder to use the built-in textures");
        }
        std::shared_ptr<TextureSource> source(new TextureSource);
        for (const auto& f : files) {
            source->m_files.push_back(f.path);
            source->m_embedded.emplace_back();
            source->m_labels.push_back(f.relative_path.generic_string());
        }
        return source;
    });
}

Texture TextureSource::load(size_t index) const {
    cv::Mat rgb;
    if (m_files[index].empty()) {
        const std::string& name = m_embedded[index];
        const auto bytes = embedded_sample_photo(name);
        if (bytes.empty())
            throw Error("embedded photo '" + name + "' is missing from this build");
        rgb = decode_image(bytes, name + ".png (embedded)").take();
    } else {
        auto decoded = read_image(m_files[index]);
        if (!decoded)
            throw Error("texture " + decoded.error().message() + " (fix or remove the file)");
        rgb = std::move(decoded).take();
    }
    const double shrink = double(k_max_texture_side) / std::min(rgb.cols, rgb.rows);
    if (shrink < 1)
        cv::resize(rgb, rgb, cv::Size(), shrink, shrink, cv::INTER_AREA);
    std::vector<cv::Mat> channels;
    cv::split(rgb, channels);
    const bool grey = cv::norm(channels[0], channels[1], cv::NORM_INF) < 1e-4 &&
                      cv::norm(channels[1], channels[2], cv::NORM_INF) < 1e-4;
    return {rgb, grey};
}

Texture TextureSource::texture(size_t index) const {
    if (index >= m_files.size())
        throw Error("texture index " + std::to_string(index) + " is out of range");
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_cache.find(index); it != m_cache.end()) {
            it->second.second = ++m_uses;
            return it->second.first;
        }
    }
    Texture texture = load(index);  // outside the lock: decoding is slow, a duplicate load is harmless
    std::lock_guard lock(m_mutex);
    if (m_cache.size() >= k_cache_size) {
        const auto oldest =
            std::min_element(m_cache.begin(), m_cache.end(),
                             [](const auto& a, const auto& b) { return a.second.second < b.second.second; });
        m_cache.erase(oldest);
    }
    m_cache[index] = {texture, ++m_uses};
    return texture;
}

}  // namespace kensa::data::synthetic
