#include <kensa/nn/runtime.h>

#include <ATen/Parallel.h>

#include <dlfcn.h>

#include <thread>

namespace kensa::nn {

void configure_threads(int threads) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // OpenBLAS reads OPENBLAS_NUM_THREADS only at load time; its setter works later. Looked up
    // dynamically because LibTorch may be linked against another BLAS.
    using SetThreads = void (*)(int);
    if (auto set_blas = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set_blas(1);
    at::set_num_threads(threads);
}

}  // namespace kensa::nn
