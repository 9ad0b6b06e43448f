#include "inspection/inspection_overlay.h"

#include <kensa/postprocess/verdict.h>

#include <opencv2/imgproc.hpp>

#include <vector>

namespace kensa::ui {

QPainterPath defectOutline(const cv::Mat& map, float pixelThreshold) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    if (map.empty() || map.type() != CV_32FC1)
        return path;
    const cv::Mat above = postprocess::anomalous_pixels(map, pixelThreshold);
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(above, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
    for (const auto& c : contours) {
        // Contours run through pixel centres; +0.5 puts them on the pixels drawn at integer corners.
        path.moveTo(c.front().x + 0.5, c.front().y + 0.5);
        for (size_t i = 1; i < c.size(); ++i)
            path.lineTo(c[i].x + 0.5, c[i].y + 0.5);
        path.closeSubpath();
    }
    return path;
}

}  // namespace kensa::ui
