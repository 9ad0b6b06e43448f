#include <kensa/live/line_run.h>

#include <kensa/base/dropping_queue.h>
#include <kensa/base/error.h>
#include <kensa/data/image_io.h>
#include <kensa/engine/inspector.h>
#include <kensa/live/hot_folder.h>
#include <kensa/live/video_source.h>

#include <atomic>
#include <cstdio>
#include <thread>

namespace kensa::live {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

class Run {
public:
    Run(engine::Inspector& inspector, LineRecorder& recorder, const LineRunConfig& config,
        const LineCallbacks& callbacks)
        : m_inspector(inspector), m_recorder(recorder), m_config(config), m_callbacks(callbacks) {}

    bool should_stop() const {
        return (m_callbacks.keep_going && !m_callbacks.keep_going()) ||
               (m_config.stop_after > 0 && m_stats.parts >= m_config.stop_after);
    }

    void warn(const std::string& message) const {
        if (m_callbacks.on_warning)
            m_callbacks.on_warning(message);
    }

    void inspect_and_record(LinePart part, Clock::time_point arrived) {
        if (part.error.empty()) {
            try {
                part.result = m_inspector.inspect({part.image}).front();
            } catch (const Cancelled&) {
                throw;
            } catch (const std::exception& e) {
                part.error = (part.file.empty() ? part.name : part.file.string()) + ": inspection failed: " + e.what();
            }
        }
        part.latency_ms = ms_since(arrived);
        for (const auto& problem : m_recorder.record(part))
            warn(problem);
        ++m_stats.parts;
        m_stats.latency_ms_total += part.latency_ms;
        if (m_callbacks.on_part)
            m_callbacks.on_part(part, m_recorder.is_ng(part));
    }

    void watch_folder() {
        HotFolder hot(m_config.folder, {m_config.settle, 10 * m_config.settle + std::chrono::seconds(2), m_config.existing,
                                        m_config.started});
        auto last_arrival = Clock::now();
        bool listing_failed = false;
        while (!should_stop()) {
            std::vector<ArrivedImage> arrived;
            try {
                arrived = hot.poll();
                if (listing_failed)
                    warn(m_config.folder.string() + ": can be listed again");
                listing_failed = false;
            } catch (const Error& e) {
                if (!listing_failed)
                    warn(std::string(e.what()) + "; retrying");
                listing_failed = true;
            }
            for (auto& a : arrived) {
                LinePart part;
                part.name = a.path.filename().string();
                part.file = a.path;
                if (!a.error.empty())
                    part.error = a.error;
                else if (!a.complete)
                    part.error = a.path.string() + ": the file ends before its format says it does (written incompletely?)";
                else if (auto image = data::decode_image(a.bytes, a.path))
                    part.image = std::move(image).take();
                else
                    part.error = image.error().message();
                inspect_and_record(std::move(part), a.first_seen);
                last_arrival = Clock::now();
                if (should_stop())
                    break;
            }
            if (arrived.empty()) {
                if (m_config.idle_exit > 0 && ms_since(last_arrival) > 1000.0 * m_config.idle_exit)
                    break;
                std::this_thread::sleep_for(m_config.poll);
            }
        }
    }

    struct Frame {
        cv::Mat image;
        long long index = 0;
        Clock::time_point captured;
    };

    void watch_camera() {
        VideoSource source(m_config.camera);
        const double source_fps = source.frames_per_second();
        DroppingQueue<Frame> queue(static_cast<size_t>(std::max(1, m_config.queue)));
        std::atomic<bool> stop{false};
        std::atomic<long long> captured{0}, skipped{0};
        std::string end_reason;
        std::thread capture([&] {
            // The rate cap follows the source's own clock when it states one (recordings are read faster
            // than real time), else the wall clock.
            const auto start = Clock::now();
            double next_slot = 0;
            try {
                for (long long index = 0; !stop.load(); ++index) {
                    auto image = source.read();
                    if (!image) {
                        end_reason = source.name() + ": no more frames (end of the recording, or the camera stopped)";
                        break;
                    }
                    ++captured;
                    const double t = source_fps > 0 ? index / source_fps
                                                    : std::chrono::duration<double>(Clock::now() - start).count();
                    if (m_config.fps > 0) {
                        if (t + 1e-9 < next_slot) {
                            ++skipped;
                            continue;
                        }
                        next_slot = std::max(next_slot + 1.0 / m_config.fps, t);
                    }
                    queue.push({std::move(*image), index, Clock::now()});
                }
            } catch (const std::exception& e) {
                end_reason = e.what();
            }
            queue.close();
        });
        const auto finish = [&] {
            stop = true;
            queue.close();
            capture.join();
            m_stats.captured = captured.load();
            m_stats.skipped = skipped.load();
            m_stats.dropped = static_cast<long long>(queue.dropped());
            m_stats.source_end = end_reason;
        };
        try {
            while (!should_stop() && !queue.closed_and_empty()) {
                auto frame = queue.pop(std::chrono::milliseconds(100));
                if (!frame)
                    continue;
                LinePart part;
                char name[32];
                std::snprintf(name, sizeof name, "frame_%06lld", frame->index);
                part.name = name;
                part.image = std::move(frame->image);
                inspect_and_record(std::move(part), frame->captured);
            }
        } catch (...) {
            finish();
            throw;
        }
        finish();
    }

    LineStats run() {
        const auto start = Clock::now();
        if (!m_config.folder.empty())
            watch_folder();
        else
            watch_camera();
        m_stats.seconds = ms_since(start) / 1000.0;
        return m_stats;
    }

private:
    engine::Inspector& m_inspector;
    LineRecorder& m_recorder;
    const LineRunConfig& m_config;
    const LineCallbacks& m_callbacks;
    LineStats m_stats;
};

}  // namespace

LineStats run_line(engine::Inspector& inspector, LineRecorder& recorder, const LineRunConfig& config,
                   const LineCallbacks& callbacks) {
    if (config.folder.empty() == config.camera.empty())
        throw Error("line: give a hot folder or a camera, not both or neither");
    return Run(inspector, recorder, config, callbacks).run();
}

}  // namespace kensa::live
