// Batch inspection at scale: peak RSS and time for inspecting N images (the test images of an MVTec-AD
// layout product, repeated to reach N) with core's engine::run_inspection, what its reduced maps hold
// against full-resolution maps, and what recounting verdicts costs when a threshold slider moves.
//
//   kensa-cli sample --out /tmp/kensa-sample
//   kensa-cli train --data /tmp/kensa-sample --out /tmp/sample.kensa
//   bench_inspection --model /tmp/sample.kensa --product /tmp/kensa-sample --images 1000
#include <kensa/data/mvtec_product.h>
#include <kensa/engine/inspection_run.h>
#include <kensa/engine/inspector.h>
#include <kensa/nn/blas_kernels.h>
#include <kensa/postprocess/verdicts.h>

#include <CLI/CLI.hpp>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

namespace {

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;  // kilobytes on Linux
}

// The resident set now (not the peak), from /proc/self/status; and the open file descriptors.
double current_rss_mb() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    return 0.0;
}

int open_fds() {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd"))
        ++n;
    return n;
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
    kensa::nn::use_native_blas_kernels(argv);
    CLI::App app("Peak memory and time of batch inspection; cost of recounting verdicts");
    std::string model_path, product_path;
    int images = 1000, threads = 1, recount_images = 500;
    kensa::engine::InspectionRunConfig config;
    app.add_option("--model", model_path, "Model file (.kensa)")->required();
    app.add_option("--product", product_path,
                   "Product folder (MVTec AD layout) whose test images are inspected")
        ->required();
    app.add_option("--images", images, "Images to inspect (the test images, repeated)")
        ->capture_default_str();
    app.add_option("--map-side", config.map_side, "Long side of the kept maps")->capture_default_str();
    app.add_option("--batch", config.batch_size, "Images per forward pass")->capture_default_str();
    app.add_option("--threads", threads, "CPU threads (0 = all)")->capture_default_str();
    app.add_option("--recount-images", recount_images, "Images for the verdict-recount timing")
        ->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    try {
        kensa::data::MvtecLoadOptions load;
        load.check_images = false;
        const auto product = kensa::data::load_mvtec_product(product_path, load).take();
        if (product.test.empty())
            throw kensa::Error(product_path + ": no test images");
        std::vector<kensa::engine::InspectionItem> items;
        for (int i = 0; i < images; ++i) {
            const auto& r = product.test[size_t(i) % product.test.size()];
            kensa::engine::InspectionItem item{
                r.image_path, r.is_good() ? kensa::postprocess::Truth::Normal : kensa::postprocess::Truth::Defect,
                r.defect_type, r.mask_path.value_or(std::filesystem::path())};
            items.push_back(std::move(item));
        }
        auto inspector = kensa::engine::Inspector::load(model_path, threads);
        const double rss_loaded = peak_rss_mb();

        const auto start = std::chrono::steady_clock::now();
        // Every `report_every` images: the resident set, what the kept maps and masks account for (they grow
        // by design: map_side^2 * 5 bytes an image at most), the rest — which must stay flat — and open files.
        const int report_every = images >= 5000 ? 1000 : 200;
        const double per_image_mb = double(config.map_side) * config.map_side * 5.0 / (1024.0 * 1024.0);
        std::fprintf(stderr, "  images  RSS MB  kept MB (bound)  RSS - kept  open fds\n");
        auto run = kensa::engine::run_inspection(inspector, items, config, [&](const kensa::Progress& p) {
            if (p.stage == "inspecting" && p.done % report_every == 0) {
                const double rss = current_rss_mb(), kept = per_image_mb * double(p.done);
                std::fprintf(stderr, "  %6lld  %6.0f  %15.0f  %10.0f  %8d\n", static_cast<long long>(p.done), rss,
                             kept, rss - kept, open_fds());
            }
            return true;
        });
        const double run_seconds = seconds_since(start);
        const double rss_peak = peak_rss_mb();

        double kept_mb = 0.0, full_mb = 0.0;
        for (const auto& img : run.images) {
            kept_mb += double(img.map.total() * img.map.elemSize() + img.mask.total() * img.mask.elemSize());
            full_mb += double(img.image_size.area()) * (sizeof(float) + 1);  // full map + mask
        }
        kept_mb /= 1024.0 * 1024.0;
        full_mb /= 1024.0 * 1024.0;

        // A slider move: counts at a new threshold over `recount_images` scores, sorted once.
        auto scores = run.scores();
        scores.resize(std::min(scores.size(), size_t(recount_images)));
        std::vector<kensa::postprocess::Truth> truths;
        for (size_t i = 0; i < scores.size(); ++i)
            truths.push_back(items[i].truth);
        auto t = std::chrono::steady_clock::now();
        const kensa::postprocess::VerdictCounter counter(scores, truths);
        const double sort_ms = seconds_since(t) * 1e3;
        const int moves = 10000;
        int64_t sink = 0;
        t = std::chrono::steady_clock::now();
        for (int m = 0; m < moves; ++m)
            sink += counter.at(run.score_min + (run.score_max - run.score_min) * float(m) / moves).ng;
        const double recount_us = seconds_since(t) * 1e6 / moves;
        t = std::chrono::steady_clock::now();
        for (int m = 0; m < moves / 10; ++m)
            sink += kensa::postprocess::count_verdicts(scores, truths, run.score_min + float(m) * 1e-3f).ng;
        const double direct_us = seconds_since(t) * 1e6 / (moves / 10);

        std::printf("images %d (%zu distinct), failed %d, map side %d, batch %d, threads %d\n", images,
                    product.test.size(), run.failed, config.map_side, config.batch_size, threads);
        std::printf("inspection: %.1f s (%.1f ms/image), metrics included\n", run_seconds,
                    run_seconds * 1e3 / images);
        std::printf("peak RSS: %.0f MB after loading the model, %.0f MB after inspecting (+%.0f MB)\n",
                    rss_loaded, rss_peak, rss_peak - rss_loaded);
        std::printf("kept maps + masks: %.1f MB (full resolution would be %.1f MB)\n", kept_mb, full_mb);
        if (run.evaluation) {
            const auto& o = run.evaluation->overall;
            std::printf("image AUROC %.4f, pixel AUROC %.4f, AU-PRO %.4f\n", o.image_auroc, o.pixel_auroc,
                        o.aupro);
        }
        std::printf(
            "verdict recount over %zu images: sort once %.3f ms, then %.3f us per slider move "
            "(direct pass %.3f us)%s\n",
            scores.size(), sort_ms, recount_us, direct_us, sink == -1 ? " " : "");
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
