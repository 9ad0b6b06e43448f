#include <kensa/nn/runtime.h>

#include <ATen/Parallel.h>

#include <dlfcn.h>
#include <malloc.h>

#include <algorithm>
#include <thread>

namespace kensa::nn {

void configure_threads(int threads) {
    if (threads <= 0)
        threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // OpenBLAS reads OPENBLAS_NUM_THREADS only at load time; its setter works later. Looked up
    // dynamically because LibTorch may be linked against another BLAS.
    using SetThreads = void (*)(int);
    if (auto set_blas = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set_blas(1);
    at::set_num_threads(threads);
    // Serve activations from the heap (reused) rather than fresh mmap()s (page-faulted on every use).
    ::mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's maximum on 64-bit
    ::mallopt(M_TRIM_THRESHOLD, 512 << 20);
}

bool cpu_has_native_bf16() {
#if defined(__x86_64__) || defined(__i386__)
    static const bool has = __builtin_cpu_supports("avx512bf16");
    return has;
#else
    return false;
#endif
}

bool cpu_runs_bf16_convolutions() {
#if defined(__x86_64__) || defined(__i386__)
    // What LibTorch 1.13's mkldnn_convolution checks before it takes bf16 tensors.
    static const bool runs = __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl") &&
                             __builtin_cpu_supports("avx512dq");
    return runs;
#else
    return false;
#endif
}

}  // namespace kensa::nn
