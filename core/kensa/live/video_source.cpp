#include <kensa/live/video_source.h>

#include <kensa/base/error.h>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace kensa::live {

VideoSource::VideoSource(const std::string& source)
    : m_name(source), m_capture(std::make_unique<cv::VideoCapture>()) {
    const bool device_number =
        !source.empty() && std::all_of(source.begin(), source.end(), [](unsigned char c) { return std::isdigit(c); });
    const bool file_path = !device_number && source.find("://") == std::string::npos && source.find('%') == std::string::npos;
    std::error_code ec;
    if (file_path && !std::filesystem::exists(source, ec))
        throw file_error(source, "video file not found");
    // OpenCV tries every backend and logs each failure; the error below says what matters.
    const auto log_level = cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    struct RestoreLogLevel {
        cv::utils::logging::LogLevel level;
        ~RestoreLogLevel() { cv::utils::logging::setLogLevel(level); }
    } restore{log_level};
    try {
        const bool opened = device_number ? m_capture->open(std::stoi(source)) : m_capture->open(source);
        if (!opened)
            throw file_error(source, device_number ? "camera cannot be opened (is it connected, and free?)"
                                                   : "cannot be opened as a video, an image sequence or a stream");
    } catch (const cv::Exception& e) {
        throw file_error(source, "cannot be opened: " + e.err);
    }
}

VideoSource::~VideoSource() = default;

std::optional<cv::Mat> VideoSource::read() {
    cv::Mat frame;
    try {
        if (!m_capture->read(frame) || frame.empty())
            return std::nullopt;
        cv::Mat rgb, out;
        if (frame.channels() == 1)
            cv::cvtColor(frame, rgb, cv::COLOR_GRAY2RGB);
        else if (frame.channels() == 4)
            cv::cvtColor(frame, rgb, cv::COLOR_BGRA2RGB);
        else
            cv::cvtColor(frame, rgb, cv::COLOR_BGR2RGB);
        rgb.convertTo(out, CV_32F, frame.depth() == CV_16U ? 1.0 / 65535.0 : 1.0 / 255.0);
        return out;
    } catch (const cv::Exception& e) {
        throw file_error(m_name, "a frame cannot be read: " + e.err);
    }
}

double VideoSource::frames_per_second() const {
    return std::max(0.0, m_capture->get(cv::CAP_PROP_FPS));
}

}  // namespace kensa::live
