#pragma once
// ADTR+ ("anomaly-available" training): what it trains on and how. Defect images come as plain
// (image, mask) pairs, whatever their source (an MVTec ground_truth/ folder, masks drawn in the app, a
// list file), and synthetic defects are drawn afresh every epoch. LibTorch-free.

#include <kensa/base/enum_names.h>
#include <kensa/data/synthetic/defect_transplant.h>
#include <kensa/data/synthetic/mix.h>
#include <kensa/methods/defect_sample.h>
#include <kensa/model/training_mode.h>

#include <opencv2/core.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kensa::adtr {

using engine::DefectSample;
using model::TrainingMode;

// The training mode (model/training_mode.h) decides ADTR's objective. Auto: anomaly-available when there
// is at least one defect sample or synthetic defects are on, else normal-only. Normal-only is the MSE
// reconstruction loss; anomaly-available is ADTR+'s loss with labels (adtr_losses.h; forced on a
// normal-only set it is the MSE again unless the pseudo-Huber pull is chosen). Forced normal-only does not
// train on defect samples or synthetic defects (the defect samples are still recorded, as set aside, and
// left out of evaluation).

// Which ADTR+ loss trains the model (adtr_losses.h): the pixel-level loss (labels per grid
// position; the default, since masks give them), the image-level one (top-k of the difference map
// against the image label), or their sum.
enum class AnomalyObjective { Pixel, Image, Both };
inline constexpr std::array<EnumName<AnomalyObjective>, 3> kAnomalyObjectiveNames{
    {{AnomalyObjective::Pixel, "pixel"}, {AnomalyObjective::Image, "image"}, {AnomalyObjective::Both, "both"}}};
inline std::string_view to_string(AnomalyObjective objective) {
    return name_of(kAnomalyObjectiveNames, objective);
}
inline std::optional<AnomalyObjective> parse_anomaly_objective(std::string_view name) {
    return value_of(kAnomalyObjectiveNames, name);
}

struct AnomalyTrainingConfig {
    TrainingMode mode = TrainingMode::Auto;
    AnomalyObjective objective = AnomalyObjective::Pixel;
    // Weight of the push-away term: the paper's 0.003. Its gradient on a defect position is alpha / sum of
    // the defect's differences, so it is strong while the model still rebuilds a defect and fades once it
    // does not; alpha 1 let it drown the normal positions' pull and made every metric worse
    // (docs/benchmarks.md, "ADTR+").
    double alpha = 0.003;
    int top_k = 20;  // image-level loss: mean of the k largest differences
    // Synthetic defects: also pull the defect positions to the features of the image before the defect
    // was drawn (known: it is the cached normal image), with this weight; 0 = the paper's loss alone.
    double restore_weight = 1.0;
    // Pull normal positions (and restored ones) with the paper's pseudo-Huber difference instead of the
    // normal-only MSE. Off: without defects, anomaly-available training is then normal-only training; the
    // pseudo-Huber pull alone cost 0.1-0.4 points on the sample product (docs/benchmarks.md, "ADTR+").
    bool pseudo_huber_pull = false;
    // A grid position is anomalous when at least this fraction of its cell is defect (area-averaged
    // mask); 0 means any overlap. If no cell of a non-empty mask reaches it, the best-covered cells are
    // marked, so thin scratches and specks smaller than a cell still label something.
    double mask_cell_fraction = 0.25;

    // Synthetic and moved defects are drawn on copies of normal training images that join the epoch
    // next to their clean originals: swapping the originals out halved the clean passes, and with them
    // went the faintest real defect (docs/benchmarks.md, "ADTR+").
    bool synthetic = false;                    // draw synthetic defects on copies of normal training images
    data::synthetic::MixConfig synthetic_mix;  // empty: every generator, equal shares
    double synthetic_share =
        0.4;  // probability that a normal training image gets a copy with a fresh defect in an epoch

    // Marked real defects also moved onto copies of normal training images (data/synthetic/
    // defect_transplant.h): the probability that a normal image gets one in an epoch (taking precedence
    // over a synthetic one); 0 = off. Only with marked defects in anomaly-available mode.
    double moved_defect_share = 0.5;

    // An epoch holds at most this many times the normal training images (marked defects count first;
    // defect copies beyond it are left out at random), so the time per epoch stays bounded however many
    // shares are on: 1.4 keeps it within 1.5x normal-only's with the copies' backbone pass included
    // (docs/benchmarks.md, "ADTR+"). Marked defects are never left out, even beyond it.
    double max_epoch_size = 1.4;
};

// The mode training will use for this configuration and number of defect samples (never Auto).
TrainingMode resolve_mode(const AnomalyTrainingConfig& config, size_t defect_samples);

// Labels on a grid x grid feature grid from a mask of any size (nonzero = defect): the mask is
// area-averaged onto the grid (each cell's defect fraction, as the image is resized to the model's
// square input) and thresholded by min_fraction as AnomalyTrainingConfig::mask_cell_fraction says.
// Returns CV_32FC1 grid x grid of 0 and 1.
cv::Mat mask_to_grid(const cv::Mat& mask, int grid, double min_fraction);

// Throws kensa::Error for values out of range (share outside [0, 1], alpha or k not positive, ...)
// and for defect samples whose image or mask is unusable (names the sample's path).
void validate(const AnomalyTrainingConfig& config, const std::vector<DefectSample>& defects);

// A copy of a normal training image with a defect (synthetic or moved), for one epoch.
struct SyntheticDraw {
    size_t index = 0;  // into the images given to draw()
    cv::Mat image;     // the image with the defect
    cv::Mat mask;      // CV_8UC1 0/255
    std::string generator;
};

// Which normal images get a defect copy in which epoch, and the defects. Each (epoch, image)
// gets its own seed derived from the training seed: defects change every epoch, and the same seed
// gives the same defects on every run and machine.
class SyntheticSchedule {
public:
    // Throws kensa::Error for an unknown generator, a bad parameter or share (see SyntheticMix).
    SyntheticSchedule(const data::synthetic::MixConfig& mix, double share, uint64_t seed);

    // Also move these marked defects onto the images, each image with probability `share` per epoch
    // (before, and instead of, a synthetic defect). Throws kensa::Error for a share outside [0, 1].
    void move_marked_defects(std::shared_ptr<const data::synthetic::DefectTransplant> defects, double share);

    // At most this many defects per epoch; those beyond it are left out at random (seeded).
    void limit_draws(size_t max_per_epoch) { m_limit = max_per_epoch; }

    // Whether image `index` gets a synthetic defect copy in `epoch` (probability = share), and its seed.
    bool chosen(int epoch, size_t index) const;
    uint64_t seed(int epoch, size_t index) const;

    // Which of `count` images carry a defect (moved or synthetic) in `epoch`, in index order, after the
    // limit: cheap, so training knows every epoch's size before drawing anything.
    std::vector<size_t> picks(size_t count, int epoch) const;

    // The defects of one epoch, in index order (one per image of picks()).
    std::vector<SyntheticDraw> draw(const std::vector<cv::Mat>& images, int epoch) const;

    const data::synthetic::SyntheticMix& mix() const { return m_mix; }
    double share() const { return m_share; }
    double moved_defect_share() const { return m_moved ? m_moved_share : 0.0; }

private:
    bool moved(int epoch, size_t index) const;

    data::synthetic::SyntheticMix m_mix;
    double m_share;
    uint64_t m_seed;
    std::shared_ptr<const data::synthetic::DefectTransplant> m_moved;
    double m_moved_share = 0.0;
    size_t m_limit = SIZE_MAX;
};

}  // namespace kensa::adtr
