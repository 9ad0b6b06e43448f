#pragma once
// Running a model on the line: parts from a hot folder or a camera, each inspected and recorded as it
// comes, until told to stop. One loop for `kensa-cli watch` and the app's Run mode. LibTorch-free.
//
// Back-pressure: a hot folder's files are never dropped (they wait on disk; the backlog is reported); a
// camera's frames wait in a queue of `queue` frames, and when inspection falls behind the oldest waiting
// frame is dropped and counted, so the line always sees its freshest parts and memory stays bounded.

#include <kensa/live/line_recorder.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

namespace kensa::engine {
class Inspector;
}

namespace kensa::live {

struct LineRunConfig {
    std::filesystem::path folder;  // a hot folder, or
    std::string camera;            // a camera number, video file, image sequence or stream URL
    bool existing = false;         // folder: also inspect the images already there
    // folder: images written at or after this time count as new even when they are there before the watch
    // begins (the model takes a while to load); set it when the user starts the line
    std::filesystem::file_time_type started = std::filesystem::file_time_type::max();
    std::chrono::milliseconds poll{200}, settle{300};
    double fps = 0;         // camera: at most this many frames per second (0: all), on the source's clock
    int queue = 2;          // camera: frames waiting at most
    int stop_after = 0;     // stop after this many parts (0: no limit)
    double idle_exit = 0;   // folder: stop when nothing arrived for this many seconds (0: never)
};

struct LineStats {
    int parts = 0;  // inspected or reported as unreadable
    long long captured = 0, skipped = 0, dropped = 0;  // camera frames: read, left out by the rate cap, dropped
    double seconds = 0, latency_ms_total = 0;
    std::string source_end;  // why the source stopped, when it did (end of a recording, camera gone)
};

struct LineCallbacks {
    std::function<bool()> keep_going;                              // polled often; false stops the run
    std::function<void(const LinePart& part, bool ng)> on_part;   // after each part is recorded
    std::function<void(const std::string& message)> on_warning;   // files not written, a folder gone, ...
};

// Throws kensa::Error when the source cannot be opened (folder missing, camera unavailable); everything
// that goes wrong later is a warning and the run goes on.
LineStats run_line(engine::Inspector& inspector, LineRecorder& recorder, const LineRunConfig& config,
                   const LineCallbacks& callbacks);

}  // namespace kensa::live
