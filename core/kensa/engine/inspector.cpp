#include <kensa/engine/inspector.h>

#include <kensa/base/error.h>
#include <kensa/methods/registry.h>
#include <kensa/postprocess/region.h>
#include <kensa/postprocess/tiling.h>

#include <algorithm>
#include <cstring>
#include <optional>

namespace kensa::engine {

namespace {

constexpr const char* k_position_mean = "score.position_mean";
constexpr const char* k_position_std = "score.position_std";

cv::Mat grid_from_record(const io::TensorRecord& record) {
    if (record.dtype != io::DType::F32 || record.shape.size() != 2)
        throw Error("model: tensor '" + record.name + "' must be a float32 grid");
    cv::Mat grid(static_cast<int>(record.shape[0]), static_cast<int>(record.shape[1]), CV_32FC1);
    if (record.data.size() != grid.total() * sizeof(float))
        throw Error("model: tensor '" + record.name + "' has the wrong size");
    std::memcpy(grid.data, record.data.data(), record.data.size());
    return grid;
}

io::TensorRecord record_from_grid(const std::string& name, const cv::Mat& grid) {
    const cv::Mat g = grid.isContinuous() ? grid : grid.clone();
    io::TensorRecord record{name, io::DType::F32, {g.rows, g.cols}, {}};
    record.data.resize(g.total() * sizeof(float));
    std::memcpy(record.data.data(), g.data, record.data.size());
    return record;
}

}  // namespace

postprocess::PositionStatistics position_statistics(const model::ModelBundle& bundle) {
    const auto* mean = bundle.tensors.find(k_position_mean);
    const auto* stddev = bundle.tensors.find(k_position_std);
    if (!mean && !stddev)
        return {};
    if (!mean || !stddev)
        throw Error(std::string("model: '") + k_position_mean + "' and '" + k_position_std + "' must come together");
    postprocess::PositionStatistics stats{grid_from_record(*mean), grid_from_record(*stddev)};
    if (stats.mean.size() != stats.stddev.size())
        throw Error("model: position statistics have different sizes");
    return stats;
}

void store_position_statistics(model::ModelBundle& bundle, const postprocess::PositionStatistics& stats) {
    auto& tensors = bundle.tensors.tensors;
    std::erase_if(tensors, [](const io::TensorRecord& r) { return r.name == k_position_mean || r.name == k_position_std; });
    if (stats.empty())
        return;
    tensors.push_back(record_from_grid(k_position_mean, stats.mean));
    tensors.push_back(record_from_grid(k_position_std, stats.stddev));
    // Sorted by name, as every bundle's tensors are written.
    std::sort(tensors.begin(), tensors.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
}

struct Inspector::Impl {
    model::ModelBundle bundle;
    const Method* method = nullptr;
    std::unique_ptr<Detector> detector;
    postprocess::AnomalyMapOptions map;
    postprocess::PositionStatistics positions;
};

Inspector::Inspector(model::ModelBundle bundle, int threads) : m_impl(std::make_unique<Impl>()) {
    auto& impl = *m_impl;
    impl.bundle = std::move(bundle);
    const auto& b = impl.bundle;
    impl.method = &engine::method(b.method);
    impl.map = {b.image_size, b.gaussian_sigma, b.score_pool};
    impl.positions = position_statistics(b);
    impl.detector = impl.method->load(b, threads);
    if (!impl.positions.empty() && impl.positions.mean.size() != impl.detector->grid_size())
        throw Error("model: position statistics do not fit the " + std::string(impl.method->name()) + " grid");
}

Inspector Inspector::load(const std::filesystem::path& bundle_path, int threads) {
    try {
        return Inspector(model::load_bundle(bundle_path), threads);
    } catch (const Cancelled&) {
        throw;
    } catch (const std::exception& e) {
        const std::string what = e.what();
        throw what.starts_with(bundle_path.string()) ? Error(what) : file_error(bundle_path, what);
    }
}

Inspector::~Inspector() = default;
Inspector::Inspector(Inspector&&) noexcept = default;
Inspector& Inspector::operator=(Inspector&&) noexcept = default;

const model::ModelBundle& Inspector::bundle() const {
    return m_impl->bundle;
}
const Method& Inspector::method() const {
    return *m_impl->method;
}
postprocess::AnomalyMapOptions Inspector::map_options() const {
    return m_impl->map;
}

std::vector<postprocess::AnomalyResult> Inspector::inspect(const std::vector<cv::Mat>& images,
                                                           const ProgressCallback& progress, int batch_size) {
    if (batch_size <= 0)
        throw Error("inspection: the batch size must be positive");
    auto& impl = *m_impl;
    const model::RegionOfInterest& region = impl.bundle.region;
    const bool tiled = impl.bundle.tiling.enabled();
    // With a region, the method sees each image's region (views: nothing is copied).
    std::vector<cv::Mat> crops;
    if (region.enabled())
        for (const auto& image : images)
            crops.push_back(image(postprocess::region_bounds(region, image.size())));
    const auto& seen = region.enabled() ? crops : images;
    auto results = tiled ? inspect_tiled(seen, progress, batch_size) : inspect_whole(seen, progress, batch_size);
    if (region.enabled())
        for (size_t i = 0; i < results.size(); ++i) {
            const int side = tiled ? impl.bundle.tiling.tile : std::max(crops[i].cols, crops[i].rows);
            results[i] = postprocess::place_region_result(results[i], region, images[i].size(), impl.map, side);
        }
    return results;
}

// Each image resized to the model's input, batch_size images per pass.
std::vector<postprocess::AnomalyResult> Inspector::inspect_whole(const std::vector<cv::Mat>& images,
                                                                 const ProgressCallback& progress, int batch_size) {
    auto& impl = *m_impl;
    const auto total = static_cast<int64_t>(images.size());
    std::vector<postprocess::AnomalyResult> results;
    results.reserve(images.size());
    report(progress, {"inspecting", 0, total});
    for (int64_t begin = 0; begin < total; begin += batch_size) {
        const int64_t end = std::min<int64_t>(begin + batch_size, total);
        const std::vector<cv::Mat> chunk(images.begin() + begin, images.begin() + end);
        const auto scored = impl.detector->score(chunk);
        for (size_t i = 0; i < scored.size(); ++i) {
            auto result = postprocess::grid_to_result(scored[i].grid, chunk[i].size(), impl.map, impl.positions);
            if (scored[i].score)
                result.score = *scored[i].score;
            results.push_back(std::move(result));
        }
        report(progress, {"inspecting", end, total});
    }
    return results;
}

// Each image tile by tile, batch_size tiles per pass (so a 20-megapixel image never holds more than one
// batch of tiles' features), each tile's map blended into the image's map as it comes. Progress counts tiles.
std::vector<postprocess::AnomalyResult> Inspector::inspect_tiled(const std::vector<cv::Mat>& images,
                                                                 const ProgressCallback& progress, int batch_size) {
    auto& impl = *m_impl;
    const auto& tiling = impl.bundle.tiling;
    std::vector<postprocess::TileLayout> layouts;
    int64_t total = 0;
    for (const auto& image : images) {
        layouts.emplace_back(image.size(), tiling);
        total += layouts.back().count();
    }
    std::vector<postprocess::AnomalyResult> results;
    results.reserve(images.size());
    int64_t done = 0;
    report(progress, {"inspecting", 0, total});
    for (size_t i = 0; i < images.size(); ++i) {
        const auto& layout = layouts[i];
        cv::Mat map(images[i].size(), CV_32FC1, cv::Scalar(0.f));
        std::optional<float> own_score;  // a method's own image score: the highest of its tiles'
        for (int begin = 0; begin < layout.count(); begin += batch_size) {
            const int end = std::min(begin + batch_size, layout.count());
            std::vector<cv::Mat> tiles;
            for (int t = begin; t < end; ++t)
                tiles.push_back(images[i](layout.tile(t)));  // views: nothing is copied
            const auto scored = impl.detector->score(tiles);
            for (int t = begin; t < end; ++t) {
                const auto& s = scored[static_cast<size_t>(t - begin)];
                const auto model_map =
                    postprocess::grid_to_model_map(postprocess::normalize_positions(s.grid, impl.positions), impl.map);
                layout.blend(t, postprocess::to_image_size(model_map, layout.tile(t).size()), map);
                if (s.score)
                    own_score = std::max(own_score.value_or(*s.score), *s.score);
            }
            done += end - begin;
            report(progress, {"inspecting", done, total});
        }
        const float score = own_score ? *own_score : postprocess::tiled_image_score(map, impl.map, tiling.tile);
        results.push_back({std::move(map), score});
    }
    return results;
}

}  // namespace kensa::engine
