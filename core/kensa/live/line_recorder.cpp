#include <kensa/live/line_recorder.h>

#include <kensa/base/atomic_file.h>
#include <kensa/base/csv.h>
#include <kensa/base/error.h>
#include <kensa/base/file_bytes.h>
#include <kensa/base/file_name_limit.h>
#include <kensa/data/image_io.h>
#include <kensa/postprocess/heatmap.h>
#include <kensa/postprocess/verdict.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace kensa::live {

namespace fs = std::filesystem;

namespace {

std::string local_time_now() {
    const auto now = std::chrono::system_clock::now();
    const auto seconds = std::chrono::system_clock::to_time_t(now);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm local{};
    localtime_r(&seconds, &local);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03d", text, static_cast<int>(ms));
    return out;
}

// A free name in folder for `name`: name itself, else stem-1.ext, stem-2.ext, ...
fs::path free_name(const fs::path& folder, const std::string& name) {
    const fs::path base(name);
    fs::path candidate = folder / base;
    std::error_code ec;
    for (int n = 1; fs::exists(candidate, ec); ++n)
        candidate = folder / name_within_limit(base.stem().string() + "-" + std::to_string(n), base.extension().string());
    return candidate;
}

bool ends_with_newline(const fs::path& path) {
    std::ifstream file(path, std::ios::binary | std::ios::ate);
    if (!file || file.tellg() <= 0)
        return true;
    file.seekg(-1, std::ios::end);
    return file.get() == '\n';
}

}  // namespace

LineRecorder::LineRecorder(LineOutputs outputs, const model::Thresholds& thresholds)
    : m_outputs(std::move(outputs)), m_thresholds(thresholds) {
    std::error_code ec;
    fs::create_directories(m_outputs.folder, ec);
    if (ec)
        throw file_error(m_outputs.folder, "cannot create the output folder: " + ec.message());
    if (m_outputs.thumbnail_side > 0) {
        fs::create_directories(m_outputs.folder / "thumbnails", ec);
        if (ec)
            throw file_error(m_outputs.folder / "thumbnails", "cannot be created: " + ec.message());
    }
    if (!m_outputs.sort_into.empty()) {
        for (const char* verdict : {"OK", "NG"}) {
            fs::create_directories(m_outputs.sort_into / verdict, ec);
            if (ec)
                throw file_error(m_outputs.sort_into / verdict, "cannot be created: " + ec.message());
        }
    }
    const bool is_new = !fs::exists(log_path(), ec) || fs::file_size(log_path(), ec) == 0;
    const bool torn = !is_new && !ends_with_newline(log_path());
    m_log.open(log_path(), std::ios::app);
    if (!m_log)
        throw file_error(log_path(), "cannot be opened for writing");
    if (is_new)
        m_log << "time,part,score,verdict,latency_ms,note\n" << std::flush;
    if (torn)  // the last run stopped mid-line (killed, or the disk was full): its rest stays on a line of its own
        m_log << '\n' << std::flush;
}

bool LineRecorder::is_ng(const LinePart& part) const {
    return part.result && postprocess::is_anomalous(part.result->score, m_thresholds.image);
}

std::string LineRecorder::sort(const LinePart& part, bool ng) {
    const fs::path folder = m_outputs.sort_into / (ng ? "NG" : "OK");
    try {
        if (part.file.empty()) {  // a camera frame exists only in memory: written as PNG
            data::write_image(free_name(folder, part.name + ".png"), part.image);
            return {};
        }
        const fs::path target = free_name(folder, part.file.filename().string());
        std::error_code ec;
        if (m_outputs.move) {
            fs::rename(part.file, target, ec);
            if (!ec)
                return {};
            // Another file system: copy, then remove the original once the copy is complete.
        }
        // Written as every Kensa file is (write_file_atomically: a .partial, synced, renamed): a crash never
        // leaves part of an image under the part's name, and the original is removed only afterwards.
        try {
            write_file_atomically(target, read_regular_file(part.file));
        } catch (const std::exception& e) {
            return target.string() + ": cannot be written: " + e.what();
        }
        if (m_outputs.move && !fs::remove(part.file, ec))
            return part.file.string() + ": copied to " + target.string() + " but cannot be removed: " + ec.message();
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

std::vector<std::string> LineRecorder::record(const LinePart& part) {
    std::vector<std::string> problems;
    const bool ng = is_ng(part);
    const char* verdict = !part.result ? "ERROR" : ng ? "NG" : "OK";
    (!part.result ? m_counts.errors : ng ? m_counts.ng : m_counts.ok) += 1;

    char score[32] = "";
    if (part.result)
        std::snprintf(score, sizeof score, "%.6g", part.result->score);
    char latency[32];
    std::snprintf(latency, sizeof latency, "%.1f", part.latency_ms);
    m_log << local_time_now() << ',' << csv_field(part.file.empty() ? part.name : part.file.string()) << ','
          << score << ',' << verdict << ',' << latency << ',' << csv_field(part.error) << '\n'
          << std::flush;
    if (!m_log) {
        problems.push_back(log_path().string() + ": the result of " + part.name +
                           " cannot be written (disk full?); the line goes on");
        m_log.clear();  // try again with the next part
    }
    if (!part.result)
        return problems;

    if (m_outputs.thumbnail_side > 0) {
        const fs::path path = m_outputs.folder / "thumbnails" / name_within_limit(fs::path(part.name).stem().string(), ".jpg");
        try {
            const cv::Mat small = postprocess::heatmap_thumbnail(part.image, part.result->map, m_thresholds.pixel,
                                                                 m_outputs.thumbnail_side);
            const auto bytes = data::encode_image(path, small);
            write_file_atomically(path, std::as_bytes(std::span(bytes.data(), bytes.size())));
        } catch (const std::exception& e) {
            problems.push_back(std::string(e.what()) + " (thumbnail not written)");
        }
    }
    if (!m_outputs.sort_into.empty())
        if (auto problem = sort(part, ng); !problem.empty())
            problems.push_back(problem);
    return problems;
}

}  // namespace kensa::live
