#pragma once
// What a project is for: inspecting parts for local defects (maps, masks, pixel metrics), or sorting tiny
// images as a whole (the ADTR paper's one-class classification: no masks, an image score and nothing
// localised; engine::apply_tiny_image_settings). The app hides or disables what does not apply.

#include <kensa/base/enum_names.h>

#include <array>
#include <optional>
#include <string_view>

namespace kensa::project {

enum class ProjectTask { Inspection, Classification };

// Project-file ids ("inspection", "classification").
inline constexpr std::array<EnumName<ProjectTask>, 2> kProjectTaskIds{
    {{ProjectTask::Inspection, "inspection"}, {ProjectTask::Classification, "classification"}}};

inline std::string_view to_string(ProjectTask task) {
    return name_of(kProjectTaskIds, task);
}
inline std::optional<ProjectTask> parse_project_task(std::string_view id) {
    return value_of(kProjectTaskIds, id);
}

// The image sizes each task trains at: classification below 64 px in steps of the 8 x 8 grid's 16-px
// stride multiple (engine::apply_tiny_image_settings), inspection 64 px and up as before.
struct ImageSizeRange {
    int min = 64;
    int max = 512;
    int step = 32;
    int preferred = 224;
};
inline constexpr ImageSizeRange image_size_range(ProjectTask task) {
    return task == ProjectTask::Classification ? ImageSizeRange{16, 48, 16, 32} : ImageSizeRange{64, 512, 32, 224};
}

}  // namespace kensa::project
