#include <kensa/methods/adtr/adtr_kernels.h>

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
#include <type_traits>

namespace kensa::adtr {

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

}  // namespace kensa::adtr
