#include <kensa/nn/blas_kernels.h>

#include <dlfcn.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <string>

namespace kensa::nn {

namespace {

// Vector width of a kernel family: 0 SSE, 1 AVX, 2 AVX2, 3 AVX-512; -1 for names not known here.
int kernel_level(std::string name) {
    for (auto& c : name)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    for (const char* n : {"prescott", "core2", "penryn", "dunnington", "nehalem", "atom", "katmai", "coppermine",
                          "northwood", "banias", "opteron", "barcelona", "bobcat"})
        if (name == n)
            return 0;
    for (const char* n : {"sandybridge", "bulldozer", "piledriver"})
        if (name == n)
            return 1;
    for (const char* n : {"haswell", "zen", "steamroller", "excavator"})
        if (name == n)
            return 2;
    for (const char* n : {"skylakex", "cooperlake", "sapphirerapids"})
        if (name == n)
            return 3;
    return -1;
}

// The best OpenBLAS kernel family this CPU can run, with its level.
std::pair<const char*, int> native_kernels() {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
        __builtin_cpu_supports("avx512cd"))
        return {"SkylakeX", 3};  // Debian's OpenBLAS has no separate Cooperlake kernels
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return {"Haswell", 2};
#endif
    return {nullptr, -1};
}

}  // namespace

const char* blas_kernels() {
    using CoreName = char* (*)();
    static const auto corename = reinterpret_cast<CoreName>(dlsym(RTLD_DEFAULT, "openblas_get_corename"));
    return corename ? corename() : "";
}

void use_native_blas_kernels(char** argv) {
    constexpr const char* kGuard = "KENSA_BLAS_REEXEC";
    if (std::getenv("OPENBLAS_CORETYPE") || std::getenv(kGuard) || !argv || !argv[0])
        return;
    const std::string current = blas_kernels();
    const auto [native, native_level] = native_kernels();
    const int current_level = kernel_level(current);
    if (current.empty() || !native || current_level < 0 || current_level >= native_level)
        return;
    ::setenv("OPENBLAS_CORETYPE", native, 1);
    ::setenv(kGuard, "1", 1);
    ::execv("/proc/self/exe", argv);
    ::unsetenv("OPENBLAS_CORETYPE");  // exec failed: carry on with the slower kernels
}

}  // namespace kensa::nn
