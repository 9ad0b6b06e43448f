#include <kensa/nn/adtr_transformer.h>

#include <kensa/base/error.h>

#include <ATen/Parallel.h>

#if defined(__x86_64__) || defined(__i386__)
#define KENSA_X86_SIMD 1
#include <immintrin.h>
#else
#define KENSA_X86_SIMD 0
#endif

#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <type_traits>
#include <unordered_map>

namespace kensa::nn {

using model::Precision;
using model::QueryMode;
using torch::Tensor;

// ---------------------------------------------------------------------------------------------- dropout

namespace {

std::atomic<bool> g_portable_kernels{false};

// Keep/drop decision of element i: a 32-bit integer hash ("lowbias32", a bijection with good avalanche)
// of the index and the call's seed. Counter-based, so the backward pass regenerates the mask instead of
// storing it, and the result does not depend on the thread count.
inline uint32_t hash32(uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
}

struct DropoutKey {
    uint32_t seed_lo, seed_hi;
    uint32_t threshold;  // drop when the hash's top 24 bits are below it
    float scale;         // 1 / (1 - p)
};

// One hash per element: the xor makes different seeds more than shifted copies of one sequence.
inline bool keep(const DropoutKey& key, int64_t i) {
    return (hash32((static_cast<uint32_t>(i) ^ key.seed_hi) + key.seed_lo) >> 8) >= key.threshold;
}

inline float bf16_to_float(uint16_t b) {
    uint32_t u = static_cast<uint32_t>(b) << 16;
    float f;
    std::memcpy(&f, &u, sizeof f);
    return f;
}

inline uint16_t float_to_bf16(float f) {  // round to nearest even; dropout never produces NaN from finite x
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return static_cast<uint16_t>((u + 0x7FFFu + ((u >> 16) & 1u)) >> 16);
}

// out[i] = keep(i) ? in[i] * scale : 0 for i in [begin, end). Written as plain loops the compiler
// vectorises; the AVX2 clone is picked at run time where the CPU has it.
template <typename T>
inline void dropout_range(const T* in, T* out, int64_t begin, int64_t end, const DropoutKey& key_ref) {
    const DropoutKey key = key_ref;  // a local copy and branch-free selects let GCC vectorise the loop
    for (int64_t i = begin; i < end; ++i) {
        const float m = keep(key, i) ? key.scale : 0.0f;
        if constexpr (std::is_same_v<T, uint16_t>)
            out[i] = float_to_bf16(bf16_to_float(in[i]) * m);
        else
            out[i] = static_cast<T>(in[i] * m);
    }
}

#if KENSA_X86_SIMD
template <typename T>
__attribute__((target("avx2"))) void dropout_range_avx2(const T* in, T* out, int64_t begin, int64_t end,
                                                        const DropoutKey& key) {
    dropout_range(in, out, begin, end, key);
}

template <typename T>
__attribute__((target("avx512f,avx512bw,avx512vl"))) void dropout_range_avx512(const T* in, T* out,
                                                                               int64_t begin, int64_t end,
                                                                               const DropoutKey& key) {
    dropout_range(in, out, begin, end, key);
}

#endif

template <typename T>
void dropout_kernel(const T* in, T* out, int64_t n, const DropoutKey& key) {
#if KENSA_X86_SIMD
    static const int best = __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") ? 2
                            : __builtin_cpu_supports("avx2")                                         ? 1
                                                                                                     : 0;
#else
    const int best = 0;
#endif
    const int isa = g_portable_kernels ? 0 : best;
    at::parallel_for(0, n, 1 << 15, [&](int64_t begin, int64_t end) {
#if KENSA_X86_SIMD
        if (isa == 2)
            return dropout_range_avx512(in, out, begin, end, key);
        if (isa == 1)
            return dropout_range_avx2(in, out, begin, end, key);
#endif
        dropout_range(in, out, begin, end, key);
    });
}

Tensor apply_dropout(const Tensor& x, const DropoutKey& key) {
    const auto in = x.contiguous();
    auto out = torch::empty_like(in, at::MemoryFormat::Contiguous);
    const int64_t n = in.numel();
    switch (in.scalar_type()) {
        case torch::kFloat:
            dropout_kernel(in.data_ptr<float>(), out.data_ptr<float>(), n, key);
            break;
        case torch::kDouble:
            dropout_kernel(in.data_ptr<double>(), out.data_ptr<double>(), n, key);
            break;
        case torch::kBFloat16:
            dropout_kernel(reinterpret_cast<const uint16_t*>(in.data_ptr<at::BFloat16>()),
                           reinterpret_cast<uint16_t*>(out.data_ptr<at::BFloat16>()), n, key);
            break;
        default:
            throw Error(std::string("fast_dropout: unsupported dtype ") + c10::toString(in.scalar_type()));
    }
    return out;
}

// From torch's default generator, so torch::manual_seed makes dropout reproducible.
uint64_t draw_seed() {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    return gen.get<at::CPUGeneratorImpl>()->random64();
}

DropoutKey make_key(double p, uint64_t seed) {
    return {static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32),
            static_cast<uint32_t>(std::lround(p * 16777216.0)), static_cast<float>(1.0 / (1.0 - p))};
}

class FastDropout : public torch::autograd::Function<FastDropout> {
public:
    static Tensor forward(torch::autograd::AutogradContext* ctx, const Tensor& x, double p) {
        const uint64_t seed = draw_seed();
        ctx->saved_data["seed"] = static_cast<int64_t>(seed);
        ctx->saved_data["p"] = p;
        return apply_dropout(x, make_key(p, seed));
    }
    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list grad) {
        const auto seed = static_cast<uint64_t>(ctx->saved_data["seed"].toInt());
        return {apply_dropout(grad[0], make_key(ctx->saved_data["p"].toDouble(), seed)), Tensor()};
    }
};

}  // namespace

Tensor fast_dropout(const Tensor& x, double p, bool train) {
    if (!train || p <= 0.0)
        return x;
    if (p >= 1.0)
        return x * 0.0;
    if (x.requires_grad() && torch::GradMode::is_enabled())
        return FastDropout::apply(x, p);
    return apply_dropout(x, make_key(p, draw_seed()));
}

// ---------------------------------------------------------------------------------- softmax + dropout

namespace {

// Row-wise softmax and its backward over contiguous [rows, len] data, fused with the dropout above so the
// attention probabilities are read and written once per pass. Math in fp32 for either storage type.
// AVX-512 path with an own exp (Cody-Waite range reduction + Cephes' degree-6 polynomial, ~1 ulp),
// scalar fallback elsewhere. Both give exactly 0 for -inf (masked) scores.

template <typename T>
inline float load1(const T* p, int64_t i) {
    if constexpr (std::is_same_v<T, uint16_t>)
        return bf16_to_float(p[i]);
    else
        return p[i];
}

template <typename T>
inline void store1(T* p, int64_t i, float v) {
    if constexpr (std::is_same_v<T, uint16_t>)
        p[i] = float_to_bf16(v);
    else
        p[i] = v;
}

template <typename T>
void softmax_rows_scalar(const T* in, T* prob, T* drop, int64_t row0, int64_t row1, int64_t len,
                         const DropoutKey* key, float* e) {
    for (int64_t r = row0; r < row1; ++r) {
        const int64_t base = r * len;
        float m = -std::numeric_limits<float>::infinity();
        for (int64_t j = 0; j < len; ++j)
            m = std::max(m, load1(in, base + j));
        float sum = 0.0f;
        for (int64_t j = 0; j < len; ++j)
            sum += (e[j] = std::exp(load1(in, base + j) - m));
        const float inv = 1.0f / sum;
        for (int64_t j = 0; j < len; ++j) {
            const float pj = e[j] * inv;
            store1(prob, base + j, pj);
            if (key)
                store1(drop, base + j, keep(*key, base + j) ? pj * key->scale : 0.0f);
        }
    }
}

template <typename T>
void softmax_backward_rows_scalar(const T* grad, const T* prob, T* out, int64_t row0, int64_t row1,
                                  int64_t len, const DropoutKey* key, float* g) {
    for (int64_t r = row0; r < row1; ++r) {
        const int64_t base = r * len;
        float dot = 0.0f;
        for (int64_t j = 0; j < len; ++j) {
            float gj = load1(grad, base + j);
            if (key)
                gj = keep(*key, base + j) ? gj * key->scale : 0.0f;
            g[j] = gj;
            dot += gj * load1(prob, base + j);
        }
        for (int64_t j = 0; j < len; ++j)
            store1(out, base + j, load1(prob, base + j) * (g[j] - dot));
    }
}

#if KENSA_X86_SIMD
// GCC 12 reports false "may be used uninitialized" warnings from its own AVX-512 headers (its bug 105593).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#define KENSA_AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512dq")))

KENSA_AVX512 inline __m512 exp16(__m512 x) {
    // e^x = 2^n e^f, n = round(x log2 e), f = x - n ln 2 in [-ln2/2, ln2/2]. Below -87.3 the result
    // would be denormal: return 0 there (also for -inf), which softmax cannot tell apart.
    const __m512 tiny = _mm512_set1_ps(-87.3f);
    const __mmask16 live = _mm512_cmp_ps_mask(x, tiny, _CMP_GE_OQ);
    x = _mm512_max_ps(x, tiny);
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 f = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    f = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), f);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, f, _mm512_set1_ps(5.0000001201e-1f));
    p = _mm512_fmadd_ps(_mm512_mul_ps(p, f), f, _mm512_add_ps(f, _mm512_set1_ps(1.0f)));
    return _mm512_maskz_mov_ps(live, _mm512_scalef_ps(p, n));
}

template <typename T>
KENSA_AVX512 inline __m512 load16(const T* p, __mmask16 m) {
    if constexpr (std::is_same_v<T, uint16_t>) {
        const __m512i wide = _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi16(m, p));
        return _mm512_castsi512_ps(_mm512_slli_epi32(wide, 16));
    } else {
        return _mm512_maskz_loadu_ps(m, p);
    }
}

template <typename T>
KENSA_AVX512 inline void store16(T* p, __m512 v, __mmask16 m) {
    if constexpr (std::is_same_v<T, uint16_t>) {
        __m512i u = _mm512_castps_si512(v);  // round to nearest even, as float_to_bf16
        const __m512i lsb = _mm512_and_si512(_mm512_srli_epi32(u, 16), _mm512_set1_epi32(1));
        u = _mm512_add_epi32(u, _mm512_add_epi32(lsb, _mm512_set1_epi32(0x7FFF)));
        _mm256_mask_storeu_epi16(p, m, _mm512_cvtepi32_epi16(_mm512_srli_epi32(u, 16)));
    } else {
        _mm512_mask_storeu_ps(p, m, v);
    }
}

// keep(key, index) for 16 consecutive indices, as a multiplier: scale or 0.
KENSA_AVX512 inline __m512 keep16(const DropoutKey& key, int64_t index) {
    __m512i x = _mm512_add_epi32(_mm512_set1_epi32(static_cast<int32_t>(index)),
                                 _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
    x = _mm512_add_epi32(_mm512_xor_si512(x, _mm512_set1_epi32(static_cast<int32_t>(key.seed_hi))),
                         _mm512_set1_epi32(static_cast<int32_t>(key.seed_lo)));
    x = _mm512_xor_si512(x, _mm512_srli_epi32(x, 16));
    x = _mm512_mullo_epi32(x, _mm512_set1_epi32(0x7feb352d));
    x = _mm512_xor_si512(x, _mm512_srli_epi32(x, 15));
    x = _mm512_mullo_epi32(x, _mm512_set1_epi32(static_cast<int32_t>(0x846ca68bu)));
    x = _mm512_xor_si512(x, _mm512_srli_epi32(x, 16));
    const __mmask16 kept = _mm512_cmpge_epu32_mask(_mm512_srli_epi32(x, 8),
                                                   _mm512_set1_epi32(static_cast<int32_t>(key.threshold)));
    return _mm512_maskz_mov_ps(kept, _mm512_set1_ps(key.scale));
}

KENSA_AVX512 inline __mmask16 tail_mask(int64_t remaining) {
    return remaining >= 16 ? __mmask16(0xFFFF) : __mmask16((1u << remaining) - 1u);
}

template <typename T>
KENSA_AVX512 void softmax_rows_avx512(const T* in, T* prob, T* drop, int64_t row0, int64_t row1, int64_t len,
                                      const DropoutKey* key, float* e) {
    for (int64_t r = row0; r < row1; ++r) {
        const int64_t base = r * len;
        __m512 vmax = _mm512_set1_ps(-std::numeric_limits<float>::infinity());
        for (int64_t j = 0; j < len; j += 16) {
            const __mmask16 m = tail_mask(len - j);
            vmax = _mm512_mask_max_ps(vmax, m, vmax, load16(in + base + j, m));
        }
        const __m512 mx = _mm512_set1_ps(_mm512_reduce_max_ps(vmax));
        __m512 vsum = _mm512_setzero_ps();
        for (int64_t j = 0; j < len; j += 16) {
            const __mmask16 m = tail_mask(len - j);
            const __m512 ex = _mm512_maskz_mov_ps(m, exp16(_mm512_sub_ps(load16(in + base + j, m), mx)));
            _mm512_mask_storeu_ps(e + j, m, ex);
            vsum = _mm512_add_ps(vsum, ex);
        }
        const __m512 inv = _mm512_set1_ps(1.0f / _mm512_reduce_add_ps(vsum));
        for (int64_t j = 0; j < len; j += 16) {
            const __mmask16 m = tail_mask(len - j);
            const __m512 pj = _mm512_mul_ps(_mm512_maskz_loadu_ps(m, e + j), inv);
            store16(prob + base + j, pj, m);
            if (key)
                store16(drop + base + j, _mm512_mul_ps(pj, keep16(*key, base + j)), m);
        }
    }
}

template <typename T>
KENSA_AVX512 void softmax_backward_rows_avx512(const T* grad, const T* prob, T* out, int64_t row0,
                                               int64_t row1, int64_t len, const DropoutKey* key, float* g) {
    for (int64_t r = row0; r < row1; ++r) {
        const int64_t base = r * len;
        __m512 vdot = _mm512_setzero_ps();
        for (int64_t j = 0; j < len; j += 16) {
            const __mmask16 m = tail_mask(len - j);
            __m512 gj = load16(grad + base + j, m);
            if (key)
                gj = _mm512_mul_ps(gj, keep16(*key, base + j));
            _mm512_mask_storeu_ps(g + j, m, gj);
            vdot = _mm512_fmadd_ps(gj, load16(prob + base + j, m), vdot);
        }
        const __m512 dot = _mm512_set1_ps(_mm512_reduce_add_ps(vdot));
        for (int64_t j = 0; j < len; j += 16) {
            const __mmask16 m = tail_mask(len - j);
            const __m512 d = _mm512_sub_ps(_mm512_maskz_loadu_ps(m, g + j), dot);
            store16(out + base + j, _mm512_mul_ps(load16(prob + base + j, m), d), m);
        }
    }
}

#pragma GCC diagnostic pop

bool has_avx512() {
    static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                            __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq");
    return has && !g_portable_kernels;
}
#else
bool has_avx512() {
    return false;
}
template <typename T>
void softmax_rows_avx512(const T*, T*, T*, int64_t, int64_t, int64_t, const DropoutKey*, float*) {}
template <typename T>
void softmax_backward_rows_avx512(const T*, const T*, T*, int64_t, int64_t, int64_t, const DropoutKey*,
                                  float*) {}
#endif

// Calls fn(T* typed pointers...) with T = float or uint16_t (bf16 bits).
template <typename Fn>
void dispatch_storage(const Tensor& t, const char* what, Fn&& fn) {
    if (t.scalar_type() == torch::kFloat)
        fn(float{});
    else if (t.scalar_type() == torch::kBFloat16)
        fn(uint16_t{});
    else
        throw Error(std::string(what) + ": unsupported dtype " + c10::toString(t.scalar_type()));
}

template <typename T>
T* ptr(const Tensor& t) {
    return static_cast<T*>(t.data_ptr());
}

// Returns (probabilities, dropped probabilities or undefined).
std::pair<Tensor, Tensor> softmax_forward(const Tensor& scores, const DropoutKey* key) {
    const auto in = scores.contiguous();
    const int64_t len = in.size(-1), rows = in.numel() / std::max<int64_t>(len, 1);
    auto prob = torch::empty_like(in);
    Tensor drop = key ? torch::empty_like(in) : Tensor();
    dispatch_storage(in, "softmax_dropout", [&](auto tag) {
        using T = decltype(tag);
        at::parallel_for(
            0, rows, std::max<int64_t>(1, 16384 / std::max<int64_t>(len, 1)), [&](int64_t r0, int64_t r1) {
                std::vector<float> scratch(len);
                T* d = key ? ptr<T>(drop) : nullptr;
                if (has_avx512())
                    softmax_rows_avx512(ptr<T>(in), ptr<T>(prob), d, r0, r1, len, key, scratch.data());
                else
                    softmax_rows_scalar(ptr<T>(in), ptr<T>(prob), d, r0, r1, len, key, scratch.data());
            });
    });
    return {prob, drop};
}

Tensor softmax_backward(const Tensor& grad_out, const Tensor& prob, const DropoutKey* key) {
    const auto grad = grad_out.to(prob.scalar_type()).contiguous();
    const int64_t len = prob.size(-1), rows = prob.numel() / std::max<int64_t>(len, 1);
    auto out = torch::empty_like(prob);
    dispatch_storage(prob, "softmax_dropout", [&](auto tag) {
        using T = decltype(tag);
        at::parallel_for(0, rows, std::max<int64_t>(1, 16384 / std::max<int64_t>(len, 1)),
                         [&](int64_t r0, int64_t r1) {
                             std::vector<float> scratch(len);
                             if (has_avx512())
                                 softmax_backward_rows_avx512(ptr<T>(grad), ptr<T>(prob), ptr<T>(out), r0, r1,
                                                              len, key, scratch.data());
                             else
                                 softmax_backward_rows_scalar(ptr<T>(grad), ptr<T>(prob), ptr<T>(out), r0, r1,
                                                              len, key, scratch.data());
                         });
    });
    return out;
}

class SoftmaxDropout : public torch::autograd::Function<SoftmaxDropout> {
public:
    static Tensor forward(torch::autograd::AutogradContext* ctx, const Tensor& scores, double p) {
        if (p <= 0.0) {
            auto prob = softmax_forward(scores, nullptr).first;
            ctx->save_for_backward({prob});
            ctx->saved_data["p"] = 0.0;
            return prob;
        }
        const uint64_t seed = draw_seed();
        const auto key = make_key(p, seed);
        auto [prob, drop] = softmax_forward(scores, &key);
        ctx->save_for_backward({prob});
        ctx->saved_data["seed"] = static_cast<int64_t>(seed);
        ctx->saved_data["p"] = p;
        return drop;
    }
    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list grad) {
        const auto prob = ctx->get_saved_variables()[0];
        const double p = ctx->saved_data["p"].toDouble();
        if (p <= 0.0)
            return {softmax_backward(grad[0], prob, nullptr), Tensor()};
        const auto key = make_key(p, static_cast<uint64_t>(ctx->saved_data["seed"].toInt()));
        return {softmax_backward(grad[0], prob, &key), Tensor()};
    }
};

}  // namespace

Tensor softmax_dropout(const Tensor& scores, double p, bool train) {
    if (!train)
        p = 0.0;
    if (p >= 1.0)
        throw Error("softmax_dropout: p must be below 1");
    if (scores.requires_grad() && torch::GradMode::is_enabled())
        return SoftmaxDropout::apply(scores, p);
    if (p <= 0.0)
        return softmax_forward(scores, nullptr).first;
    const auto key = make_key(p, draw_seed());
    return softmax_forward(scores, &key).second;
}

namespace detail {
void use_portable_kernels(bool portable) {
    g_portable_kernels = portable;
}
}  // namespace detail

// ------------------------------------------------------------------------------------------ precision

bool cpu_has_native_bf16() {
#if defined(__x86_64__) || defined(__i386__)
    static const bool has = __builtin_cpu_supports("avx512bf16");
    return has;
#else
    return false;
#endif
}

Precision resolve_precision(Precision precision) {
    if (precision != Precision::Auto)
        return precision;
    return cpu_has_native_bf16() ? Precision::BFloat16 : Precision::Float32;
}

Tensor sine_position_embedding(int grid, int dim) {
    // Half the channels code the row, half the column; each half alternates sin and cos over
    // geometrically spaced frequencies of the position scaled to (0, 2 pi].
    const int half = dim / 2;
    const auto coord = torch::arange(1, grid + 1, torch::kFloat) * (2.0 * M_PI / grid);  // [g]
    const auto i = torch::arange(half, torch::kFloat);
    const auto freq = torch::pow(10000.0, 2.0 * torch::floor(i / 2) / half);  // [half]
    const auto angles = coord.unsqueeze(1) / freq.unsqueeze(0);              // [g, half]
    const auto even = torch::arange(half, torch::kLong).remainder(2).eq(0);
    const auto codes = torch::where(even, angles.sin(), angles.cos());       // [g, half]
    const auto rows = codes.unsqueeze(1).expand({grid, grid, half});         // row code at (r, c)
    const auto cols = codes.unsqueeze(0).expand({grid, grid, half});         // column code
    return torch::cat({rows, cols}, 2).reshape({grid * grid, dim}).contiguous();
}

Tensor neighbourhood_mask(int grid, int window) {
    const auto idx = torch::arange(grid * grid, torch::kLong);
    const auto row = idx.div(grid, "floor"), col = idx.remainder(grid);
    const int half = window / 2;
    const auto near = (row.unsqueeze(1) - row.unsqueeze(0)).abs().le(half) &
                      (col.unsqueeze(1) - col.unsqueeze(0)).abs().le(half);
    return torch::zeros({grid * grid, grid * grid}).masked_fill(near, -std::numeric_limits<float>::infinity());
}

// ------------------------------------------------------------------------------------------ layers

namespace detail {

// Compute-dtype copies of parameters for inference, where a bf16 model would otherwise convert all its
// weights on every call. Entries hold the source tensor (so its address stays unique) and its version
// counter, which optimiser steps and weight loading bump.
class WeightCache {
public:
    Tensor get(const Tensor& w, torch::ScalarType dtype) {
        std::lock_guard<std::mutex> lock(m_mutex);
        auto& e = m_entries[w.unsafeGetTensorImpl()];
        if (!e.value.defined() || e.version != w._version() || e.value.scalar_type() != dtype) {
            e.source = w;
            e.version = w._version();
            e.value = w.detach().to(dtype);
        }
        return e.value;
    }
    void clear() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_entries.clear();
    }

private:
    struct Entry {
        Tensor source, value;
        int64_t version = -1;
    };
    std::mutex m_mutex;
    std::unordered_map<const c10::TensorImpl*, Entry> m_entries;
};

// What every layer needs to know about the pass in progress.
struct Pass {
    torch::ScalarType dtype;  // of GEMM inputs and outputs; the residual stream stays fp32
    bool train;
    double dropout;
    Tensor pos_compute;   // positional embedding [T, d] in dtype
    Tensor encoder_mask;  // additive [T, T] in dtype, or undefined
    Tensor decoder_mask;

    WeightCache* cache = nullptr;  // set when no gradients are recorded

    Tensor cast(const Tensor& t) const { return t.scalar_type() == dtype ? t : t.to(dtype); }
    Tensor weight(const Tensor& w) const {
        if (w.scalar_type() == dtype)
            return w;
        return cache ? cache->get(w, dtype) : w.to(dtype);
    }
    Tensor drop(const Tensor& t) const { return fast_dropout(t, dropout, train); }
};

Tensor linear(const Pass& pass, const Tensor& x, const Tensor& w, const Tensor& b) {
    return at::linear(pass.cast(x), pass.weight(w), pass.weight(b));
}

// Multi-head attention with torch.nn.MultiheadAttention's parameters (in_proj_weight = [Wq; Wk; Wv]).
// Computed directly: fused projections where inputs coincide, one batched GEMM per product, the scale
// and the mask folded into baddbmm.
class AdtrAttentionImpl : public torch::nn::Module {
public:
    AdtrAttentionImpl(int dim, int heads) : m_dim(dim), m_heads(heads) {
        in_proj_weight = register_parameter("in_proj_weight", torch::empty({3 * dim, dim}));
        in_proj_bias = register_parameter("in_proj_bias", torch::zeros({3 * dim}));
        out_proj = register_module("out_proj", torch::nn::Linear(dim, dim));
    }

    void reset_parameters() {
        torch::NoGradGuard no_grad;
        torch::nn::init::xavier_uniform_(in_proj_weight);
        in_proj_bias.zero_();
        torch::nn::init::xavier_uniform_(out_proj->weight);
        out_proj->bias.zero_();
    }

    // query: [N or 1, T, d] (queries with positions already added), key [N, T, d] (with positions),
    // value [N, T, d]; key and value may be the same tensor, and query may be key (self-attention with
    // positions on q and k). All in the compute dtype. Returns [N, T, d] in the compute dtype.
    Tensor forward(const Pass& pass, const Tensor& query, const Tensor& key, const Tensor& value,
                   const Tensor& mask) {
        const int64_t d = m_dim;
        const auto w = pass.weight(in_proj_weight), b = pass.weight(in_proj_bias);
        Tensor q, k, v;
        if (query.is_same(key)) {
            auto qk = at::linear(query, w.narrow(0, 0, 2 * d), b.narrow(0, 0, 2 * d));
            q = qk.narrow(-1, 0, d);
            k = qk.narrow(-1, d, d);
        } else {
            q = at::linear(query, w.narrow(0, 0, d), b.narrow(0, 0, d));
            k = at::linear(key, w.narrow(0, d, d), b.narrow(0, d, d));
        }
        v = at::linear(value, w.narrow(0, 2 * d, d), b.narrow(0, 2 * d, d));

        const int64_t n = value.size(0), t_q = query.size(1), t_k = key.size(1);
        const int64_t h = m_heads, hd = d / h;
        // [N, T, d] -> [N*H, T, hd]: one copy each, so the batched GEMMs see contiguous operands.
        auto heads = [&](const Tensor& x, int64_t tokens) {
            return x.reshape({x.size(0), tokens, h, hd})
                .transpose(1, 2)
                .expand({n, h, tokens, hd})
                .reshape({n * h, tokens, hd});
        };
        const auto qh = heads(q, t_q), kh = heads(k, t_k), vh = heads(v, t_k);
        const double scale = 1.0 / std::sqrt(static_cast<double>(hd));
        Tensor scores = mask.defined()
                            ? at::baddbmm(mask, qh, kh.transpose(1, 2), 1.0, scale)
                            : at::baddbmm(m_zero.to(qh.scalar_type()), qh, kh.transpose(1, 2), 0.0, scale);
        auto probs = softmax_dropout(scores, pass.dropout, pass.train);
        auto out = at::bmm(probs, vh).view({n, h, t_q, hd}).transpose(1, 2).reshape({n, t_q, d});
        return linear(pass, out, out_proj->weight, out_proj->bias);
    }

    Tensor in_proj_weight, in_proj_bias;
    torch::nn::Linear out_proj{nullptr};

private:
    int64_t m_dim, m_heads;
    Tensor m_zero = torch::zeros({1});
};
TORCH_MODULE(AdtrAttention);

// linear1 -> ReLU -> dropout -> linear2, as UniAD.
struct FeedForward {
    torch::nn::Linear linear1{nullptr}, linear2{nullptr};

    void create(torch::nn::Module& owner, int dim, int hidden) {
        linear1 = owner.register_module("linear1", torch::nn::Linear(dim, hidden));
        linear2 = owner.register_module("linear2", torch::nn::Linear(hidden, dim));
    }
    void reset_parameters() {
        torch::NoGradGuard no_grad;
        for (auto& l : {linear1, linear2}) {
            torch::nn::init::xavier_uniform_(l->weight);
            l->bias.zero_();
        }
    }
    Tensor operator()(const Pass& pass, const Tensor& x) const {
        return linear(pass, pass.drop(at::relu(linear(pass, x, linear1->weight, linear1->bias))),
                      linear2->weight, linear2->bias);
    }
};

Tensor norm(const torch::nn::LayerNorm& ln, const Tensor& x) {
    return at::layer_norm(x.to(torch::kFloat), {x.size(-1)}, ln->weight, ln->bias, 1e-5);
}

void reset_norm(torch::nn::LayerNorm& ln) {
    torch::NoGradGuard no_grad;
    ln->weight.fill_(1.0);
    ln->bias.zero_();
}

class AdtrEncoderLayerImpl : public torch::nn::Module {
public:
    explicit AdtrEncoderLayerImpl(const model::AdtrConfig& c) : m_pre_norm(c.pre_norm) {
        self_attn = register_module("self_attn", AdtrAttention(c.hidden_dim, c.heads));
        ffn.create(*this, c.hidden_dim, c.feedforward_dim);
        norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_dim})));
        norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({c.hidden_dim})));
    }

    void reset_parameters() {
        self_attn->reset_parameters();
        ffn.reset_parameters();
        reset_norm(norm1);
        reset_norm(norm2);
    }

    // x: [N, T, d] fp32 residual stream.
    Tensor forward(const Pass& pass, Tensor x) {
        const auto attend = [&](const Tensor& src) {
            const auto s = pass.cast(src);
            const auto qk = s + pass.pos_compute;
            return self_attn->forward(pass, qk, qk, s, pass.encoder_mask);
        };
        if (m_pre_norm) {
            x = x + pass.drop(attend(norm(norm1, x)));
            return x + pass.drop(ffn(pass, norm(norm2, x)));
        }
        x = norm(norm1, x + pass.drop(attend(x)));
        return norm(norm2, x + pass.drop(ffn(pass, x)));
    }

    AdtrAttention self_attn{nullptr};
    FeedForward ffn;
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};

private:
    bool m_pre_norm;
};

// UniAD's decoder layer: the layer's queries attend to the encoder memory, the result attends to the
// previous decoder layer's output (the memory for the first layer), then the FFN. The queries are the
// layer's own learned embedding, a shared one, or the input tokens (QueryMode).
class AdtrDecoderLayerImpl : public torch::nn::Module {
public:
    explicit AdtrDecoderLayerImpl(const model::AdtrConfig& c) : m_pre_norm(c.pre_norm) {
        if (c.query_mode == QueryMode::PerLayer)
            query = register_parameter("query", torch::empty({c.tokens(), c.hidden_dim}));
        memory_attn = register_module("memory_attn", AdtrAttention(c.hidden_dim, c.heads));
        previous_attn = register_module("previous_attn", AdtrAttention(c.hidden_dim, c.heads));
        ffn.create(*this, c.hidden_dim, c.feedforward_dim);
        const auto opts = torch::nn::LayerNormOptions({c.hidden_dim});
        norm1 = register_module("norm1", torch::nn::LayerNorm(opts));
        norm2 = register_module("norm2", torch::nn::LayerNorm(opts));
        norm3 = register_module("norm3", torch::nn::LayerNorm(opts));
    }

    void reset_parameters() {
        if (query.defined()) {
            torch::NoGradGuard no_grad;
            query.normal_();
        }
        memory_attn->reset_parameters();
        previous_attn->reset_parameters();
        ffn.reset_parameters();
        reset_norm(norm1);
        reset_norm(norm2);
        reset_norm(norm3);
    }

    // tgt: the queries, [T, d] (learned) or [N, T, d] (input tokens), fp32. memory_pos: encoder memory
    // plus positions, memory: encoder memory, previous: last decoder output; [N, T, d] in the compute
    // dtype. Returns [N, T, d] fp32.
    Tensor forward(const Pass& pass, Tensor tgt, const Tensor& memory_pos, const Tensor& memory,
                   const Tensor& previous) {
        const auto& mask = pass.decoder_mask;
        const auto with_pos = [&](const Tensor& x) {
            auto q = pass.cast(x) + pass.pos_compute;
            return q.dim() == 2 ? q.unsqueeze(0) : q;
        };
        const auto previous_pos = previous.is_same(memory) ? memory_pos : previous + pass.pos_compute;
        if (m_pre_norm) {
            tgt = tgt +
                  pass.drop(memory_attn->forward(pass, with_pos(norm(norm1, tgt)), memory_pos, memory, mask));
            tgt = tgt + pass.drop(previous_attn->forward(pass, with_pos(norm(norm2, tgt)), previous_pos,
                                                         previous, mask));
            return tgt + pass.drop(ffn(pass, norm(norm3, tgt)));
        }
        tgt =
            norm(norm1, tgt + pass.drop(memory_attn->forward(pass, with_pos(tgt), memory_pos, memory, mask)));
        tgt =
            norm(norm2,
                 tgt + pass.drop(previous_attn->forward(pass, with_pos(tgt), previous_pos, previous, mask)));
        return norm(norm3, tgt + pass.drop(ffn(pass, tgt)));
    }

    Tensor query;  // [T, d] in QueryMode::PerLayer
    AdtrAttention memory_attn{nullptr}, previous_attn{nullptr};
    FeedForward ffn;
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};

private:
    bool m_pre_norm;
};

}  // namespace detail

// ------------------------------------------------------------------------------------------ transformer

AdtrTransformerImpl::AdtrTransformerImpl(const model::AdtrConfig& config, Precision precision)
    : m_config(config), m_weight_cache(std::make_shared<detail::WeightCache>()) {
    m_config.validate();
    const auto& c = m_config;
    m_input_proj = register_module("input_proj", torch::nn::Linear(c.channels, c.hidden_dim));
    m_output_proj = register_module("output_proj", torch::nn::Linear(c.hidden_dim, c.channels));
    m_pos_embed = c.position_embedding == model::PositionEmbedding::Sine
                      ? register_buffer("pos_embed", sine_position_embedding(c.grid, c.hidden_dim))
                      : register_parameter("pos_embed", torch::empty({c.tokens(), c.hidden_dim}));
    if (c.query_mode == QueryMode::Shared)
        m_shared_query = register_parameter("query", torch::empty({c.tokens(), c.hidden_dim}));
    m_encoder = register_module("encoder", torch::nn::ModuleList());
    for (int i = 0; i < c.encoder_layers; ++i) {
        m_encoder_layers.push_back(std::make_shared<detail::AdtrEncoderLayerImpl>(c));
        m_encoder->push_back(m_encoder_layers.back());
    }
    m_decoder = register_module("decoder", torch::nn::ModuleList());
    for (int i = 0; i < c.decoder_layers; ++i) {
        m_decoder_layers.push_back(std::make_shared<detail::AdtrDecoderLayerImpl>(c));
        m_decoder->push_back(m_decoder_layers.back());
    }
    const auto norm_opts = torch::nn::LayerNormOptions({c.hidden_dim});
    if (c.pre_norm)
        m_encoder_norm = register_module("encoder_norm", torch::nn::LayerNorm(norm_opts));
    m_decoder_norm = register_module("decoder_norm", torch::nn::LayerNorm(norm_opts));
    if (c.neighbour_mask > 0) {
        m_mask_f32 = neighbourhood_mask(c.grid, c.neighbour_mask);
        m_mask_bf16 = m_mask_f32.to(torch::kBFloat16);
    }
    reset_parameters();
    set_precision(precision);
}

void AdtrTransformerImpl::reset_parameters() {
    torch::NoGradGuard no_grad;
    for (auto& l : {m_input_proj, m_output_proj}) {
        torch::nn::init::xavier_uniform_(l->weight);
        l->bias.zero_();
    }
    if (m_config.position_embedding == model::PositionEmbedding::Sine)
        m_pos_embed.copy_(sine_position_embedding(m_config.grid, m_config.hidden_dim));
    else
        m_pos_embed.normal_();
    if (m_shared_query.defined())
        m_shared_query.normal_();
    for (auto& l : m_encoder_layers)
        l->reset_parameters();
    for (auto& l : m_decoder_layers)
        l->reset_parameters();
    if (m_encoder_norm)
        detail::reset_norm(m_encoder_norm);
    detail::reset_norm(m_decoder_norm);
}

void AdtrTransformerImpl::set_precision(Precision precision) {
    m_precision = resolve_precision(precision);
    m_weight_cache->clear();
}

Tensor AdtrTransformerImpl::forward(const Tensor& features) {
    const auto& c = m_config;
    if (features.dim() != 4 || features.size(1) != c.channels || features.size(2) != c.grid ||
        features.size(3) != c.grid)
        throw Error("ADTR transformer expects features [N, " + std::to_string(c.channels) + ", " +
                    std::to_string(c.grid) + ", " + std::to_string(c.grid) + "], got " +
                    c10::str(features.sizes()));
    const int64_t n = features.size(0);

    detail::Pass pass;
    pass.dtype = m_precision == Precision::BFloat16 ? torch::kBFloat16 : torch::kFloat;
    pass.train = is_training();
    pass.dropout = c.dropout;
    if (!torch::GradMode::is_enabled())
        pass.cache = m_weight_cache.get();
    pass.pos_compute = pass.weight(m_pos_embed);
    const auto& mask = pass.dtype == torch::kBFloat16 ? m_mask_bf16 : m_mask_f32;
    if (mask.defined()) {
        pass.decoder_mask = mask;
        if (c.mask_encoder)
            pass.encoder_mask = mask;
    }

    auto tokens = features.to(torch::kFloat).flatten(2).transpose(1, 2).contiguous();  // [N, T, C]
    if (pass.train && c.jitter_scale > 0.0 && torch::rand({1}).item<double>() < c.jitter_probability) {
        const auto sigma = tokens.norm(2, -1, /*keepdim=*/true) * (c.jitter_scale / c.channels);
        tokens = tokens + torch::randn_like(tokens) * sigma;
    }
    auto x = detail::linear(pass, tokens, m_input_proj->weight, m_input_proj->bias).to(torch::kFloat);
    const auto input_tokens = x;

    for (auto& layer : m_encoder_layers)
        x = layer->forward(pass, x);
    if (m_encoder_norm)
        x = detail::norm(m_encoder_norm, x);

    const auto memory = pass.cast(x);
    const auto memory_pos = memory + pass.pos_compute;
    Tensor previous = memory;
    for (auto& layer : m_decoder_layers) {
        const Tensor& query = c.query_mode == QueryMode::PerLayer ? layer->query
                              : c.query_mode == QueryMode::Shared ? m_shared_query
                                                                  : input_tokens;
        x = layer->forward(pass, query, memory_pos, memory, previous);
        previous = pass.cast(x);
    }
    x = detail::norm(m_decoder_norm, x);
    auto out = detail::linear(pass, x, m_output_proj->weight, m_output_proj->bias).to(torch::kFloat);
    return out.transpose(1, 2).reshape({n, c.channels, c.grid, c.grid});
}

// ------------------------------------------------------------------------------------------ losses

namespace {

void check_pair(const Tensor& reconstruction, const Tensor& features) {
    if (reconstruction.dim() != 4 || reconstruction.sizes() != features.sizes())
        throw Error("reconstruction " + c10::str(reconstruction.sizes()) + " and features " +
                    c10::str(features.sizes()) + " must both be [N, C, g, g]");
}

// log(1 - exp(-m)), accurate for small m; m floored so a zero difference stays finite.
Tensor log_one_minus_exp_neg(const Tensor& m) {
    return torch::log(-torch::expm1(-m.clamp_min(1e-6)));
}

}  // namespace

Tensor anomaly_grid(const Tensor& reconstruction, const Tensor& features, const Tensor& channel_scale) {
    check_pair(reconstruction, features);
    auto difference = reconstruction - features;
    if (channel_scale.defined()) {
        if (channel_scale.dim() != 1 || channel_scale.size(0) != features.size(1))
            throw Error("anomaly grid: channel scale " + c10::str(channel_scale.sizes()) + " does not fit " +
                        std::to_string(features.size(1)) + " channels");
        difference = difference / channel_scale.view({1, -1, 1, 1});
    }
    return difference.pow(2).sum(1).sqrt();
}

Tensor reconstruction_loss(const Tensor& reconstruction, const Tensor& features) {
    check_pair(reconstruction, features);
    return torch::mse_loss(reconstruction, features);
}

Tensor squared_difference(const Tensor& reconstruction, const Tensor& features) {
    check_pair(reconstruction, features);
    return (reconstruction - features).pow(2).mean(1);
}

Tensor pseudo_huber(const Tensor& squared) {
    return (squared + 1.0).sqrt() - 1.0;
}

Tensor pseudo_huber_difference(const Tensor& reconstruction, const Tensor& features) {
    return pseudo_huber(squared_difference(reconstruction, features));
}

Tensor pixel_level_loss(const Tensor& phi, const Tensor& y, double alpha) {
    return pixel_level_loss(phi, phi, y, alpha);
}

Tensor pixel_level_loss(const Tensor& pull, const Tensor& phi, const Tensor& y, double alpha) {
    if (phi.dim() != 3 || y.sizes() != phi.sizes() || pull.sizes() != phi.sizes())
        throw Error("pixel-level loss: pull " + c10::str(pull.sizes()) + ", phi " + c10::str(phi.sizes()) +
                    " and y " + c10::str(y.sizes()) + " must all be [N, g, g]");
    const auto yf = y.to(phi.scalar_type());
    const auto normal = ((1.0 - yf) * pull).mean({1, 2});
    const auto anomalous = (yf * phi).mean({1, 2});
    const auto has_anomaly = yf.flatten(1).amax(1).gt(0);
    const auto push =
        torch::where(has_anomaly, -alpha * log_one_minus_exp_neg(anomalous), torch::zeros_like(anomalous));
    return (normal + push).mean();
}

Tensor image_level_loss(const Tensor& phi, const Tensor& y, double alpha, int k) {
    if (phi.dim() != 3 || y.dim() != 1 || y.size(0) != phi.size(0))
        throw Error("image-level loss: phi " + c10::str(phi.sizes()) + " must be [N, g, g] and y " +
                    c10::str(y.sizes()) + " [N]");
    if (k <= 0)
        throw Error("image-level loss: k must be positive");
    const auto flat = phi.flatten(1);
    const auto q = std::get<0>(flat.topk(std::min<int64_t>(k, flat.size(1)), 1)).mean(1);
    const auto yf = y.to(phi.scalar_type());
    return ((1.0 - yf) * q - alpha * yf * log_one_minus_exp_neg(q)).mean();
}

}  // namespace kensa::nn
