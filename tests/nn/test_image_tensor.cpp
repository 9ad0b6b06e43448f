#include <kensa/nn/image_tensor.h>

#include <opencv2/imgproc.hpp>

#include <gtest/gtest.h>

TEST(ImageTensor, KeepsRgbPlanesAndBatchOrder) {
    cv::Mat red(64, 64, CV_32FC3, cv::Scalar(1.f, 0.f, 0.f));  // RGB order: channel 0 is red
    cv::Mat grey(96, 32, CV_32FC3, cv::Scalar(0.5f, 0.5f, 0.5f));
    const auto t = kensa::nn::images_to_tensor({red, grey}, 32);
    ASSERT_EQ(t.sizes(), (std::vector<int64_t>{2, 3, 32, 32}));
    EXPECT_FLOAT_EQ(t[0][0].mean().item<float>(), 1.f);
    EXPECT_FLOAT_EQ(t[0][1].mean().item<float>(), 0.f);
    EXPECT_NEAR(t[1].mean().item<float>(), 0.5f, 1e-6);
}

TEST(ImageTensor, PixelLandsAtTheSamePlace) {
    cv::Mat img(32, 32, CV_32FC3, cv::Scalar::all(0));
    img.at<cv::Vec3f>(5, 20) = cv::Vec3f(0.f, 0.f, 1.f);  // blue pixel at row 5, column 20
    const auto t = kensa::nn::images_to_tensor({img}, 32);
    EXPECT_FLOAT_EQ(t[0][2][5][20].item<float>(), 1.f);
    EXPECT_FLOAT_EQ(t[0][2].sum().item<float>(), 1.f);
}

TEST(ImageTensor, RejectsNonFloatImages) {
    cv::Mat bytes(8, 8, CV_8UC3);
    EXPECT_THROW(kensa::nn::images_to_tensor({bytes}, 32), std::exception);
}

TEST(ImageTensor, TensorToImagesInvertsImagesToTensor) {
    cv::Mat img(16, 24, CV_32FC3);
    cv::randu(img, cv::Scalar::all(0.f), cv::Scalar::all(1.f));
    const auto back = kensa::nn::tensor_to_images(kensa::nn::images_to_tensor({img, img}, 16));
    ASSERT_EQ(back.size(), 2u);
    cv::Mat square;
    cv::resize(img, square, cv::Size(16, 16), 0, 0, cv::INTER_AREA);
    EXPECT_EQ(back[0].type(), CV_32FC3);
    EXPECT_EQ(cv::norm(back[1], square, cv::NORM_INF), 0.0);
    EXPECT_THROW(kensa::nn::tensor_to_images(torch::zeros({1, 4, 2, 2})), std::exception);
}
