#pragma once
// Scoring each grid position in units of its own spread on the normal training images, for methods whose
// raw scores differ by position (ADTR rebuilds border positions worse on every image: without this they
// gave the highest scores of normal images). Stored in a model as "score.position_mean" / "_std".

#include <kensa/base/enum_names.h>

#include <opencv2/core.hpp>

#include <array>
#include <vector>

namespace kensa::postprocess {

// Whether a model scores positions against their spread. Normalisation suits surfaces, where a position's
// spread is the model's own (borders rebuilt worse), and can ruin objects that move between images, whose
// spread at a position is mostly pose (the background's small spread turns its noise into alarms):
// docs/benchmarks.md. Chosen: by the engine, on held-out normal images with synthetic defects
// (engine/position_choice.h).
enum class PositionScoring { Normalised, Raw, Chosen };

inline constexpr std::array<EnumName<PositionScoring>, 3> kPositionScoringNames{
    {{PositionScoring::Normalised, "normalised"}, {PositionScoring::Raw, "raw"}, {PositionScoring::Chosen, "chosen"}}};
inline std::string_view to_string(PositionScoring p) { return name_of(kPositionScoringNames, p); }
inline std::optional<PositionScoring> parse_position_scoring(std::string_view name) {
    return value_of(kPositionScoringNames, name);
}

struct PositionStatistics {
    cv::Mat mean;    // CV_32FC1, the grid's size
    cv::Mat stddev;  // CV_32FC1, the grid's size, floored (never 0)

    bool empty() const { return mean.empty(); }
};

// Mean and (unbiased) standard deviation per position over grids of one size (at least 2; CV_32FC1),
// accumulated in double. The floor, 1e-3 + 1% of the mean grid value, keeps a position the model
// rebuilds perfectly on every image from turning noise into alarms. Throws kensa::Error on bad input.
PositionStatistics fit_position_statistics(const std::vector<cv::Mat>& grids);

// (grid - mean) / stddev per position, in float; the grid unchanged when stats are empty. Throws
// kensa::Error when the sizes differ.
cv::Mat normalize_positions(const cv::Mat& grid, const PositionStatistics& stats);

}  // namespace kensa::postprocess
