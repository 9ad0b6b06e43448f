#include <kensa/methods/adtr/adtr_method.h>

#include <kensa/methods/adtr/adtr_detector.h>
#include <kensa/methods/adtr/adtr_training.h>

namespace kensa::adtr {

namespace {

class AdtrMethod final : public engine::Method {
public:
    std::string_view id() const override { return "adtr"; }
    std::string_view name() const override { return "ADTR"; }
    std::string_view summary() const override {
        return "a transformer rebuilds the backbone's features of normal parts and fails on defects; "
               "learns from marked and synthetic defects too (ADTR+)";
    }
    engine::FitResult fit(const std::vector<cv::Mat>& normal, const std::vector<engine::DefectSample>& defects,
                          const engine::TrainingConfig& config, const ProgressCallback& progress) const override {
        return fit_adtr(normal, defects, config, progress);
    }
    std::unique_ptr<engine::Detector> load(const model::ModelBundle& bundle, int threads) const override {
        return load_adtr_detector(bundle, threads);
    }
};

}  // namespace

const engine::Method& adtr_method() {
    static const AdtrMethod method;
    return method;
}

}  // namespace kensa::adtr
