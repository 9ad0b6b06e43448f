#pragma once
// What happens to each part inspected on the line: a row in the results log, a heatmap thumbnail, and,
// when asked, the image copied or moved into an OK or NG folder. Shared by `kensa-cli watch` and the app.
// A file that cannot be written (full disk, permissions) is reported and the line goes on: record() never
// throws for it. LibTorch-free.

#include <kensa/model/model_bundle.h>
#include <kensa/postprocess/anomaly_map.h>

#include <opencv2/core.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

namespace kensa::live {

struct LineOutputs {
    std::filesystem::path folder;     // results.csv and thumbnails/ are written here
    std::filesystem::path sort_into;  // empty: parts stay where they are; else into <sort_into>/OK and /NG
    bool move = false;                // move image files there instead of copying them (hot folder only)
    int thumbnail_side = 256;         // long side of the heatmap thumbnails; 0: none
};

// One part from a live source.
struct LinePart {
    std::string name;                                  // the file's name, or "frame_000012" for a camera
    std::filesystem::path file;                        // the image file; empty for a camera frame
    cv::Mat image;                                     // CV_32FC3 RGB; empty when it could not be read
    std::optional<postprocess::AnomalyResult> result;  // nullopt: not inspected (error says why)
    std::string error;
    double latency_ms = 0;  // from the part's arrival (file first seen, frame captured) to its verdict
};

struct LineCounts {
    int ok = 0, ng = 0, errors = 0;
};

class LineRecorder {
public:
    // Creates the output folders and opens results.csv for appending (header only when new). Throws
    // kensa::Error when the folder cannot be created or the log cannot be opened: better now than unseen.
    LineRecorder(LineOutputs outputs, const model::Thresholds& thresholds);

    // Records one part. Returns what could not be written, in sentences naming the files (empty: all).
    std::vector<std::string> record(const LinePart& part);

    bool is_ng(const LinePart& part) const;  // at or above the image threshold
    const LineCounts& counts() const { return m_counts; }
    std::filesystem::path log_path() const { return m_outputs.folder / "results.csv"; }

private:
    std::string sort(const LinePart& part, bool ng);  // error or empty

    LineOutputs m_outputs;
    model::Thresholds m_thresholds;
    std::ofstream m_log;
    LineCounts m_counts;
};

}  // namespace kensa::live
