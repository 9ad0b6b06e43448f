#include <kensa/methods/diffusion/diffusion_unet.h>

#include <kensa/base/error.h>

#include <cmath>

namespace kensa::diffusion {

namespace {

constexpr int64_t kGroups = 8;

torch::nn::GroupNorm group_norm(int64_t channels) {
    return torch::nn::GroupNorm(torch::nn::GroupNormOptions(channels % kGroups == 0 ? kGroups : 1, channels));
}

torch::nn::Conv2d conv3x3(int64_t in, int64_t out, int64_t stride = 1) {
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1));
}

// The last layer of a residual branch starts at zero, so every block starts as the identity (as DDPM's).
template <typename M>
M zeroed(M module) {
    torch::NoGradGuard no_grad;
    for (auto& p : module->parameters())
        p.zero_();
    return module;
}

// x + conv(silu(norm(conv(silu(norm(x))) + step))), with a 1x1 shortcut when the width changes.
class ResBlockImpl : public torch::nn::Module {
public:
    ResBlockImpl(int64_t in, int64_t out, int64_t embedding)
        : m_norm1(register_module("norm1", group_norm(in))),
          m_conv1(register_module("conv1", conv3x3(in, out))),
          m_step(register_module("step", torch::nn::Linear(embedding, out))),
          m_norm2(register_module("norm2", group_norm(out))),
          m_conv2(register_module("conv2", zeroed(conv3x3(out, out)))) {
        if (in != out)
            m_skip = register_module("skip", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 1)));
    }

    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& embedding) {
        auto h = m_conv1(torch::silu(m_norm1(x)));
        h = h + m_step(embedding).unsqueeze(-1).unsqueeze(-1);
        h = m_conv2(torch::silu(m_norm2(h)));
        return (m_skip ? m_skip(x) : x) + h;
    }

private:
    torch::nn::GroupNorm m_norm1;
    torch::nn::Conv2d m_conv1;
    torch::nn::Linear m_step;
    torch::nn::GroupNorm m_norm2;
    torch::nn::Conv2d m_conv2;
    torch::nn::Conv2d m_skip{nullptr};
};
TORCH_MODULE(ResBlock);

// Multi-head self-attention over the positions of a (small) map, with a residual.
class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(int64_t channels, int64_t heads)
        : m_heads(heads),
          m_norm(register_module("norm", group_norm(channels))),
          m_qkv(register_module("qkv", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, 3 * channels, 1)))),
          m_proj(register_module("proj", zeroed(torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, channels, 1))))) {
        if (channels % heads != 0)
            throw Error("diffusion: " + std::to_string(channels) + " channels do not split into " +
                        std::to_string(heads) + " attention heads");
    }

    torch::Tensor forward(const torch::Tensor& x) {
        const int64_t n = x.size(0), c = x.size(1), hw = x.size(2) * x.size(3), d = c / m_heads;
        const auto qkv = m_qkv(m_norm(x)).reshape({n * m_heads, 3 * d, hw});
        const auto q = qkv.slice(1, 0, d), k = qkv.slice(1, d, 2 * d), v = qkv.slice(1, 2 * d, 3 * d);
        const auto weights = torch::softmax(torch::bmm(q.transpose(1, 2), k) / std::sqrt(double(d)), -1);
        const auto out = torch::bmm(v, weights.transpose(1, 2)).reshape({n, c, x.size(2), x.size(3)});
        return x + m_proj(out);
    }

private:
    int64_t m_heads;
    torch::nn::GroupNorm m_norm;
    torch::nn::Conv2d m_qkv;
    torch::nn::Conv2d m_proj;
};
TORCH_MODULE(Attention);

class DownsampleImpl : public torch::nn::Module {
public:
    explicit DownsampleImpl(int64_t channels) : m_conv(register_module("conv", conv3x3(channels, channels, 2))) {}
    torch::Tensor forward(const torch::Tensor& x) { return m_conv(x); }

private:
    torch::nn::Conv2d m_conv;
};
TORCH_MODULE(Downsample);

class UpsampleImpl : public torch::nn::Module {
public:
    explicit UpsampleImpl(int64_t channels) : m_conv(register_module("conv", conv3x3(channels, channels))) {}
    torch::Tensor forward(const torch::Tensor& x) {
        namespace F = torch::nn::functional;
        return m_conv(F::interpolate(
            x, F::InterpolateFuncOptions().scale_factor(std::vector<double>{2.0, 2.0}).mode(torch::kNearest)));
    }

private:
    torch::nn::Conv2d m_conv;
};
TORCH_MODULE(Upsample);

}  // namespace

torch::Tensor step_embedding(const torch::Tensor& t, int64_t dim) {
    const int64_t half = dim / 2;
    const auto frequencies =
        torch::exp(-std::log(10000.0) * torch::arange(half, torch::kFloat) / static_cast<double>(half));
    const auto angles = t.to(torch::kFloat).unsqueeze(1) * frequencies.unsqueeze(0);
    return torch::cat({torch::cos(angles), torch::sin(angles)}, 1);
}

DenoiserUNetImpl::DenoiserUNetImpl(const UNetShape& shape) : m_shape(shape) {
    if (shape.base_channels <= 0 || shape.res_blocks <= 0 || shape.mults.empty())
        throw Error("diffusion: the UNet needs a positive width, residual blocks and at least one level");
    const int64_t base = shape.base_channels, embedding = 4 * base;
    m_time = register_module("time", torch::nn::Sequential(torch::nn::Linear(base, embedding), torch::nn::SiLU(),
                                                           torch::nn::Linear(embedding, embedding)));
    m_in = register_module("in", conv3x3(shape.image_channels, base));

    m_down = register_module("down", torch::nn::ModuleList());
    std::vector<int64_t> skips{base};
    int64_t channels = base;
    const auto levels = static_cast<int64_t>(shape.mults.size());
    for (int64_t level = 0; level < levels; ++level) {
        for (int64_t b = 0; b < shape.res_blocks; ++b) {
            const int64_t out = base * shape.mults[level];
            m_down->push_back(ResBlock(channels, out, embedding));
            channels = out;
            skips.push_back(channels);
        }
        if (level + 1 < levels) {
            m_down->push_back(Downsample(channels));
            skips.push_back(channels);
        }
    }
    m_middle = register_module("middle", torch::nn::ModuleList());
    m_middle->push_back(ResBlock(channels, channels, embedding));
    if (shape.attention_heads > 0)
        m_middle->push_back(Attention(channels, shape.attention_heads));
    m_middle->push_back(ResBlock(channels, channels, embedding));

    m_up = register_module("up", torch::nn::ModuleList());
    for (int64_t level = levels - 1; level >= 0; --level) {
        for (int64_t b = 0; b <= shape.res_blocks; ++b) {
            const int64_t out = base * shape.mults[level];
            m_up->push_back(ResBlock(channels + skips.back(), out, embedding));
            skips.pop_back();
            channels = out;
        }
        if (level > 0)
            m_up->push_back(Upsample(channels));
    }
    m_out_norm = register_module("out_norm", group_norm(channels));
    m_out = register_module("out", zeroed(conv3x3(channels, 2 * shape.image_channels)));
}

torch::Tensor DenoiserUNetImpl::forward(const torch::Tensor& x, const torch::Tensor& t) {
    const int64_t factor = int64_t{1} << (m_shape.mults.size() - 1);
    if (x.dim() != 4 || x.size(1) != m_shape.image_channels || x.size(2) % factor != 0 || x.size(3) % factor != 0)
        throw Error("diffusion: the UNet takes [N, " + std::to_string(m_shape.image_channels) +
                    ", S, S] images with S a multiple of " + std::to_string(factor) + ", got " + c10::str(x.sizes()));
    const auto embedding = m_time->forward(step_embedding(t, m_shape.base_channels));
    auto h = m_in(x);
    std::vector<torch::Tensor> skips{h};
    for (auto& module : *m_down) {
        if (auto* block = module->as<ResBlockImpl>())
            h = block->forward(h, embedding);
        else
            h = module->as<DownsampleImpl>()->forward(h);
        skips.push_back(h);
    }
    for (auto& module : *m_middle)
        h = module->as<ResBlockImpl>() ? module->as<ResBlockImpl>()->forward(h, embedding)
                                       : module->as<AttentionImpl>()->forward(h);
    for (auto& module : *m_up) {
        if (auto* block = module->as<ResBlockImpl>()) {
            h = block->forward(torch::cat({h, skips.back()}, 1), embedding);
            skips.pop_back();
        } else {
            h = module->as<UpsampleImpl>()->forward(h);
        }
    }
    auto out = m_out(torch::silu(m_out_norm(h)));
    // The variance interpolation lives in [-1, 1] (guided-diffusion leaves it unbounded; a tanh keeps an
    // untrained or extrapolating network inside the range NoiseSchedule::reverse_step assumes).
    const int64_t c = m_shape.image_channels;
    return torch::cat({out.slice(1, 0, c), torch::tanh(out.slice(1, c, 2 * c))}, 1);
}

}  // namespace kensa::diffusion
