// Milliseconds per image of the MobileNetV2 backbone at 224x224, batches of 1 and 8 on 1 and 2 threads:
// extract() (folded BatchNorm, oneDNN, chunked batches) against the literal module (conv, BatchNorm,
// ReLU6 through at::conv2d, whole batch), runs interleaved so both see the same machine load. Best and
// median of several runs after a warm-up; random weights (speed does not depend on them).
// usage: mobilenet_v2_timing [repeats]
#include <kensa/nn/mobilenet_v2.h>
#include <kensa/nn/runtime.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

namespace {

double ms_per_image(const std::function<void()>& run, int64_t batch) {
    const auto t0 = std::chrono::steady_clock::now();
    run();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() /
           static_cast<double>(batch);
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::stoi(argv[1]) : 10;
    auto backbone = kensa::nn::make_mobilenet_v2_backbone();
    kensa::nn::MobileNetV2 literal;
    literal->eval();
    literal->set_fold_batch_norm(false);
    for (int threads : {1, 2}) {
        kensa::nn::configure_threads(threads);
        for (int64_t batch : {1, 8}) {
            const auto x = torch::rand({batch, 3, 224, 224});
            const std::function<void()> fast = [&] { backbone->extract(x); };
            const std::function<void()> slow = [&] {
                torch::NoGradGuard no_grad;
                literal->forward(x);
            };
            fast();
            slow();
            std::vector<double> a, b;
            for (int r = 0; r < repeats; ++r) {
                a.push_back(ms_per_image(fast, batch));
                b.push_back(ms_per_image(slow, batch));
            }
            std::sort(a.begin(), a.end());
            std::sort(b.begin(), b.end());
            std::printf(
                "threads %d batch %ld: extract best %6.2f median %6.2f | literal best %6.2f median %6.2f "
                "ms/image\n",
                threads, static_cast<long>(batch), a.front(), a[a.size() / 2], b.front(), b[b.size() / 2]);
        }
    }
}
