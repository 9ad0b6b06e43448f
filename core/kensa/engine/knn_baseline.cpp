#include <kensa/engine/knn_baseline.h>

#include <kensa/base/error.h>

#include <torch/torch.h>

namespace kensa::engine {

namespace {
// [N, C, g, g] grids -> [N*g*g, C] rows, one per position.
torch::Tensor positions_as_rows(FeatureGrids& grids) {
    auto t = torch::from_blob(grids.values.data(), {grids.count, grids.channels, grids.grid, grids.grid});
    return t.permute({0, 2, 3, 1}).reshape({-1, grids.channels}).clone();
}
}  // namespace

struct KnnBaseline::Impl {
    explicit Impl(const KnnBaselineConfig& c) : config(c), extractor(c.features) {}
    KnnBaselineConfig config;
    FeatureExtractor extractor;
    torch::Tensor bank;       // [M, C]
    torch::Tensor bank_norm;  // [M], squared norms
};

KnnBaseline::KnnBaseline(const KnnBaselineConfig& config) : m_impl(std::make_unique<Impl>(config)) {
    m_impl->config.map.model_size = config.features.image_size;
}
KnnBaseline::~KnnBaseline() = default;

const FeatureExtractor& KnnBaseline::extractor() const {
    return m_impl->extractor;
}

void KnnBaseline::fit(const std::vector<cv::Mat>& normal_images, const ProgressCallback& progress) {
    if (normal_images.empty())
        throw Error("no normal images to learn from");
    auto grids = m_impl->extractor.extract(normal_images, progress);
    m_impl->bank = positions_as_rows(grids);
    m_impl->bank_norm = m_impl->bank.pow(2).sum(1);
}

std::vector<postprocess::AnomalyResult> KnnBaseline::predict(const std::vector<cv::Mat>& images,
                                                const ProgressCallback& progress) {
    if (!m_impl->bank.defined())
        throw Error("KnnBaseline::predict before fit");
    torch::NoGradGuard no_grad;
    auto grids = m_impl->extractor.extract(images, progress);
    const auto queries = positions_as_rows(grids);
    // ||q - b||^2 = |q|^2 - 2 q.b + |b|^2, in chunks to bound memory.
    std::vector<torch::Tensor> nearest;
    for (int64_t begin = 0; begin < queries.size(0); begin += 4096) {
        const auto q = queries.slice(0, begin, std::min<int64_t>(begin + 4096, queries.size(0)));
        const auto d2 =
            q.pow(2).sum(1, true) - 2 * torch::mm(q, m_impl->bank.t()) + m_impl->bank_norm.unsqueeze(0);
        nearest.push_back(std::get<0>(d2.min(1)).clamp_min(0).sqrt());
    }
    const auto distances = torch::cat(nearest).reshape({grids.count, grids.grid, grids.grid}).contiguous();

    std::vector<postprocess::AnomalyResult> out;
    out.reserve(images.size());
    for (int64_t i = 0; i < grids.count; ++i) {
        const cv::Mat grid(static_cast<int>(grids.grid), static_cast<int>(grids.grid), CV_32FC1,
                           distances[i].data_ptr<float>());
        out.push_back(postprocess::grid_to_result(grid, images[static_cast<size_t>(i)].size(), m_impl->config.map));
    }
    return out;
}

}  // namespace kensa::engine
