#pragma once
// Frames from a camera or a recording through OpenCV's VideoCapture: a V4L2 device by number ("0"), a
// video file, an image sequence ("frames/img_%04d.png") or a stream URL ("rtsp://..."). GenICam cameras
// are reached through their vendor's V4L2 driver or a stream; Kensa has no GenICam transport of its own.

#include <opencv2/core.hpp>

#include <memory>
#include <optional>
#include <string>

namespace cv {
class VideoCapture;
}

namespace kensa::live {

class VideoSource {
public:
    // Opens the source; throws kensa::Error naming it when it cannot be opened.
    explicit VideoSource(const std::string& source);
    ~VideoSource();
    VideoSource(const VideoSource&) = delete;
    VideoSource& operator=(const VideoSource&) = delete;

    // The next frame as CV_32FC3 RGB in [0, 1]; nullopt at the end of a recording or when a camera stops
    // delivering (unplugged). Throws kensa::Error when a frame cannot be converted.
    std::optional<cv::Mat> read();

    const std::string& name() const { return m_name; }
    double frames_per_second() const;  // as the source states it; 0 when it does not

private:
    std::string m_name;
    std::unique_ptr<cv::VideoCapture> m_capture;
};

}  // namespace kensa::live
