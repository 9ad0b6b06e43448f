#pragma once

namespace kensa::nn {

// Sets LibTorch's intra-op threads (it defaults to 1 here) and pins OpenBLAS to one thread so the two
// pools do not oversubscribe the cores. threads <= 0 means all hardware threads. Idempotent.
void configure_threads(int threads = 0);

}  // namespace kensa::nn
