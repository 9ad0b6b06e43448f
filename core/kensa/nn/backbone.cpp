#include <kensa/nn/backbone.h>

#include <kensa/base/error.h>
#include <kensa/nn/runtime.h>
#include <kensa/nn/tensor_dict.h>

namespace kensa::nn {

torch::Tensor normalize_images(const torch::Tensor& images, const InputNormalization& norm) {
    const auto mean = torch::tensor({norm.mean[0], norm.mean[1], norm.mean[2]}).view({1, 3, 1, 1});
    const auto std = torch::tensor({norm.std[0], norm.std[1], norm.std[2]}).view({1, 3, 1, 1});
    return (images - mean) / std;
}

std::vector<torch::Tensor> Backbone::extract(const torch::Tensor& images) {
    if (images.dim() != 4 || images.size(1) != 3)
        throw Error(id() + ": expected images as [N, 3, H, W], got " + c10::str(images.sizes()));
    // Every backbone's deepest stage has stride 16: a multiple of it gives every stage's map whole cells.
    if (images.size(2) % 16 != 0 || images.size(3) % 16 != 0)
        throw Error(id() + ": image size " + std::to_string(images.size(2)) + "x" +
                    std::to_string(images.size(3)) + " is not a multiple of 16");
    torch::NoGradGuard no_grad;
    module().eval();
    auto normalized = normalize_images(images.to(torch::kFloat32), normalization());
    if (m_precision == Precision::Float32)
        return forward_stages(normalized);
    auto stages = forward_stages(normalized.to(torch::kBFloat16));
    for (auto& s : stages)
        s = s.to(torch::kFloat32);
    return stages;
}

void Backbone::set_precision(Precision precision) {
    if (precision == Precision::Auto)
        precision = cpu_has_native_bf16() && cpu_runs_bf16_convolutions() ? Precision::BFloat16 : Precision::Float32;
    if (precision == Precision::BFloat16 && !cpu_runs_bf16_convolutions())
        throw Error(id() + ": this CPU cannot run the backbone in bf16 (it needs AVX-512); use fp32 or auto");
    m_precision = precision;
}

void Backbone::load_weights(const std::filesystem::path& path) {
    load_module_weights(module(), path);
}

int64_t Backbone::total_channels() const {
    int64_t c = 0;
    for (const auto& s : stages())
        c += s.channels;
    return c;
}

}  // namespace kensa::nn
