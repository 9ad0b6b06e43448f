// kensa-cli watch: inspect parts as the line produces them, from a hot folder or a camera, until Ctrl-C.

#include "cli_support.h"
#include "commands.h"

#include <kensa/base/error.h>
#include <kensa/engine/inspector.h>
#include <kensa/live/line_recorder.h>
#include <kensa/live/line_run.h>

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <memory>

namespace kensa::cli {

namespace {

struct WatchOptions {
    live::LineRunConfig line;
    std::filesystem::path model, out, sort_into;
    bool move = false;
    int poll_ms = 200, settle_ms = 300, threads = 0, thumbnail = 256;
};

}  // namespace

void add_watch_command(CLI::App& app) {
    auto o = std::make_shared<WatchOptions>();
    auto* cmd = app.add_subcommand("watch", "Inspect parts as they arrive: a hot folder or a camera, until Ctrl-C");
    cmd->add_option("--model", o->model, "Model file")->required();
    auto* folder = cmd->add_option("--folder", o->line.folder,
                                   "Hot folder: inspect each image written into it, once its write is complete");
    auto* camera = cmd->add_option("--camera", o->line.camera,
                                   "Camera number (V4L2, e.g. 0), video file, image sequence (img_%04d.png) or "
                                   "stream URL");
    folder->excludes(camera);
    cmd->add_option("--out", o->out, "Folder for results.csv (appended) and thumbnails/ (heatmaps)")->required();
    cmd->add_option("--sort-into", o->sort_into, "Copy each part into <folder>/OK or <folder>/NG");
    cmd->add_flag("--move", o->move, "With --sort-into and --folder: move the images instead of copying them");
    cmd->add_flag("--existing", o->line.existing, "--folder: also inspect the images already there at the start");
    cmd->add_option("--fps", o->line.fps, "--camera: inspect at most this many frames per second (0: every frame)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--queue", o->line.queue,
                    "--camera: frames waiting for inspection at most; when full the oldest is dropped (counted)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--poll-ms", o->poll_ms, "--folder: how often to look for new images")
        ->capture_default_str()
        ->check(CLI::Range(10, 60000));
    cmd->add_option("--settle-ms", o->settle_ms, "--folder: a file is complete when unchanged this long (and its "
                                                 "format's end is there)")
        ->capture_default_str()
        ->check(CLI::Range(0, 600000));
    cmd->add_option("--thumbnail", o->thumbnail, "Long side of the heatmap thumbnails in pixels (0: none)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--stop-after", o->line.stop_after, "Stop after this many parts (0: run until Ctrl-C)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--idle-exit", o->line.idle_exit, "--folder: stop when no image arrived for this many seconds")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--threads", o->threads, "CPU threads (0 = all)")->capture_default_str();
    cmd->callback([o] {
        if (o->line.folder.empty() == o->line.camera.empty())
            throw Error("watch: give --folder or --camera");
        if (o->move && (o->sort_into.empty() || o->line.folder.empty()))
            throw Error("watch: --move needs --sort-into and --folder");
        o->line.started = std::filesystem::file_time_type::clock::now();  // before the model loads
        o->line.poll = std::chrono::milliseconds(o->poll_ms);
        o->line.settle = std::chrono::milliseconds(o->settle_ms);
        auto inspector = engine::Inspector::load(o->model, o->threads);
        live::LineRecorder recorder({o->out, o->sort_into, o->move, o->thumbnail}, inspector.bundle().thresholds);
        if (!o->line.folder.empty())
            std::fprintf(stderr, "kensa-cli: watching %s (new images, complete writes only); Ctrl-C stops\n",
                         o->line.folder.string().c_str());
        else
            std::fprintf(stderr, "kensa-cli: inspecting the frames of %s; Ctrl-C stops\n", o->line.camera.c_str());
        live::LineCallbacks callbacks;
        callbacks.keep_going = [] { return !interrupted(); };
        callbacks.on_warning = [](const std::string& message) { print_warning(message); };
        callbacks.on_part = [](const live::LinePart& part, bool ng) {
            if (part.result)
                std::printf("%s  %-10.5g %s  (%.0f ms)\n", ng ? "NG" : "OK", part.result->score, part.name.c_str(),
                            part.latency_ms);
            else
                print_warning(part.error + " (skipped)");
            std::fflush(stdout);
        };
        const auto stats = live::run_line(inspector, recorder, o->line, callbacks);
        if (!o->line.camera.empty()) {
            if (!stats.source_end.empty())
                std::fprintf(stderr, "kensa-cli: %s\n", stats.source_end.c_str());
            std::printf("frames: %lld captured, %lld skipped by the rate cap, %lld dropped (inspection behind, queue "
                        "of %d), %d inspected\n",
                        stats.captured, stats.skipped, stats.dropped, o->line.queue, stats.parts);
        }
        const auto& c = recorder.counts();
        std::printf("%d parts: %d OK, %d NG, %d unreadable; %.2f parts/s, mean latency %.0f ms; log %s\n",
                    stats.parts, c.ok, c.ng, c.errors, stats.seconds > 0 ? stats.parts / stats.seconds : 0.0,
                    stats.parts ? stats.latency_ms_total / stats.parts : 0.0, recorder.log_path().string().c_str());
    });
}

}  // namespace kensa::cli
