#pragma once

namespace kensa::nn {

// OpenBLAS picks its kernels from the CPU model when it loads. A CPU newer than the OpenBLAS release
// (Debian 12 ships 0.3.21) is taken for a "Prescott" and gets SSE3 kernels: fp32 GEMMs 3-5x slower
// (18 against 98 GFLOP/s on one core of a recent Xeon). Only OPENBLAS_CORETYPE, read at load time,
// overrides that choice, so this re-executes the program once with it set to the kernels the CPU's
// features allow. Call first thing in main(), before any thread starts. Returns when nothing needs
// changing: no OpenBLAS, a fitting choice, OPENBLAS_CORETYPE already set, or the re-exec failed.
void use_native_blas_kernels(char** argv);

// The kernels OpenBLAS uses ("Haswell", "SkylakeX", ...), or empty without OpenBLAS.
const char* blas_kernels();

}  // namespace kensa::nn
