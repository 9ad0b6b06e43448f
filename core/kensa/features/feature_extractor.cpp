#include <kensa/features/feature_extractor.h>

#include <kensa/features/backbone_features.h>

#include <cstring>

namespace kensa::engine {

struct FeatureExtractor::Impl {
    explicit Impl(const FeatureExtractorConfig& config) : features(config) {}
    BackboneFeatures features;
};

FeatureExtractor::FeatureExtractor(const FeatureExtractorConfig& config)
    : m_impl(std::make_unique<Impl>(config)) {}
FeatureExtractor::~FeatureExtractor() = default;
FeatureExtractor::FeatureExtractor(FeatureExtractor&&) noexcept = default;
FeatureExtractor& FeatureExtractor::operator=(FeatureExtractor&&) noexcept = default;

const FeatureExtractorConfig& FeatureExtractor::config() const {
    return m_impl->features.config();
}
int64_t FeatureExtractor::channels() const {
    return m_impl->features.channels();
}
int FeatureExtractor::first_stage() const {
    return m_impl->features.first_stage();
}
int64_t FeatureExtractor::grid_size() const {
    return m_impl->features.grid();
}
std::filesystem::path FeatureExtractor::weights_path() const {
    return m_impl->features.weights();
}

std::vector<StageInfo> FeatureExtractor::stages() const {
    std::vector<StageInfo> out;
    for (const auto& s : m_impl->features.backbone().stages())
        out.push_back({s.name, s.stride, s.channels});
    return out;
}

FeatureGrids FeatureExtractor::extract(const std::vector<cv::Mat>& images, const ProgressCallback& progress) {
    const auto t = m_impl->features.extract(images, progress).contiguous();
    FeatureGrids out{t.size(0), t.size(1), t.size(2), std::vector<float>(static_cast<size_t>(t.numel()))};
    std::memcpy(out.values.data(), t.data_ptr<float>(), out.values.size() * sizeof(float));
    return out;
}

}  // namespace kensa::engine
