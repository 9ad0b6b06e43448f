#pragma once
// A patch-kNN anomaly detector on the same backbone features ADTR uses (SPADE/PatchCore family, no
// coreset): each test position's distance to its nearest training feature. Kensa's reference point for
// judging backbones and the ADTR model; not the product's method.

#include <kensa/postprocess/anomaly_map.h>
#include <kensa/features/feature_extractor.h>

#include <memory>
#include <vector>

namespace kensa::engine {

struct KnnBaselineConfig {
    FeatureExtractorConfig features;
    postprocess::AnomalyMapOptions map;
};

class KnnBaseline {
public:
    explicit KnnBaseline(const KnnBaselineConfig& config);
    ~KnnBaseline();

    // Memorises the features of normal images.
    void fit(const std::vector<cv::Mat>& normal_images, const ProgressCallback& progress = {});
    // One map (at each image's own size) and score per image. fit() first.
    std::vector<postprocess::AnomalyResult> predict(const std::vector<cv::Mat>& images,
                                       const ProgressCallback& progress = {});

    const FeatureExtractor& extractor() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace kensa::engine
