#pragma once
// A trained model ready to inspect images: anomaly map at each image's own size and an image score.
// LibTorch-free API.

#include <kensa/base/progress.h>
#include <kensa/engine/anomaly_map.h>
#include <kensa/model/model_bundle.h>

#include <filesystem>
#include <memory>
#include <vector>

namespace kensa::engine {

class Inspector {
public:
    // threads: 0 = all cores. Throws kensa::Error when the bundle's tensors do not fit its description.
    explicit Inspector(model::ModelBundle bundle, int threads = 0);
    static Inspector load(const std::filesystem::path& bundle_path, int threads = 0);
    ~Inspector();
    Inspector(Inspector&&) noexcept;
    Inspector& operator=(Inspector&&) noexcept;

    const model::ModelBundle& bundle() const;
    AnomalyMapOptions map_options() const;

    // images: CV_32FC3 RGB in [0, 1], any size. batch_size images per forward pass.
    std::vector<AnomalyResult> inspect(const std::vector<cv::Mat>& images,
                                       const ProgressCallback& progress = {}, int batch_size = 8);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kensa::engine
