// kensa-cli watch: inspect parts as the line produces them, from a hot folder or a camera, until Ctrl-C.

#include "cli_support.h"
#include "commands.h"

#include <kensa/base/dropping_queue.h>
#include <kensa/base/error.h>
#include <kensa/data/image_io.h>
#include <kensa/engine/inspector.h>
#include <kensa/live/hot_folder.h>
#include <kensa/live/line_recorder.h>
#include <kensa/live/video_source.h>

#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

namespace kensa::cli {

namespace {

using Clock = std::chrono::steady_clock;

struct WatchOptions {
    std::filesystem::path model, folder, out, sort_into;
    std::string camera;
    bool move = false, existing = false;
    double fps = 0;
    int queue = 2, poll_ms = 200, settle_ms = 300, stop_after = 0, threads = 0, thumbnail = 256;
    double idle_exit = 0;
};

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Inspects one part (already decoded, or with its error) and records it; prints one line per part.
class Line {
public:
    Line(engine::Inspector& inspector, live::LineRecorder& recorder) : m_inspector(inspector), m_recorder(recorder) {}

    void inspect_and_record(live::LinePart part, Clock::time_point arrived) {
        if (part.error.empty()) {
            try {
                part.result = m_inspector.inspect({part.image}).front();
            } catch (const Cancelled&) {
                throw;
            } catch (const std::exception& e) {
                part.error = std::string("inspection failed: ") + e.what();
            }
        }
        part.latency_ms = ms_since(arrived);
        for (const auto& problem : m_recorder.record(part))
            print_warning(problem);
        if (part.result)
            std::printf("%s  %-10.5g %s  (%.0f ms)\n", m_recorder.is_ng(part) ? "NG" : "OK", part.result->score,
                        part.name.c_str(), part.latency_ms);
        else
            print_warning(part.error + " (skipped)");
        std::fflush(stdout);
        ++m_parts;
        m_latency_total += part.latency_ms;
    }
    int parts() const { return m_parts; }
    double mean_latency_ms() const { return m_parts ? m_latency_total / m_parts : 0.0; }

private:
    engine::Inspector& m_inspector;
    live::LineRecorder& m_recorder;
    int m_parts = 0;
    double m_latency_total = 0;
};

bool should_stop(const WatchOptions& o, const Line& line) {
    return interrupted() || (o.stop_after > 0 && line.parts() >= o.stop_after);
}

// Files stay on disk while the line is busy: none is ever dropped, the backlog just grows (and is shown).
void watch_folder(const WatchOptions& o, Line& line) {
    live::HotFolder hot(o.folder, {std::chrono::milliseconds(o.settle_ms), std::chrono::milliseconds(10 * o.settle_ms + 2000),
                                   o.existing});
    std::fprintf(stderr, "kensa-cli: watching %s (new images, complete writes only); Ctrl-C stops\n",
                 o.folder.string().c_str());
    auto last_arrival = Clock::now();
    bool listing_failed = false;
    while (!should_stop(o, line)) {
        std::vector<live::ArrivedImage> arrived;
        try {
            arrived = hot.poll();
            if (listing_failed)
                std::fprintf(stderr, "kensa-cli: %s can be listed again\n", o.folder.string().c_str());
            listing_failed = false;
        } catch (const Error& e) {
            if (!listing_failed)
                print_warning(std::string(e.what()) + "; retrying");
            listing_failed = true;
        }
        for (auto& a : arrived) {
            live::LinePart part;
            part.name = a.path.filename().string();
            part.file = a.path;
            if (!a.error.empty()) {
                part.error = a.error;
            } else if (!a.complete) {
                part.error = a.path.string() + ": the file ends before its format says it does (written incompletely?)";
            } else if (auto image = data::decode_image(a.bytes, a.path)) {
                part.image = std::move(image).take();
            } else {
                part.error = image.error().message();
            }
            line.inspect_and_record(std::move(part), a.first_seen);
            last_arrival = Clock::now();
            if (should_stop(o, line))
                break;
        }
        if (arrived.empty()) {
            if (o.idle_exit > 0 && ms_since(last_arrival) > 1000.0 * o.idle_exit)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(o.poll_ms));
        }
    }
}

struct Frame {
    cv::Mat image;
    long long index = 0;
    Clock::time_point captured;
};

// A camera cannot wait: frames go into a queue of --queue frames, and when inspection falls behind the
// oldest waiting frame is dropped (counted), so the line always sees the freshest parts.
void watch_camera(const WatchOptions& o, Line& line) {
    live::VideoSource source(o.camera);
    const double source_fps = source.frames_per_second();
    DroppingQueue<Frame> queue(static_cast<size_t>(o.queue));
    std::atomic<bool> stop{false};
    std::atomic<long long> captured{0}, skipped{0};
    std::string capture_error;
    std::thread capture([&] {
        // The rate cap follows the source's own clock when it states one (recordings are read faster than
        // real time), else the wall clock.
        const auto start = Clock::now();
        double next_slot = 0;
        try {
            for (long long index = 0; !stop.load(); ++index) {
                auto image = source.read();
                if (!image)
                    break;
                ++captured;
                const double t = source_fps > 0 ? index / source_fps
                                                : std::chrono::duration<double>(Clock::now() - start).count();
                if (o.fps > 0) {
                    if (t + 1e-9 < next_slot) {
                        ++skipped;
                        continue;
                    }
                    next_slot = std::max(next_slot + 1.0 / o.fps, t);
                }
                queue.push({std::move(*image), index, Clock::now()});
            }
        } catch (const std::exception& e) {
            capture_error = e.what();
        }
        queue.close();
    });
    std::fprintf(stderr, "kensa-cli: inspecting frames of %s (%s fps stated%s); Ctrl-C stops\n", source.name().c_str(),
                 source_fps > 0 ? std::to_string(source_fps).c_str() : "no",
                 o.fps > 0 ? (", capped at " + std::to_string(o.fps)).c_str() : "");
    try {
        while (!should_stop(o, line) && !queue.closed_and_empty()) {
            auto frame = queue.pop(std::chrono::milliseconds(100));
            if (!frame)
                continue;
            live::LinePart part;
            char name[32];
            std::snprintf(name, sizeof name, "frame_%06lld", frame->index);
            part.name = name;
            part.image = std::move(frame->image);
            line.inspect_and_record(std::move(part), frame->captured);
        }
    } catch (...) {
        stop = true;
        queue.close();
        capture.join();
        throw;
    }
    stop = true;
    queue.close();
    capture.join();
    if (!capture_error.empty())
        print_warning(capture_error + "; the camera stopped delivering");
    std::printf("frames: %lld captured, %lld skipped by the rate cap, %zu dropped (inspection behind, queue of %d), "
                "%d inspected\n",
                captured.load(), skipped.load(), queue.dropped(), o.queue, line.parts());
}

}  // namespace

void add_watch_command(CLI::App& app) {
    auto o = std::make_shared<WatchOptions>();
    auto* cmd = app.add_subcommand("watch", "Inspect parts as they arrive: a hot folder or a camera, until Ctrl-C");
    cmd->add_option("--model", o->model, "Model file")->required();
    auto* folder = cmd->add_option("--folder", o->folder,
                                   "Hot folder: inspect each image written into it, once its write is complete");
    auto* camera = cmd->add_option("--camera", o->camera,
                                   "Camera number (V4L2, e.g. 0), video file, image sequence (img_%04d.png) or "
                                   "stream URL");
    folder->excludes(camera);
    cmd->add_option("--out", o->out, "Folder for results.csv (appended) and thumbnails/ (heatmaps)")->required();
    cmd->add_option("--sort-into", o->sort_into, "Copy each part into <folder>/OK or <folder>/NG");
    cmd->add_flag("--move", o->move, "With --sort-into and --folder: move the images instead of copying them");
    cmd->add_flag("--existing", o->existing, "--folder: also inspect the images already there at the start");
    cmd->add_option("--fps", o->fps, "--camera: inspect at most this many frames per second (0: every frame)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--queue", o->queue,
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
    cmd->add_option("--stop-after", o->stop_after, "Stop after this many parts (0: run until Ctrl-C)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--idle-exit", o->idle_exit, "--folder: stop when no image arrived for this many seconds")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--threads", o->threads, "CPU threads (0 = all)")->capture_default_str();
    cmd->callback([o] {
        if (o->folder.empty() == o->camera.empty())
            throw Error("watch: give --folder or --camera");
        if (o->move && (o->sort_into.empty() || o->folder.empty()))
            throw Error("watch: --move needs --sort-into and --folder");
        auto inspector = engine::Inspector::load(o->model, o->threads);
        live::LineRecorder recorder({o->out, o->sort_into, o->move, o->thumbnail}, inspector.bundle().thresholds);
        Line line(inspector, recorder);
        const auto start = Clock::now();
        if (!o->folder.empty())
            watch_folder(*o, line);
        else
            watch_camera(*o, line);
        const auto& c = recorder.counts();
        const double seconds = ms_since(start) / 1000.0;
        std::printf("%d parts: %d OK, %d NG, %d unreadable; %.2f parts/s, mean latency %.0f ms; log %s\n", line.parts(),
                    c.ok, c.ng, c.errors, seconds > 0 ? line.parts() / seconds : 0.0, line.mean_latency_ms(),
                    recorder.log_path().string().c_str());
    });
}

}  // namespace kensa::cli
