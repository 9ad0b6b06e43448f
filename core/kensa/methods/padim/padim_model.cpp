#include <kensa/methods/padim/padim_model.h>

#include <kensa/base/error.h>

#include <ATen/Parallel.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include <algorithm>

namespace kensa::padim {

namespace {
// [N, C, g, g] -> [g*g, N, C]
torch::Tensor by_position(const torch::Tensor& features) {
    return features.flatten(2).permute({2, 0, 1});
}
}  // namespace

Gaussians fit_gaussians(const torch::Tensor& features, double regularisation) {
    torch::NoGradGuard no_grad;
    const int64_t n = features.size(0), c = features.size(1);
    if (n < 2)
        throw Error("PaDiM needs at least 2 training images");
    const auto x = by_position(features);  // [P, N, C]
    const int64_t positions = x.size(0);
    Gaussians out{torch::empty({positions, c}), torch::empty({positions, c, c})};
    const auto ridge = regularisation * torch::eye(c, torch::kDouble).unsqueeze(0);
    // A few hundred positions at a time: each Gaussian is its own, and the double-precision copies of all
    // 3,136 at once (features, centred features, covariances, inverses) took over 1 GB.
    constexpr int64_t kPositions = 256;
    for (int64_t p0 = 0; p0 < positions; p0 += kPositions) {
        const int64_t p1 = std::min(positions, p0 + kPositions);
        const auto xs = x.slice(0, p0, p1).to(torch::kDouble);
        const auto mean = xs.mean(1);  // [p, C]
        const auto centred = xs - mean.unsqueeze(1);
        const auto covariance = centred.transpose(1, 2).bmm(centred) / static_cast<double>(n - 1) + ridge;
        out.mean.slice(0, p0, p1).copy_(mean);
        out.precision.slice(0, p0, p1).copy_(torch::linalg_inv(covariance));
    }
    return out;
}

namespace {

constexpr int64_t kImages = 8;  // images per pass over a position's triangle (their rows stay in L1)

int64_t triangle_size(int64_t c) {
    return c * (c + 1) / 2;
}

// q[k] = d_k^T P d_k = sum_i d_k[i] * sum_{j >= i} T[i][j] d_k[j] for the images of one position, T its
// packed triangle; d: [n, c]. Eight partial sums per dot product, which the compiler turns into one
// vector register where it can.
[[gnu::always_inline]] inline void quadratic_forms_body(const float* t, const float* d, float* q, int64_t n,
                                                        int64_t c) {
    for (int64_t k = 0; k < n; ++k) {
        const float* dk = d + k * c;
        const float* row = t;
        float sum = 0.f;
        for (int64_t i = 0; i < c; ++i) {
            const int64_t len = c - i;
            float part[8] = {};
            int64_t j = 0;
            for (; j + 8 <= len; j += 8)
                for (int64_t l = 0; l < 8; ++l)
                    part[l] += row[j + l] * dk[i + j + l];
            for (; j < len; ++j)
                part[0] += row[j] * dk[i + j];
            float dot = 0.f;
            for (float p : part)
                dot += p;
            sum += dk[i] * dot;
            row += len;
        }
        q[k] = sum;
    }
}

void quadratic_forms_portable(const float* t, const float* d, float* q, int64_t n, int64_t c) {
    quadratic_forms_body(t, d, q, n, c);
}

using QuadraticForms = void (*)(const float*, const float*, float*, int64_t, int64_t);

#if defined(__x86_64__)
// The same sums, 16 columns at a time for up to kImages images per read of the triangle.
__attribute__((target("avx512f"))) void quadratic_forms_avx512(const float* t, const float* d, float* q, int64_t n,
                                                               int64_t c) {
    for (int64_t k0 = 0; k0 < n; k0 += kImages) {
        const int64_t kn = std::min(kImages, n - k0);
        const float* dk[kImages];
        __m512 sums[kImages];
#pragma GCC unroll 8
        for (int64_t k = 0; k < kImages; ++k) {
            dk[k] = d + (k0 + std::min(k, kn - 1)) * c;  // a short block repeats its last image
            sums[k] = _mm512_setzero_ps();
        }
        const float* row = t;
        for (int64_t i = 0; i < c; ++i) {
            const int64_t len = c - i;
            __m512 dots[kImages];
#pragma GCC unroll 8
            for (int64_t k = 0; k < kImages; ++k)
                dots[k] = _mm512_setzero_ps();
            for (int64_t j = 0; j < len; j += 16) {
                const auto mask = static_cast<__mmask16>(len - j >= 16 ? 0xFFFFu : (1u << (len - j)) - 1u);
                const __m512 r = _mm512_maskz_loadu_ps(mask, row + j);
#pragma GCC unroll 8
                for (int64_t k = 0; k < kImages; ++k)
                    dots[k] = _mm512_fmadd_ps(r, _mm512_maskz_loadu_ps(mask, dk[k] + i + j), dots[k]);
            }
#pragma GCC unroll 8
            for (int64_t k = 0; k < kImages; ++k)
                sums[k] = _mm512_fmadd_ps(dots[k], _mm512_set1_ps(dk[k][i]), sums[k]);
            row += len;
        }
        for (int64_t k = 0; k < kn; ++k) {
            // (GCC 12's _mm512_reduce_add_ps trips -Wmaybe-uninitialized in its own header.)
            alignas(64) float lanes[16];
            _mm512_store_ps(lanes, sums[k]);
            float total = 0.f;
            for (float lane : lanes)
                total += lane;
            q[k0 + k] = total;
        }
    }
}

__attribute__((target("avx2,fma"))) void quadratic_forms_avx2(const float* t, const float* d, float* q, int64_t n,
                                                              int64_t c) {
    quadratic_forms_body(t, d, q, n, c);
}

QuadraticForms fastest_quadratic_forms() {
    if (__builtin_cpu_supports("avx512f"))
        return quadratic_forms_avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return quadratic_forms_avx2;
    return quadratic_forms_portable;
}
#else
QuadraticForms fastest_quadratic_forms() {
    return quadratic_forms_portable;
}
#endif

}  // namespace

PackedGaussians pack(const Gaussians& gaussians) {
    const auto precision = gaussians.precision.to(torch::kFloat).contiguous();
    const int64_t positions = precision.size(0), c = precision.size(1);
    auto triangles = torch::empty({positions, triangle_size(c)});
    const float* in = precision.data_ptr<float>();
    float* out = triangles.data_ptr<float>();
    at::parallel_for(0, positions, 64, [&](int64_t p0, int64_t p1) {
        for (int64_t p = p0; p < p1; ++p) {
            const float* m = in + p * c * c;
            float* t = out + p * triangle_size(c);
            for (int64_t i = 0; i < c; ++i) {
                *t++ = m[i * c + i];
                for (int64_t j = i + 1; j < c; ++j)
                    *t++ = m[i * c + j] + m[j * c + i];
            }
        }
    });
    return {gaussians.mean.to(torch::kFloat).contiguous(), triangles};
}

torch::Tensor mahalanobis(const torch::Tensor& features, const PackedGaussians& gaussians, bool portable) {
    torch::NoGradGuard no_grad;
    const int64_t n = features.size(0), c = features.size(1), g = features.size(2);
    const int64_t positions = g * features.size(3);
    if (gaussians.mean.sizes() != torch::IntArrayRef{positions, c} ||
        gaussians.triangles.sizes() != torch::IntArrayRef{positions, triangle_size(c)})
        throw Error("PaDiM: features " + c10::str(features.sizes()) + " do not fit the Gaussians");
    const auto d = (by_position(features).to(torch::kFloat) - gaussians.mean.unsqueeze(1)).contiguous();  // [P, N, C]
    auto squared = torch::empty({positions, n});
    const float* dp = d.data_ptr<float>();
    const float* tp = gaussians.triangles.data_ptr<float>();
    float* qp = squared.data_ptr<float>();
    static const QuadraticForms fastest = fastest_quadratic_forms();
    const QuadraticForms forms = portable ? quadratic_forms_portable : fastest;
    // Hand-written rather than a batched matrix product: that reads the full matrices and makes one small
    // GEMM call per position, whose packing cost more than the arithmetic (33 ms against 7 for a batch of
    // 8 at stride 4).
    at::parallel_for(0, positions, 16, [&](int64_t p0, int64_t p1) {
        for (int64_t p = p0; p < p1; ++p)
            forms(tp + p * triangle_size(c), dp + p * n * c, qp + p * n, n, c);
    });
    return squared.clamp_min_(0.0).sqrt_().t().reshape({n, g, g}).contiguous();
}

torch::Tensor mahalanobis(const torch::Tensor& features, const Gaussians& gaussians) {
    return mahalanobis(features, pack(gaussians));
}

}  // namespace kensa::padim
