// OpenBLAS must run kernels that fit the CPU: on CPUs newer than its release it falls back to SSE3
// ("Prescott") unless nn::use_native_blas_kernels (called by the test main, as by every Kensa program)
// steps in.
#include <kensa/nn/blas_kernels.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

TEST(BlasKernels, FitTheCpu) {
    const std::string kernels = kensa::nn::blas_kernels();
    if (kernels.empty())
        GTEST_SKIP() << "BLAS is not OpenBLAS";
    // A user's own OPENBLAS_CORETYPE is respected, not overridden (the re-exec sets KENSA_BLAS_REEXEC too).
    if (std::getenv("OPENBLAS_CORETYPE") && !std::getenv("KENSA_BLAS_REEXEC"))
        GTEST_SKIP() << "the environment sets OPENBLAS_CORETYPE=" << std::getenv("OPENBLAS_CORETYPE");
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        EXPECT_NE(kernels, "Prescott");
        EXPECT_NE(kernels, "Core2");
        EXPECT_NE(kernels, "Nehalem");
    }
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512cd"))
        EXPECT_TRUE(kernels == "SkylakeX" || kernels == "Cooperlake" || kernels == "SapphireRapids") << kernels;
#endif
}
