// Cost of the ADTR transformer per image: a training step (forward + backward + AdamW) and inference
// (forward + anomaly grid, no grad), and this process's peak RSS. Prints one key=value line, the same
// format as adtr_pytorch.py's benchmark; bench/adtr/run.py runs both sides interleaved.
//
// --compare-precision STEPS instead trains an fp32 and a bf16 copy of one initial model on the same
// synthetic batches and prints the output difference and both loss curves.

#include <kensa/nn/adtr_transformer.h>
#include <kensa/nn/runtime.h>

#include <ATen/autocast_mode.h>
#include <torch/csrc/autograd/profiler_legacy.h>
#include <CLI/CLI.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <chrono>
#include <cstdio>
#include <functional>

namespace {

using kensa::model::Precision;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

long minor_faults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

struct Timing {
    double median_ms = 0.0, best_ms = 0.0, faults = 0.0;  // faults: page faults per call
};

// Times fn `repeats` times after `warmup` calls.
Timing time_ms(int warmup, int repeats, const std::function<void()>& fn) {
    for (int i = 0; i < warmup; ++i) fn();
    std::vector<double> ms;
    const long faults0 = minor_faults();
    for (int i = 0; i < repeats; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        fn();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    Timing t;
    t.faults = static_cast<double>(minor_faults() - faults0) / repeats;
    t.median_ms = median(ms);
    t.best_ms = *std::min_element(ms.begin(), ms.end());
    return t;
}

// Feature-like data: non-negative, spatially smooth, channels correlated (a few latent patterns mixed
// per image), so losses move like they would on backbone features.
torch::Tensor synthetic_features(int n, int channels, int grid, torch::Generator& gen) {
    const int k = 6;
    auto basis = torch::randn({k, 1, grid / 2 + 1, grid / 2 + 1}, gen);
    basis = torch::nn::functional::interpolate(
                basis, torch::nn::functional::InterpolateFuncOptions().size(std::vector<int64_t>{grid, grid}).mode(
                           torch::kBilinear).align_corners(true))
                .reshape({k, grid * grid});
    auto mixing = torch::randn({n, channels, k}, gen) * 0.5 + torch::randn({1, channels, k}, gen);
    return torch::relu(torch::matmul(mixing, basis)).reshape({n, channels, grid, grid});
}

// Self CPU time per (op, input shapes) from the legacy profiler's push/pop events, top 30.
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
                if (!stack.empty()) stack.back().children += dur;
                std::ostringstream key;
                key << open.event->name();
                for (const auto& shape : open.event->shapes()) key << " " << c10::IntArrayRef(shape);
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
    std::printf("profile total self %.1f ms\n", total / 1000.0);
    for (size_t i = 0; i < std::min<size_t>(30, rows.size()); ++i)
        std::printf("%9.2f ms  %s\n", rows[i].first / 1000.0, rows[i].second.c_str());
}

void profiled(const std::function<void()>& fn) {
    using namespace torch::autograd::profiler;
    TLSLegacyProfilerGuard guard(torch::profiler::impl::ProfilerConfig(torch::profiler::impl::ProfilerState::CPU, true),
                                 print_profile);
    fn();
}

int compare_precision(const kensa::model::AdtrConfig& config, int batch, int steps) {
    torch::manual_seed(0);
    kensa::nn::AdtrTransformer reference(config, Precision::Float32);
    kensa::nn::AdtrTransformer fast(config, Precision::BFloat16);
    {
        torch::NoGradGuard no_grad;
        for (const auto& p : fast->named_parameters()) p.value().copy_(reference->named_parameters()[p.key()]);
    }
    auto gen = at::detail::createCPUGenerator(1);
    auto probe = synthetic_features(batch, config.channels, config.grid, gen);
    const auto output_diff = [&] {
        torch::NoGradGuard no_grad;
        reference->eval();
        fast->eval();
        const auto a = reference->forward(probe), b = fast->forward(probe);
        const auto ga = kensa::nn::anomaly_grid(a, probe), gb = kensa::nn::anomaly_grid(b, probe);
        std::printf("max_abs_output_diff=%.4g output_abs_max=%.4g max_rel_grid_diff=%.4g\n",
                    (a - b).abs().max().item<double>(), a.abs().max().item<double>(),
                    ((ga - gb).abs() / ga.abs().clamp_min(1e-6)).max().item<double>());
    };
    output_diff();
    auto opt_a = torch::optim::AdamW(reference->parameters(), torch::optim::AdamWOptions(1e-4).weight_decay(1e-4));
    auto opt_b = torch::optim::AdamW(fast->parameters(), torch::optim::AdamWOptions(1e-4).weight_decay(1e-4));
    for (int step = 1; step <= steps; ++step) {
        const auto x = synthetic_features(batch, config.channels, config.grid, gen);
        double losses[2];
        int i = 0;
        for (auto [model, opt] : {std::pair{&reference, &opt_a}, std::pair{&fast, &opt_b}}) {
            (*model)->train();
            torch::manual_seed(step);  // the same jitter coin; dropout masks also match (same seed stream)
            auto loss = kensa::nn::reconstruction_loss((*model)->forward(x), x);
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
    std::string precision = "bf16", query = "per_layer";
    int threads = 1, batch = 8, repeats = 5, warmup = 2, compare_steps = 0;
    bool train = true, infer = true, profile = false, ftz = false;
    kensa::model::AdtrConfig config;
    CLI::App app{"Time the ADTR transformer"};
    app.add_option("--precision", precision, "fp32, bf16 or bf16-autocast (fp32 code under LibTorch's autocast)")
        ->capture_default_str();
    app.add_option("--threads", threads, "0 = all cores")->capture_default_str();
    app.add_option("--batch", batch)->capture_default_str();
    app.add_option("--repeats", repeats)->capture_default_str();
    app.add_option("--warmup", warmup)->capture_default_str();
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
    app.add_option("--compare-precision", compare_steps, "train fp32 and bf16 side by side for this many steps");
    app.add_flag("--profile", profile, "print the ops of one training step and one inference by self time");
    app.add_flag("--ftz", ftz, "flush denormals to zero");
    CLI11_PARSE(app, argc, argv);
    if (ftz) at::globalContext().setFlushDenormal(true);

    const auto mode = kensa::model::parse_query_mode(query);
    if (!mode) {
        std::fprintf(stderr, "unknown --query %s\n", query.c_str());
        return 2;
    }
    config.query_mode = *mode;
    kensa::nn::configure_threads(threads);
    if (compare_steps > 0) return compare_precision(config, batch, compare_steps);

    const bool autocast = precision == "bf16-autocast";
    const auto p = autocast ? Precision::Float32 : kensa::model::parse_precision(precision);
    if (!p) {
        std::fprintf(stderr, "unknown --precision %s\n", precision.c_str());
        return 2;
    }
    if (autocast) {
        at::autocast::set_cpu_enabled(true);
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
    }
    torch::manual_seed(0);
    kensa::nn::AdtrTransformer model(config, *p);
    auto gen = at::detail::createCPUGenerator(1);
    const auto x = synthetic_features(batch, config.channels, config.grid, gen);

    Timing train_t, infer_t;
    if (train) {
        model->train();
        torch::optim::AdamW opt(model->parameters(), torch::optim::AdamWOptions(1e-4).weight_decay(1e-4));
        const auto step = [&] {
            auto loss = kensa::nn::reconstruction_loss(model->forward(x), x);
            opt.zero_grad();
            loss.backward();
            opt.step();
            if (autocast) at::autocast::clear_cache();  // what a training loop must do after each step
        };
        train_t = time_ms(warmup, repeats, step);
        if (profile) profiled(step);
    }
    if (infer) {
        model->eval();
        torch::NoGradGuard no_grad;
        const auto run = [&] { kensa::nn::anomaly_grid(model->forward(x), x); };
        infer_t = time_ms(warmup, repeats, run);
        if (profile) profiled(run);
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    // Medians; best_* are the fastest repeat (least disturbed by other load). Page faults per training
    // step show allocator churn, which is expensive on a VM.
    std::printf("impl=kensa precision=%s threads=%d batch=%d train_ms_per_image=%.2f infer_ms_per_image=%.2f "
                "peak_rss_mb=%.0f best_train_ms_per_image=%.2f best_infer_ms_per_image=%.2f faults_per_step=%.0f\n",
                precision.c_str(), at::get_num_threads(), batch, train_t.median_ms / batch, infer_t.median_ms / batch,
                static_cast<double>(usage.ru_maxrss) / 1024.0, train_t.best_ms / batch, infer_t.best_ms / batch,
                train_t.faults);
}
