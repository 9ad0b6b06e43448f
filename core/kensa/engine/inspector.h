#pragma once
// A trained model of any method, ready to inspect images: the method's detector (methods/registry.h)
// followed by the shared post-processing (postprocess/anomaly_map.h): an anomaly map at each image's own
// size and an image score. LibTorch-free.

#include <kensa/base/progress.h>
#include <kensa/methods/method.h>
#include <kensa/model/model_bundle.h>
#include <kensa/postprocess/anomaly_map.h>
#include <kensa/postprocess/position_normalization.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace kensa::engine {

class Inspector {
public:
    // threads: 0 = all cores. Throws kensa::Error for an unknown method or when the bundle's settings or
    // tensors do not fit its method.
    explicit Inspector(model::ModelBundle bundle, int threads = 0);
    static Inspector load(const std::filesystem::path& bundle_path, int threads = 0);
    ~Inspector();
    Inspector(Inspector&&) noexcept;
    Inspector& operator=(Inspector&&) noexcept;

    const model::ModelBundle& bundle() const;
    const Method& method() const;
    postprocess::AnomalyMapOptions map_options() const;

    // images: CV_32FC3 RGB in [0, 1], any size. batch_size images per pass through the method's model;
    // reports ("inspecting", done, total) after each and throws Cancelled when asked to stop. A tiled model
    // (bundle().tiling) passes batch_size tiles at a time, and done/total count tiles. A model with a region
    // of interest (bundle().region) inspects each image's region and places the result in the whole image
    // (postprocess/region.h); an image the region does not fit throws kensa::Error.
    std::vector<postprocess::AnomalyResult> inspect(const std::vector<cv::Mat>& images,
                                                    const ProgressCallback& progress = {}, int batch_size = 8);

private:
    std::vector<postprocess::AnomalyResult> inspect_whole(const std::vector<cv::Mat>& images,
                                                          const ProgressCallback& progress, int batch_size);
    std::vector<postprocess::AnomalyResult> inspect_tiled(const std::vector<cv::Mat>& images,
                                                          const ProgressCallback& progress, int batch_size);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// The position statistics a bundle carries ("score.position_mean" / "_std"), empty when it has none.
// Throws kensa::Error when only one is present or they are not float grids of one size.
postprocess::PositionStatistics position_statistics(const model::ModelBundle& bundle);

// The same statistics as bundle tensors, replacing any the bundle had.
void store_position_statistics(model::ModelBundle& bundle, const postprocess::PositionStatistics& stats);

}  // namespace kensa::engine
