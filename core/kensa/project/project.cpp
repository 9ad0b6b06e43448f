#include <kensa/project/project.h>

#include <algorithm>

namespace kensa::project {

bool trains_as_defect(ProjectTask task, const ImageEntry& e) {
    if (task == ProjectTask::Classification)  // whole images, no masks; test images stay for evaluation
        return e.role == ImageRole::Train && e.label == Label::Defect;
    return e.label == Label::Defect && !e.mask.empty() && e.mask_pixels > 0;
}

TrainingMode training_mode(const Project& project) {
    const bool marked = std::any_of(project.images.begin(), project.images.end(), [&](const ImageEntry& e) {
        return trains_as_defect(project.settings.task, e);
    });
    return marked ? TrainingMode::AnomalyAvailable : TrainingMode::NormalOnly;
}

std::string recorded_image_path(const Project& project, const std::filesystem::path& project_folder,
                                const std::filesystem::path& image) {
    const auto normal = image.lexically_normal();
    const auto products = std::count_if(project.sources.begin(), project.sources.end(),
                                        [](const ImageSource& s) { return s.kind == ImageSource::Kind::Mvtec; });
    for (const auto& source : project.sources) {
        if (source.kind != ImageSource::Kind::Mvtec)
            continue;
        const auto root = source.folder.lexically_normal();
        const auto rel = normal.lexically_relative(root);
        if (rel.empty() || *rel.begin() == "..")
            continue;
        // With two products in one project, "test/crack/000.png" alone would name two images.
        return products > 1 ? (root.filename() / rel).generic_string() : rel.generic_string();
    }
    const auto rel = normal.lexically_relative(project_folder.lexically_normal());
    return rel.empty() ? normal.filename().generic_string() : rel.generic_string();
}

int find_image(const Project& project, const std::filesystem::path& path) {
    for (size_t i = 0; i < project.images.size(); ++i) {
        if (project.images[i].path == path)
            return static_cast<int>(i);
    }
    return -1;
}

std::array<uint8_t, 3> palette_color(size_t n) {
    // Colour-blind-friendly, high contrast on photographs (Wong / Tol palettes).
    static constexpr std::array<std::array<uint8_t, 3>, 8> palette{{{230, 60, 60},
                                                                    {0, 158, 115},
                                                                    {240, 180, 0},
                                                                    {0, 114, 178},
                                                                    {204, 121, 167},
                                                                    {86, 180, 233},
                                                                    {213, 94, 0},
                                                                    {150, 90, 220}}};
    return palette[n % palette.size()];
}

const DefectType& ensure_defect_type(Project& project, const std::string& name) {
    for (const auto& t : project.defect_types) {
        if (t.name == name)
            return t;
    }
    project.defect_types.push_back({name, palette_color(project.defect_types.size())});
    return project.defect_types.back();
}

const char* to_string(ImageRole role) {
    return role == ImageRole::Train ? "train" : "test";
}

const char* to_string(Label label) {
    switch (label) {
        case Label::Normal:
            return "normal";
        case Label::Defect:
            return "defect";
        case Label::Unlabelled:
            break;
    }
    return "unlabelled";
}

const char* to_string(ReviewDecision decision) {
    switch (decision) {
        case ReviewDecision::Ng:
            return "ng";
        case ReviewDecision::Ok:
            return "ok";
        case ReviewDecision::None:
            break;
    }
    return "none";
}

}  // namespace kensa::project
