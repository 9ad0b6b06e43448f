#include <kensa/methods/adtr/adtr_plus.h>

#include <kensa/base/error.h>
#include <kensa/data/random.h>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kensa::adtr {

namespace {
// Independent streams from the training seed: whether an image is altered, and the defect's seed.
constexpr uint64_t k_choice_stream = 0x63686f6f;
constexpr uint64_t k_defect_stream = 0x73796e74;
constexpr uint64_t k_moved_stream = 0x6d6f7665;       // whether an image carries a moved defect
constexpr uint64_t k_moved_draw_stream = 0x6d647277;  // which one, where
constexpr uint64_t k_limit_stream = 0x6c696d74;       // which defects an epoch leaves out

// A probability per image and epoch ("synthetic share", "moved-defect share").
void check_share(const char* what, double share) {
    if (!(share >= 0 && share <= 1))
        throw Error(std::string(what) + " must be in [0, 1], got " + std::to_string(share));
}

std::string sample_name(const DefectSample& s, size_t index) {
    return s.path.empty() ? "defect sample " + std::to_string(index + 1) : s.path;
}
}  // namespace

TrainingMode resolve_mode(const AnomalyTrainingConfig& config, size_t defect_samples) {
    if (config.mode != TrainingMode::Auto)
        return config.mode;
    return defect_samples > 0 || config.synthetic ? TrainingMode::AnomalyAvailable : TrainingMode::NormalOnly;
}

cv::Mat mask_to_grid(const cv::Mat& mask, int grid, double min_fraction) {
    if (mask.empty() || mask.channels() != 1)
        throw Error("mask_to_grid: expected a non-empty one-channel mask");
    if (grid <= 0)
        throw Error("mask_to_grid: grid must be positive");
    cv::Mat binary;
    cv::compare(mask, 0, binary, cv::CMP_NE);  // 0/255
    binary.convertTo(binary, CV_32F, 1.0 / 255.0);
    cv::Mat fraction;
    // INTER_AREA averages every mask pixel into the cells it overlaps (weighted by the overlap when the
    // size is not a multiple of the grid): each cell's defect fraction. Enlarging (masks smaller than
    // the grid) has no area meaning; nearest keeps the labels crisp.
    const bool shrink = mask.cols >= grid && mask.rows >= grid;
    cv::resize(binary, fraction, cv::Size(grid, grid), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_NEAREST);
    cv::Mat labels;
    if (min_fraction > 0)
        cv::compare(fraction, min_fraction - 1e-6, labels, cv::CMP_GE);
    else
        cv::compare(fraction, 1e-6, labels, cv::CMP_GT);
    if (cv::countNonZero(labels) == 0) {
        double best = 0;
        cv::minMaxLoc(fraction, nullptr, &best);
        if (best > 1e-6)
            cv::compare(fraction, best - 1e-6, labels, cv::CMP_GE);
    }
    labels.convertTo(labels, CV_32F, 1.0 / 255.0);
    return labels;
}

void validate(const AnomalyTrainingConfig& c, const std::vector<DefectSample>& defects) {
    if (!(c.alpha > 0) || !std::isfinite(c.alpha))
        throw Error("ADTR+ alpha must be positive, got " + std::to_string(c.alpha));
    if (!(c.restore_weight >= 0) || !std::isfinite(c.restore_weight))
        throw Error("ADTR+ restore weight must not be negative, got " + std::to_string(c.restore_weight));
    if (c.top_k <= 0)
        throw Error("ADTR+ top-k must be positive, got " + std::to_string(c.top_k));
    if (!(c.mask_cell_fraction >= 0 && c.mask_cell_fraction <= 1))
        throw Error("mask cell fraction must be in [0, 1], got " + std::to_string(c.mask_cell_fraction));
    check_share("synthetic share", c.synthetic_share);
    check_share("moved-defect share", c.moved_defect_share);
    if (!(c.max_epoch_size >= 1) || !std::isfinite(c.max_epoch_size))
        throw Error("the largest epoch must be at least the normal images (1), got " +
                    std::to_string(c.max_epoch_size));
    for (size_t i = 0; i < defects.size(); ++i) {
        const auto& s = defects[i];
        if (s.image.empty() || s.image.type() != CV_32FC3)
            throw Error(sample_name(s, i) + ": the defect image must be a CV_32FC3 RGB image");
        if (s.mask.empty())
            throw Error(sample_name(s, i) +
                        ": the defect image has no mask; draw one or leave the image out");
        if (s.mask.type() != CV_8UC1 || s.mask.size() != s.image.size())
            throw Error(sample_name(s, i) + ": the mask must be one 8-bit channel of the image's size");
        if (cv::countNonZero(s.mask) == 0)
            throw Error(sample_name(s, i) + ": the mask is empty (no defect pixel marked)");
    }
}

SyntheticSchedule::SyntheticSchedule(const data::synthetic::MixConfig& mix, double share, uint64_t seed)
    : m_mix(mix), m_share(share), m_seed(seed) {
    check_share("synthetic share", share);
}

void SyntheticSchedule::move_marked_defects(std::shared_ptr<const data::synthetic::DefectTransplant> defects,
                                            double share) {
    check_share("moved-defect share", share);
    m_moved = std::move(defects);
    m_moved_share = share;
}

bool SyntheticSchedule::moved(int epoch, size_t index) const {
    data::Random rng(data::mix_seed(seed(epoch, index), k_moved_stream));
    return m_moved && rng.chance(m_moved_share);
}

bool SyntheticSchedule::chosen(int epoch, size_t index) const {
    data::Random rng(data::mix_seed(seed(epoch, index), k_choice_stream));
    return rng.chance(m_share);
}

uint64_t SyntheticSchedule::seed(int epoch, size_t index) const {
    const auto per_epoch =
        data::mix_seed(data::mix_seed(m_seed, k_defect_stream), static_cast<uint64_t>(epoch));
    return data::mix_seed(per_epoch, static_cast<uint64_t>(index));
}

std::vector<size_t> SyntheticSchedule::picks(size_t count, int epoch) const {
    std::vector<size_t> out;
    for (size_t i = 0; i < count; ++i)
        if (moved(epoch, i) || chosen(epoch, i))
            out.push_back(i);
    if (out.size() > m_limit) {
        // A seeded partial shuffle keeps a random m_limit of them.
        data::Random rng(
            data::mix_seed(data::mix_seed(m_seed, k_limit_stream), static_cast<uint64_t>(epoch)));
        for (size_t k = 0; k < m_limit; ++k)
            std::swap(out[k],
                      out[k + static_cast<size_t>(rng.integer(0, static_cast<int>(out.size() - k - 1)))]);
        out.resize(m_limit);
        std::sort(out.begin(), out.end());
    }
    return out;
}

std::vector<SyntheticDraw> SyntheticSchedule::draw(const std::vector<cv::Mat>& images, int epoch) const {
    std::vector<SyntheticDraw> out;
    for (const size_t i : picks(images.size(), epoch)) {
        auto defect = moved(epoch, i)
                          ? m_moved->apply(images[i], data::mix_seed(seed(epoch, i), k_moved_draw_stream))
                          : m_mix.apply(images[i], seed(epoch, i));
        out.push_back({i, std::move(defect.image), std::move(defect.mask), std::move(defect.generator)});
    }
    return out;
}

}  // namespace kensa::adtr
