// Cost of the ADTR transformer per image: a training step (forward + backward + AdamW) and inference
// (forward + anomaly grid, no grad), and this process's peak RSS. Prints one key=value line in the same
// format as `adtr_pytorch.py bench`; bench/adtr/run.py runs both sides interleaved. Phase times of the
// training step go to stderr.
//
// --compare-precision STEPS instead trains an fp32 and a bf16 copy of one initial model on the same
// synthetic batches (same dropout masks) and prints the output difference and both loss curves.
// --profile prints LibTorch's per-op self times of one step (the profiler itself slows ops down).

#include <kensa/methods/adtr/adtr_kernels.h>
#include <kensa/methods/adtr/adtr_losses.h>
#include <kensa/methods/adtr/adtr_transformer.h>
#include <kensa/nn/blas_kernels.h>
#include <kensa/nn/runtime.h>

#include <ATen/autocast_mode.h>
#include <torch/csrc/autograd/profiler_legacy.h>
#include <CLI/CLI.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <sstream>

namespace {

using kensa::adtr::Precision;

double median(std::vector<double> v) {
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

long minor_faults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

struct Timing {
    double median_ms = 0.0;  // wall clock
    double best_ms = 0.0;
    double cpu_ms = 0.0;  // median process CPU time: with one thread, the wall time minus other load
    double faults = 0.0;  // page faults per call: allocator churn, expensive on a VM
};

Timing measure(int warmup, int repeats, const std::function<void()>& fn) {
    for (int i = 0; i < warmup; ++i)
        fn();
    std::vector<double> wall, cpu;
    const long faults0 = minor_faults();
    for (int i = 0; i < repeats; ++i) {
        const double c0 = cpu_ms();
        const auto t0 = std::chrono::steady_clock::now();
        fn();
        wall.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        cpu.push_back(cpu_ms() - c0);
    }
    return {median(wall), *std::min_element(wall.begin(), wall.end()), median(cpu),
            static_cast<double>(minor_faults() - faults0) / repeats};
}

// Feature-like data: non-negative, spatially smooth, channels correlated (a few latent patterns mixed
// per image), so losses move like they would on backbone features.
torch::Tensor synthetic_features(int n, int channels, int grid, torch::Generator& gen) {
    const int k = 6;
    auto basis = torch::randn({k, 1, grid / 2 + 1, grid / 2 + 1}, gen);
    namespace F = torch::nn::functional;
    basis = F::interpolate(basis, F::InterpolateFuncOptions()
                                      .size(std::vector<int64_t>{grid, grid})
                                      .mode(torch::kBilinear)
                                      .align_corners(true))
                .reshape({k, grid * grid});
    auto mixing = torch::randn({n, channels, k}, gen) * 0.5 + torch::randn({1, channels, k}, gen);
    return torch::relu(torch::matmul(mixing, basis)).reshape({n, channels, grid, grid});
}

// Self time per (op, input shapes) from the legacy profiler's push/pop events, top 30.
void print_profile(const torch::autograd::profiler::thread_event_lists& lists) {
    std::map<std::string, std::pair<double, int>> by_key;
    for (const auto& events : lists) {
        struct Open {
            const torch::autograd::profiler::LegacyEvent* event;
            double children;
        };
        std::vector<Open> stack;
        for (const auto& e : events) {
            if (e.kindStr() == "push") {
                stack.push_back({&e, 0.0});
            } else if (e.kindStr() == "pop" && !stack.empty()) {
                const auto open = stack.back();
                stack.pop_back();
                const double dur = open.event->cpuElapsedUs(e);
                if (!stack.empty())
                    stack.back().children += dur;
                std::ostringstream key;
                key << open.event->name();
                for (const auto& shape : open.event->shapes())
                    key << " " << c10::IntArrayRef(shape);
                auto& slot = by_key[key.str()];
                slot.first += dur - open.children;
                slot.second += 1;
            }
        }
    }
    std::vector<std::pair<double, std::string>> rows;
    double total = 0.0;
    for (const auto& [k, v] : by_key) {
        rows.emplace_back(v.first, k + " x" + std::to_string(v.second));
        total += v.first;
    }
    std::sort(rows.rbegin(), rows.rend());
    std::fprintf(stderr, "profile: total self %.1f ms\n", total / 1000.0);
    for (size_t i = 0; i < std::min<size_t>(30, rows.size()); ++i)
        std::fprintf(stderr, "%9.2f ms  %s\n", rows[i].first / 1000.0, rows[i].second.c_str());
}

void profiled(const std::function<void()>& fn) {
    using namespace torch::profiler::impl;
    torch::autograd::profiler::TLSLegacyProfilerGuard guard(ProfilerConfig(ProfilerState::CPU, true),
                                                            print_profile);
    fn();
}

torch::optim::AdamW make_optimizer(kensa::adtr::AdtrTransformer& model) {
    return torch::optim::AdamW(model->parameters(), torch::optim::AdamWOptions(1e-4).weight_decay(1e-4));
}

int compare_precision(const kensa::adtr::AdtrConfig& config, int batch, int steps) {
    torch::manual_seed(0);
    kensa::adtr::AdtrTransformer reference(config, Precision::Float32);
    kensa::adtr::AdtrTransformer fast(config, Precision::BFloat16);
    {
        torch::NoGradGuard no_grad;
        for (const auto& p : fast->named_parameters())
            p.value().copy_(reference->named_parameters()[p.key()]);
    }
    auto gen = at::detail::createCPUGenerator(1);
    const auto probe = synthetic_features(batch, config.channels, config.grid, gen);
    const auto output_diff = [&] {
        torch::NoGradGuard no_grad;
        reference->eval();
        fast->eval();
        const auto a = reference->forward(probe), b = fast->forward(probe);
        const auto ga = kensa::adtr::anomaly_grid(a, probe), gb = kensa::adtr::anomaly_grid(b, probe);
        std::printf("max_abs_output_diff=%.4g output_abs_max=%.4g max_rel_grid_diff=%.4g\n",
                    (a - b).abs().max().item<double>(), a.abs().max().item<double>(),
                    ((ga - gb).abs() / ga.abs().clamp_min(1e-6)).max().item<double>());
    };
    output_diff();
    auto opt_a = make_optimizer(reference), opt_b = make_optimizer(fast);
    for (int step = 1; step <= steps; ++step) {
        const auto x = synthetic_features(batch, config.channels, config.grid, gen);
        double losses[2];
        int i = 0;
        for (auto [model, opt] : {std::pair{&reference, &opt_a}, std::pair{&fast, &opt_b}}) {
            (*model)->train();
            torch::manual_seed(step);  // the same jitter coins and dropout masks for both
            auto loss = kensa::adtr::reconstruction_loss((*model)->forward(x), x);
            opt->zero_grad();
            loss.backward();
            opt->step();
            losses[i++] = loss.item<double>();
        }
        if (step == 1 || step % std::max(1, steps / 10) == 0)
            std::printf("step=%d loss_fp32=%.5f loss_bf16=%.5f\n", step, losses[0], losses[1]);
    }
    output_diff();
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    kensa::nn::use_native_blas_kernels(argv);
    std::string precision = "bf16", query = "per_layer";
    int threads = 1, batch = 8, repeats = 5, warmup = 3, compare_steps = 0;
    bool train = true, infer = true, profile = false;
    kensa::adtr::AdtrConfig config;
    CLI::App app{"Time the ADTR transformer"};
    app.add_option("--precision", precision,
                   "fp32, bf16, auto, or bf16-autocast (the fp32 code under LibTorch's autocast)")
        ->capture_default_str();
    app.add_option("--threads", threads, "0 = all cores")->capture_default_str();
    app.add_option("--batch", batch)->capture_default_str();
    app.add_option("--repeats", repeats)->capture_default_str();
    app.add_option("--warmup", warmup, "untimed calls first (the allocator settles)")->capture_default_str();
    app.add_option("--channels", config.channels)->capture_default_str();
    app.add_option("--grid", config.grid)->capture_default_str();
    app.add_option("--hidden", config.hidden_dim)->capture_default_str();
    app.add_option("--encoder-layers", config.encoder_layers)->capture_default_str();
    app.add_option("--decoder-layers", config.decoder_layers)->capture_default_str();
    app.add_option("--feedforward", config.feedforward_dim)->capture_default_str();
    app.add_option("--dropout", config.dropout)->capture_default_str();
    app.add_option("--neighbour-mask", config.neighbour_mask)->capture_default_str();
    app.add_option("--query", query, "per_layer, shared or none")->capture_default_str();
    app.add_option("--train", train, "time a training step")->capture_default_str();
    app.add_option("--infer", infer, "time inference")->capture_default_str();
    app.add_option("--compare-precision", compare_steps,
                   "train fp32 and bf16 side by side for this many steps");
    app.add_flag("--profile", profile, "print the ops of one training step and one inference by self time");
    CLI11_PARSE(app, argc, argv);

    const auto mode = kensa::adtr::parse_query_mode(query);
    if (!mode) {
        std::fprintf(stderr, "unknown --query %s\n", query.c_str());
        return 2;
    }
    config.query_mode = *mode;
    kensa::nn::configure_threads(threads);
    if (compare_steps > 0)
        return compare_precision(config, batch, compare_steps);

    const bool autocast = precision == "bf16-autocast";
    const auto p = autocast ? Precision::Float32 : kensa::parse_precision(precision);
    if (!p) {
        std::fprintf(stderr, "unknown --precision %s\n", precision.c_str());
        return 2;
    }
    if (autocast) {
        at::autocast::set_cpu_enabled(true);
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    }
    torch::manual_seed(0);
    kensa::adtr::AdtrTransformer model(config, *p);
    auto gen = at::detail::createCPUGenerator(1);
    const auto x = synthetic_features(batch, config.channels, config.grid, gen);

    Timing train_t, infer_t;
    if (train) {
        model->train();
        auto opt = make_optimizer(model);
        std::vector<double> fwd_ms, bwd_ms, opt_ms;
        const auto step = [&] {
            const auto t0 = std::chrono::steady_clock::now();
            auto loss = kensa::adtr::reconstruction_loss(model->forward(x), x);
            const auto t1 = std::chrono::steady_clock::now();
            opt.zero_grad();
            loss.backward();
            const auto t2 = std::chrono::steady_clock::now();
            opt.step();
            if (autocast)
                at::autocast::clear_cache();  // a training loop under autocast must do this per step
            const auto t3 = std::chrono::steady_clock::now();
            fwd_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
            bwd_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
            opt_ms.push_back(std::chrono::duration<double, std::milli>(t3 - t2).count());
        };
        train_t = measure(warmup, repeats, step);
        std::fprintf(stderr,
                     "train step phases, median ms per batch: forward %.1f backward %.1f optimizer %.1f\n",
                     median(fwd_ms), median(bwd_ms), median(opt_ms));
        if (profile)
            profiled(step);
    }
    if (infer) {
        model->eval();
        torch::NoGradGuard no_grad;
        const auto run = [&] { kensa::adtr::anomaly_grid(model->forward(x), x); };
        infer_t = measure(warmup, repeats, run);
        if (profile)
            profiled(run);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double b = batch;
    std::printf(
        "impl=kensa precision=%s threads=%d batch=%d train_ms_per_image=%.2f infer_ms_per_image=%.2f "
        "peak_rss_mb=%.0f best_train_ms_per_image=%.2f best_infer_ms_per_image=%.2f "
        "train_cpu_ms_per_image=%.2f infer_cpu_ms_per_image=%.2f faults_per_step=%.0f\n",
        precision.c_str(), at::get_num_threads(), batch, train_t.median_ms / b, infer_t.median_ms / b,
        static_cast<double>(usage.ru_maxrss) / 1024.0, train_t.best_ms / b, infer_t.best_ms / b,
        train_t.cpu_ms / b, infer_t.cpu_ms / b, train_t.faults);
}
