#include <kensa/methods/adtr/adtr_detector.h>

#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_memory.h>
#include <kensa/methods/adtr/adtr_reconstructor.h>
#include <kensa/methods/detector_support.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/tensor_dict.h>

#include <optional>

namespace kensa::adtr {

namespace {

class AdtrDetector final : public engine::Detector {
public:
    AdtrDetector(const model::ModelBundle& b, int threads) : m_model(b, threads) {
        const auto& source = m_model.memory().source;
        if (m_model.memory().enabled() && !source.own_grid())
            m_memory_features.emplace(b, nn::to_tensor_dict(b.tensors), source.grid, source.first_stage);
    }

    cv::Size grid_size() const override {
        return engine::square(m_memory_features ? m_memory_features->grid() : m_model.config().grid);
    }

    std::vector<engine::GridScore> score(const std::vector<cv::Mat>& images) override {
        const auto r = m_model.run(images);
        const auto error = anomaly_grid(r.reconstruction, r.features);
        const auto& memory = m_model.memory();
        if (!memory.enabled())
            return engine::to_grid_scores(error);
        torch::NoGradGuard no_grad;
        const auto features =
            m_memory_features ? nn::local_patches(m_memory_features->extract(images), memory.source.neighbourhood)
                              : r.features;
        return engine::to_grid_scores(combined_grid(error, memory_distance(features, memory.bank), memory));
    }

private:
    AdtrReconstructor m_model;
    std::optional<engine::BundleFeatures> m_memory_features;  // a memory on a grid of its own: its features
};

}  // namespace

std::unique_ptr<engine::Detector> load_adtr_detector(const model::ModelBundle& bundle, int threads) {
    return std::make_unique<AdtrDetector>(bundle, threads);
}

}  // namespace kensa::adtr
