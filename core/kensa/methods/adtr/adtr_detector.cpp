#include <kensa/methods/adtr/adtr_detector.h>

#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_memory.h>
#include <kensa/methods/adtr/adtr_reconstructor.h>
#include <kensa/methods/detector_support.h>

namespace kensa::adtr {

namespace {

class AdtrDetector final : public engine::Detector {
public:
    AdtrDetector(const model::ModelBundle& b, int threads) : m_model(b, threads) {}

    cv::Size grid_size() const override {
        const auto& memory = m_model.memory();
        return engine::square(memory.enabled() && !memory.source.own_grid() ? memory.source.grid : m_model.config().grid);
    }

    std::vector<engine::GridScore> score(const std::vector<cv::Mat>& images) override {
        const auto r = m_model.run(images);
        const auto error = anomaly_grid(r.reconstruction, r.features);
        const auto& memory = m_model.memory();
        if (!memory.enabled())
            return engine::to_grid_scores(error);
        torch::NoGradGuard no_grad;
        return engine::to_grid_scores(combined_grid(error, memory_distance(r.memory_features, memory.bank), memory));
    }

private:
    AdtrReconstructor m_model;
};

}  // namespace

std::unique_ptr<engine::Detector> load_adtr_detector(const model::ModelBundle& bundle, int threads) {
    return std::make_unique<AdtrDetector>(bundle, threads);
}

}  // namespace kensa::adtr
