// Backbone forward time (ms/image) at a given input size and batch, and this process's peak RSS.
// One backbone per process so the RSS belongs to it alone; bench/backbones/run.py drives the grid and
// runs the PyTorch counterpart (bench_backbones_pytorch.py) in the same session.

#include <kensa/features/backbone_catalog.h>
#include <kensa/nn/backbone_factory.h>
#include <kensa/nn/blas_kernels.h>
#include <kensa/nn/runtime.h>

#include <CLI/CLI.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
    kensa::nn::use_native_blas_kernels(argv);
    std::string id = "mobilenet_v2";
    int batch = 1, size = 224, threads = 0, repeats = 10;
    CLI::App app{"Time a backbone's forward pass"};
    app.add_option("--backbone", id)->capture_default_str();
    app.add_option("--batch", batch)->capture_default_str();
    app.add_option("--size", size)->capture_default_str();
    app.add_option("--threads", threads, "0 = all cores")->capture_default_str();
    app.add_option("--repeats", repeats)->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    kensa::nn::configure_threads(threads);
    // Weights do not change the cost; use the pretrained ones when installed, else random ones.
    const auto weights = kensa::engine::find_backbone_weights(id);
    auto backbone = weights.empty() ? kensa::nn::create_backbone(id) : kensa::nn::load_backbone(id, weights);
    torch::manual_seed(0);
    const auto images = torch::rand({batch, 3, size, size});

    for (int i = 0; i < 2; ++i) backbone->extract(images);  // warm-up: allocator, oneDNN primitive caches
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        backbone->extract(images);
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("impl=kensa backbone=%s batch=%d size=%d threads=%d median_ms_per_image=%.2f best_ms_per_image=%.2f peak_rss_mb=%.0f\n",
                id.c_str(), batch, size, at::get_num_threads(), ms[ms.size() / 2] / batch, ms.front() / batch,
                static_cast<double>(usage.ru_maxrss) / 1024.0);
}
