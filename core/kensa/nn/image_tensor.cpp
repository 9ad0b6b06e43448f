#include <kensa/nn/image_tensor.h>

#include <kensa/base/error.h>

#include <opencv2/imgproc.hpp>

#include <cstring>

namespace kensa::nn {

cv::Mat resized_square(const cv::Mat& image, int64_t size) {
    const int s = static_cast<int>(size);
    if (image.cols == s && image.rows == s)
        return image;
    cv::Mat resized;
    cv::resize(image, resized, cv::Size(s, s), 0, 0,
               (image.cols > s || image.rows > s) ? cv::INTER_AREA : cv::INTER_LINEAR);
    return resized;
}

torch::Tensor images_to_tensor(const std::vector<cv::Mat>& images, int64_t size) {
    auto batch = torch::empty({static_cast<int64_t>(images.size()), 3, size, size}, torch::kFloat32);
    const int s = static_cast<int>(size);
    for (size_t i = 0; i < images.size(); ++i) {
        const cv::Mat& src = images[i];
        if (src.type() != CV_32FC3)
            throw Error("images_to_tensor: expected CV_32FC3 RGB images");
        const cv::Mat resized = resized_square(src, size);
        // HWC interleaved -> CHW planes, straight into the batch tensor's memory.
        std::vector<cv::Mat> planes(3);
        for (int c = 0; c < 3; ++c)
            planes[c] = cv::Mat(s, s, CV_32FC1, batch[static_cast<int64_t>(i)][c].data_ptr<float>());
        cv::split(resized, planes);
    }
    return batch;
}

std::vector<cv::Mat> tensor_to_images(const torch::Tensor& batch) {
    if (batch.dim() != 4 || batch.size(1) != 3)
        throw Error("tensor_to_images: expected [N, 3, H, W], got " + c10::str(batch.sizes()));
    const auto hwc = batch.to(torch::kFloat32).permute({0, 2, 3, 1}).contiguous();
    std::vector<cv::Mat> images;
    for (int64_t i = 0; i < hwc.size(0); ++i)
        images.push_back(cv::Mat(static_cast<int>(hwc.size(1)), static_cast<int>(hwc.size(2)), CV_32FC3,
                                 hwc[i].data_ptr<float>())
                             .clone());
    return images;
}

}  // namespace kensa::nn
