#pragma once
// Whether a model learns from normal images only or also from defects (the paper's two settings), one
// enum for the engine, the project and the app. A project's mode is derived (never Auto); a training
// request may be Auto: anomaly-available as soon as there are defects to learn from.

#include <kensa/base/enum_names.h>

#include <array>
#include <optional>
#include <string_view>

namespace kensa::model {

enum class TrainingMode { Auto, NormalOnly, AnomalyAvailable };

// Command-line and settings ids ("auto", "normal", "anomaly").
inline constexpr std::array<EnumName<TrainingMode>, 3> kTrainingModeIds{{{TrainingMode::Auto, "auto"},
                                                                         {TrainingMode::NormalOnly, "normal"},
                                                                         {TrainingMode::AnomalyAvailable, "anomaly"}}};
// What model records, project files and the status bar say ("normal-only", "anomaly-available").
inline constexpr std::array<EnumName<TrainingMode>, 3> kTrainingModeLabels{
    {{TrainingMode::Auto, "auto"},
     {TrainingMode::NormalOnly, "normal-only"},
     {TrainingMode::AnomalyAvailable, "anomaly-available"}}};

inline std::string_view to_string(TrainingMode mode) {
    return name_of(kTrainingModeIds, mode);
}
inline std::optional<TrainingMode> parse_training_mode(std::string_view id) {
    return value_of(kTrainingModeIds, id);
}
inline std::string_view label(TrainingMode mode) {
    return name_of(kTrainingModeLabels, mode);
}

}  // namespace kensa::model
