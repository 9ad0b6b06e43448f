#pragma once
// Marked real defects moved onto normal images: each draw cuts one marked defect out of its image (the
// mask's pixels, edges anti-aliased), flips and turns it at random and pastes it at a random place of a
// normal image. A few marked defects then become many training samples whose defect-free image is known
// (the normal image), which is what lets ADTR+ teach the model to rebuild the normal surface under them
// instead of only pushing away from what it sees.

#include <kensa/data/synthetic/defect.h>

#include <cstdint>
#include <vector>

namespace kensa::data::synthetic {

class DefectTransplant {
public:
    // images CV_32FC3 RGB in [0, 1]; masks CV_8UC1 of each image's size, nonzero = defect. Throws
    // kensa::Error for a count mismatch, a wrong type or size, or an empty mask.
    DefectTransplant(const std::vector<cv::Mat>& images, const std::vector<cv::Mat>& masks);

    // One moved defect on `image` (CV_32FC3, at least 16 px a side, as for every generator); a cut-out
    // larger than the image is scaled down to fit. Keeps the SyntheticDefect contract (canvas.h finish());
    // generator = "marked_defect". Deterministic in (image, seed).
    SyntheticDefect apply(const cv::Mat& image, uint64_t seed) const;

    size_t size() const { return m_cutouts.size(); }

private:
    struct Cutout {
        cv::Mat3f pixels;    // the defect's bounding box (1 px margin) in its image
        cv::Mat1f coverage;  // the mask there: 1 inside, 0 outside
    };
    std::vector<Cutout> m_cutouts;
};

}  // namespace kensa::data::synthetic
