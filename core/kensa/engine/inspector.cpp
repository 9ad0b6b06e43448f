#include <kensa/engine/inspector.h>

#include <kensa/base/error.h>
#include <kensa/nn/adtr_transformer.h>
#include <kensa/nn/backbone_factory.h>
#include <kensa/nn/feature_grid.h>
#include <kensa/nn/runtime.h>
#include <kensa/nn/tensor_dict.h>

namespace kensa::engine {

struct Inspector::Impl {
    model::ModelBundle bundle;
    std::unique_ptr<nn::Backbone> backbone;
    nn::AdtrTransformer transformer{nullptr};
    AnomalyMapOptions map;
    torch::Tensor feature_mean, feature_std;  // per-channel standardisation learned in training
    torch::Tensor channel_scale;              // residual normalisation; undefined when not trained with it
    torch::Tensor position_mean, position_std;  // anomaly grid normalisation; undefined when not trained with it
};

Inspector::Inspector(model::ModelBundle bundle, int threads) : m_impl(std::make_unique<Impl>()) {
    nn::configure_threads(threads);
    auto& impl = *m_impl;
    impl.bundle = std::move(bundle);
    const auto& b = impl.bundle;
    impl.map = {b.image_size, b.gaussian_sigma, b.score_pool};
    const auto tensors = nn::to_tensor_dict(b.tensors);
    impl.backbone = nn::create_backbone(b.backbone);
    nn::load_module_state(impl.backbone->module(), nn::strip_prefix(tensors, "backbone."),
                          "model (backbone " + b.backbone + ")");
    if (nn::grid_channels(*impl.backbone, b.first_feature_stage) != b.adtr.channels)
        throw Error("model: the transformer expects " + std::to_string(b.adtr.channels) +
                    " feature channels, but backbone " + b.backbone + " gives a different number");
    for (auto [name, target] :
         {std::pair{"features.mean", &impl.feature_mean}, std::pair{"features.std", &impl.feature_std}}) {
        auto it = tensors.find(name);
        if (it == tensors.end() || it->second.dim() != 1 || it->second.size(0) != b.adtr.channels)
            throw Error(std::string("model: tensor '") + name + "' is missing or has the wrong shape");
        *target = it->second;
    }
    if (auto it = tensors.find("score.channel_scale"); it != tensors.end()) {
        if (it->second.dim() != 1 || it->second.size(0) != b.adtr.channels)
            throw Error("model: tensor 'score.channel_scale' has the wrong shape");
        impl.channel_scale = it->second;
    }
    const auto mean_it = tensors.find("score.position_mean"), std_it = tensors.find("score.position_std");
    if ((mean_it == tensors.end()) != (std_it == tensors.end()))
        throw Error("model: 'score.position_mean' and 'score.position_std' must come together");
    if (mean_it != tensors.end()) {
        const std::vector<int64_t> grid_shape{b.adtr.grid, b.adtr.grid};
        if (mean_it->second.sizes() != grid_shape || std_it->second.sizes() != grid_shape)
            throw Error("model: position statistics have the wrong shape");
        impl.position_mean = mean_it->second;
        impl.position_std = std_it->second;
    }
    impl.transformer = nn::AdtrTransformer(b.adtr);
    nn::load_module_state(*impl.transformer, nn::strip_prefix(tensors, "adtr."), "model (transformer)");
    impl.transformer->eval();
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
AnomalyMapOptions Inspector::map_options() const {
    return m_impl->map;
}

std::vector<AnomalyResult> Inspector::inspect(const std::vector<cv::Mat>& images,
                                              const ProgressCallback& progress, int batch_size) {
    auto& impl = *m_impl;
    const auto total = static_cast<int64_t>(images.size());
    std::vector<AnomalyResult> results;
    results.reserve(images.size());
    torch::NoGradGuard no_grad;
    report(progress, {"inspecting", 0, total});
    for (int64_t begin = 0; begin < total; begin += batch_size) {
        const int64_t end = std::min<int64_t>(begin + batch_size, total);
        const std::vector<cv::Mat> chunk(images.begin() + begin, images.begin() + end);
        const auto features =
            nn::standardize_features(nn::extract_feature_grids(*impl.backbone, chunk, impl.bundle.image_size,
                                                               impl.bundle.adtr.grid, batch_size, {},
                                                               impl.bundle.first_feature_stage),
                                     impl.feature_mean, impl.feature_std);
        const auto reconstruction = impl.transformer->forward(features).to(torch::kFloat32);
        auto grids = nn::anomaly_grid(reconstruction, features, impl.channel_scale);
        if (impl.position_mean.defined())
            grids = (grids - impl.position_mean) / impl.position_std;
        grids = grids.contiguous();
        for (int64_t i = 0; i < grids.size(0); ++i) {
            const cv::Mat grid(static_cast<int>(grids.size(1)), static_cast<int>(grids.size(2)), CV_32FC1,
                               grids[i].data_ptr<float>());
            const auto model_map = grid_to_model_map(grid, impl.map);
            results.push_back({to_image_size(model_map, chunk[static_cast<size_t>(i)].size()),
                               image_score(model_map, impl.map)});
        }
        report(progress, {"inspecting", end, total});
    }
    return results;
}

}  // namespace kensa::engine
