#include <kensa/data/synthetic/defect_transplant.h>

#include <kensa/base/error.h>
#include <kensa/data/random.h>
#include <kensa/data/synthetic/canvas.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <string>

namespace kensa::data::synthetic {

namespace {
constexpr const char* k_id = "marked_defect";

// Flips and quarter turns: a defect's look does not depend on its orientation on the part.
cv::Mat turned(const cv::Mat& m, int flip, int quarter_turns) {
    cv::Mat out;  // never m's buffer: m is the stored cut-out
    if (flip >= -1)
        cv::flip(m, out, flip);  // -1 both, 0 vertical, 1 horizontal
    else
        out = m.clone();
    static const cv::RotateFlags k_rotations[] = {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_180,
                                                  cv::ROTATE_90_COUNTERCLOCKWISE};
    if (quarter_turns > 0) {
        cv::Mat rotated;
        cv::rotate(out, rotated, k_rotations[quarter_turns - 1]);
        out = rotated;
    }
    return out;
}
}  // namespace

DefectTransplant::DefectTransplant(const std::vector<cv::Mat>& images, const std::vector<cv::Mat>& masks) {
    if (images.size() != masks.size())
        throw Error("defect transplant: " + std::to_string(images.size()) + " images but " +
                    std::to_string(masks.size()) + " masks");
    for (size_t i = 0; i < images.size(); ++i) {
        const auto& image = images[i];
        const auto& mask = masks[i];
        if (image.type() != CV_32FC3 || mask.type() != CV_8UC1 || mask.size() != image.size())
            throw Error("defect transplant: defect " + std::to_string(i) +
                        " needs a CV_32FC3 image and a CV_8UC1 mask of its size");
        const cv::Rect box = cv::boundingRect(mask);
        if (box.area() == 0)
            throw Error("defect transplant: the mask of defect " + std::to_string(i) + " is empty");
        const cv::Rect padded = (box + cv::Size(2, 2) - cv::Point(1, 1)) & cv::Rect({}, image.size());
        Cutout c;
        image(padded).copyTo(c.pixels);
        mask(padded).convertTo(c.coverage, CV_32F);
        cv::threshold(c.coverage, c.coverage, 0.0, 1.0, cv::THRESH_BINARY);
        m_cutouts.push_back(std::move(c));
    }
    if (m_cutouts.empty())
        throw Error("defect transplant: no marked defect to move");
}

SyntheticDefect DefectTransplant::apply(const cv::Mat& image, uint64_t seed) const {
    check_input_image(image, k_id);
    Random rng(seed);
    const auto& cutout = m_cutouts[static_cast<size_t>(rng.integer(0, static_cast<int>(size()) - 1))];
    const int flip = rng.integer(-2, 1);  // -2: no flip
    const int quarter_turns = rng.integer(0, 3);
    cv::Mat3f pixels = turned(cutout.pixels, flip, quarter_turns);
    cv::Mat1f coverage = turned(cutout.coverage, flip, quarter_turns);
    const double fit = std::min({1.0, static_cast<double>(image.cols) / pixels.cols,
                                 static_cast<double>(image.rows) / pixels.rows});
    if (fit < 1.0) {
        const cv::Size scaled(std::max(1, static_cast<int>(pixels.cols * fit)),
                              std::max(1, static_cast<int>(pixels.rows * fit)));
        cv::resize(pixels, pixels, scaled, 0, 0, cv::INTER_AREA);
        cv::resize(coverage, coverage, scaled, 0, 0, cv::INTER_AREA);
    }
    // The paste weight: the defect's pixels, anti-aliased at most 1 px beyond them.
    cv::Mat1f hard, alpha;
    cv::threshold(coverage, hard, 0.5, 1.0, cv::THRESH_BINARY);
    if (cv::countNonZero(hard) == 0)  // scaled below half a pixel everywhere: keep its core
        cv::threshold(coverage, hard, 0.0, 1.0, cv::THRESH_BINARY);
    cv::GaussianBlur(hard, alpha, cv::Size(3, 3), 0.6, 0.6, cv::BORDER_CONSTANT);
    const cv::Rect at(rng.integer(0, image.cols - pixels.cols), rng.integer(0, image.rows - pixels.rows),
                      pixels.cols, pixels.rows);

    cv::Mat3f altered = image.clone();
    blend(altered(at), pixels, alpha);
    cv::Mat1f coverage_in_image = cv::Mat1f::zeros(image.size());
    alpha.copyTo(coverage_in_image(at));
    return finish(image, altered, coverage_in_image, k_id);
}

}  // namespace kensa::data::synthetic
