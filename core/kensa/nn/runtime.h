#pragma once

namespace kensa::nn {

// Prepares the process for LibTorch work; idempotent, cheap, call before any heavy tensor code:
// - LibTorch's intra-op threads (it defaults to 1 here); threads <= 0 means all hardware threads;
// - OpenBLAS pinned to one thread, so its pool and LibTorch's OpenMP pool do not oversubscribe the cores;
// - glibc malloc keeps large blocks instead of returning them to the kernel: on these VMs first-touch page
//   faults of fresh 10-50 MB activations cost more than the convolutions writing them (batch-8 MobileNetV2
//   went from 43 to 4.5 ms/image).
void configure_threads(int threads = 0);

// True when the CPU has native bf16 dot products (avx512_bf16; AMX CPUs have it too): there oneDNN's
// bf16 GEMMs run 4-6x faster than fp32 BLAS. Elsewhere bf16 is emulated and slower than fp32.
bool cpu_has_native_bf16();

// True when oneDNN runs bf16 convolutions here (AVX-512 BW/VL/DQ; emulated without native bf16): what a
// backbone in bf16 needs (Backbone::set_precision).
bool cpu_runs_bf16_convolutions();

}  // namespace kensa::nn
