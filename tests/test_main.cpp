// The tests' main: gtest's, after OpenBLAS is given the kernels this CPU can run (nn/blas_kernels.h),
// so test times match what users get.
#include <kensa/nn/blas_kernels.h>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
    kensa::nn::use_native_blas_kernels(argv);
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
