#include "image_convert.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace kensa::ui {

QImage image_from_mat(const cv::Mat& rgb) {
    if (rgb.empty() || rgb.type() != CV_32FC3)
        return {};
    QImage out(rgb.cols, rgb.rows, QImage::Format_RGB888);
    // Wrap the QImage's rows (they are 32-bit aligned, hence the explicit step) and convert into them.
    cv::Mat view(rgb.rows, rgb.cols, CV_8UC3, out.bits(), static_cast<size_t>(out.bytesPerLine()));
    rgb.convertTo(view, CV_8U, 255.0);
    return out;
}

cv::Mat mat_from_image(const QImage& image) {
    if (image.isNull())
        return {};
    const QImage rgb =
        image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()),
                       static_cast<size_t>(rgb.bytesPerLine()));
    cv::Mat out;
    view.convertTo(out, CV_32F, 1.0 / 255.0);
    return out;
}

QImage mask_from_mat(const cv::Mat& mask) {
    if (mask.empty() || mask.type() != CV_8UC1)
        return {};
    QImage out(mask.cols, mask.rows, QImage::Format_Grayscale8);
    cv::Mat view(mask.rows, mask.cols, CV_8UC1, out.bits(), static_cast<size_t>(out.bytesPerLine()));
    mask.copyTo(view);
    return out;
}

cv::Mat mat_from_mask(const QImage& mask) {
    const QImage grey =
        mask.format() == QImage::Format_Grayscale8 ? mask : mask.convertToFormat(QImage::Format_Grayscale8);
    const cv::Mat view(grey.height(), grey.width(), CV_8UC1, const_cast<uchar*>(grey.constBits()),
                       static_cast<size_t>(grey.bytesPerLine()));
    return view.clone();
}

QImage heatmap_from_map(const cv::Mat& map, postprocess::HeatmapScale scale, int colormap) {
    if (map.empty() || map.type() != CV_32FC1)
        return {};
    const cv::Mat grey = postprocess::heatmap_levels(map, scale);
    cv::Mat bgr;
    cv::applyColorMap(grey, bgr, colormap);
    cv::Mat rgb, rgba;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    const cv::Mat channels[] = {rgb, grey};  // alpha = the scaled value
    cv::merge(channels, 2, rgba);
    // Format_RGBA8888 is R, G, B, A bytes in memory on any machine.
    QImage out(rgba.cols, rgba.rows, QImage::Format_RGBA8888);
    cv::Mat view(rgba.rows, rgba.cols, CV_8UC4, out.bits(), static_cast<size_t>(out.bytesPerLine()));
    rgba.copyTo(view);
    return out;
}

QImage thumbnail_from_mat(const cv::Mat& rgb, int size) {
    if (rgb.empty())
        return {};
    const int side = std::max(rgb.cols, rgb.rows);
    cv::Mat fitted;
    if (side > size) {
        const double scale = double(size) / side;
        cv::resize(rgb, fitted,
                   cv::Size(std::max(1, int(rgb.cols * scale + 0.5)), std::max(1, int(rgb.rows * scale + 0.5))), 0,
                   0, cv::INTER_AREA);
    } else {
        // A tiny image (a 28 px part crop) grows by a whole factor, each pixel a crisp block: smoothing it
        // up would blur exactly the few pixels a user looks at.
        const int factor = std::max(1, size / side);
        if (factor > 1)
            cv::resize(rgb, fitted, cv::Size(rgb.cols * factor, rgb.rows * factor), 0, 0, cv::INTER_NEAREST);
        else
            fitted = rgb;
    }
    return image_from_mat(fitted);
}

}  // namespace kensa::ui
