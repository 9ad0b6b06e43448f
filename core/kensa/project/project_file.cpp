#include <kensa/project/project_file.h>
#include <algorithm>

#include <kensa/base/atomic_file.h>
#include <kensa/base/file_bytes.h>
#include <kensa/io/json_number.h>
#include <kensa/model/region_json.h>

#include <nlohmann/json.hpp>

#include <cstdio>

namespace kensa::project {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr const char* k_format_name = "kensa-project";

// Relative to `folder` when inside it (no "..") so the folder can move with its images.
std::string store_path(const fs::path& path, const fs::path& folder) {
    if (path.empty())
        return {};
    const fs::path rel = path.lexically_normal().lexically_relative(folder.lexically_normal());
    if (!rel.empty() && *rel.begin() != "..")
        return rel.generic_string();
    return path.lexically_normal().generic_string();
}

fs::path resolve_path(const std::string& stored, const fs::path& folder) {
    if (stored.empty())
        return {};
    const fs::path p(stored);
    return p.is_absolute() ? p.lexically_normal() : (folder / p).lexically_normal();
}

std::string color_to_hex(const std::array<uint8_t, 3>& c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c[0], c[1], c[2]);
    return buf;
}

std::array<uint8_t, 3> color_from_hex(const std::string& s) {
    unsigned r = 0, g = 0, b = 0;
    if (s.size() != 7 || std::sscanf(s.c_str(), "#%02x%02x%02x", &r, &g, &b) != 3)
        throw std::runtime_error("colour '" + s + "' is not of the form #rrggbb");
    return {static_cast<uint8_t>(r), static_cast<uint8_t>(g), static_cast<uint8_t>(b)};
}

ImageRole role_from(const std::string& s) {
    if (s == "train")
        return ImageRole::Train;
    if (s == "test")
        return ImageRole::Test;
    throw std::runtime_error("unknown image role '" + s + "' (expected train or test)");
}

Label label_from(const std::string& s) {
    if (s == "unlabelled")
        return Label::Unlabelled;
    if (s == "normal")
        return Label::Normal;
    if (s == "defect")
        return Label::Defect;
    throw std::runtime_error("unknown label '" + s + "' (expected unlabelled, normal or defect)");
}

ReviewDecision review_from(const std::string& s) {
    if (s == "none")
        return ReviewDecision::None;
    if (s == "ng")
        return ReviewDecision::Ng;
    if (s == "ok")
        return ReviewDecision::Ok;
    throw std::runtime_error("unknown review decision '" + s + "' (expected none, ng or ok)");
}

json synthetic_generators_json(const std::vector<SyntheticGeneratorSetting>& generators) {
    json out = json::array();
    for (const auto& g : generators)
        out.push_back({{"id", g.id}, {"params", g.params}});
    return out;
}

json to_json(const ImageEntry& e, const fs::path& folder) {
    json j{{"path", store_path(e.path, folder)}, {"role", to_string(e.role)}, {"label", to_string(e.label)}};
    if (!e.defect_type.empty())
        j["defect_type"] = e.defect_type;
    if (e.flagged)
        j["flagged"] = true;
    if (!e.mask.empty()) {
        j["mask"] = e.mask.generic_string();
        j["mask_pixels"] = e.mask_pixels;
    }
    if (!e.source_mask.empty())
        j["source_mask"] = store_path(e.source_mask, folder);
    if (e.review != ReviewDecision::None)
        j["review"] = to_string(e.review);
    return j;
}

ImageEntry entry_from(const json& j, const fs::path& folder) {
    ImageEntry e;
    e.path = resolve_path(j.at("path").get<std::string>(), folder);
    if (e.path.empty())
        throw std::runtime_error("an image has an empty path");
    e.role = role_from(j.at("role").get<std::string>());
    e.label = label_from(j.at("label").get<std::string>());
    e.defect_type = j.value("defect_type", std::string());
    e.flagged = j.value("flagged", false);
    e.mask = fs::path(j.value("mask", std::string()));
    if (e.mask.is_absolute() || (!e.mask.empty() && *e.mask.begin() == ".."))
        throw std::runtime_error("mask '" + e.mask.generic_string() + "' is outside the project folder");
    if (j.contains("mask_pixels"))
        e.mask_pixels = io::json_number<int64_t>(j["mask_pixels"], "mask_pixels");
    e.source_mask = resolve_path(j.value("source_mask", std::string()), folder);
    e.review = review_from(j.value("review", std::string("none")));  // absent in files before review
    return e;
}

Project project_from(const json& j, const fs::path& folder) {
    if (!j.is_object() || j.value("format", std::string()) != k_format_name)
        throw std::runtime_error("not a Kensa project file");
    const int version = io::json_number<int>(j.at("format_version"), "format_version");
    if (version > k_format_version) {
        throw std::runtime_error("written by a newer Kensa (project format " + std::to_string(version) +
                                 ", this Kensa reads up to " + std::to_string(k_format_version) +
                                 "); update Kensa to open it");
    }
    Project p;
    p.name = j.value("name", folder.filename().string());
    if (const auto it = j.find("settings"); it != j.end()) {
        if (const auto t = it->find("task"); t != it->end()) {  // absent before there were tasks: inspection
            const std::string id = t->is_string() ? t->get<std::string>() : t->dump();
            const auto task = parse_project_task(id);
            if (!task)
                throw std::runtime_error("settings.task '" + id + "' is not one of inspection, classification");
            p.settings.task = *task;
        }
        p.settings.method = it->value("method", p.settings.method);  // absent before there were methods
        p.settings.backbone = it->value("backbone", p.settings.backbone);
        if (it->contains("image_size"))
            p.settings.image_size = io::json_number<int>((*it)["image_size"], "settings.image_size");
        if (it->contains("epochs"))
            p.settings.epochs = io::json_number<int>((*it)["epochs"], "settings.epochs");
        if (it->contains("diffusion_epochs"))  // absent before the diffusion denoiser
            p.settings.diffusion_epochs = io::json_number<int>((*it)["diffusion_epochs"], "settings.diffusion_epochs");
        p.settings.training_mode = it->value("training_mode", p.settings.training_mode);
        p.settings.synthetic_defects = it->value("synthetic_defects", p.settings.synthetic_defects);
        p.settings.synthetic_share = it->value("synthetic_share", p.settings.synthetic_share);
        p.settings.active_model = it->value("active_model", p.settings.active_model);
        if (const auto g = it->find("synthetic_generators"); g != it->end()) {
            if (!g->is_array())
                throw std::runtime_error("settings.synthetic_generators must be a list");
            p.settings.synthetic_generators.emplace();
            for (const auto& entry : *g) {
                SyntheticGeneratorSetting setting;
                setting.id = entry.at("id").get<std::string>();
                if (const auto params = entry.find("params"); params != entry.end())
                    for (const auto& [name, value] : params->items()) {
                        if (!value.is_number())
                            throw std::runtime_error("settings.synthetic_generators: parameter '" + name + "' of '" +
                                                     setting.id + "' must be a number");
                        setting.params[name] = io::json_number<double>(value, "settings.synthetic_generators");
                    }
                p.settings.synthetic_generators->push_back(std::move(setting));
            }
        }
        if (it->contains("tile"))
            p.settings.tile = io::json_number<int>((*it)["tile"], "settings.tile");
        if (it->contains("smallest_defect"))
            p.settings.smallest_defect = io::json_number<int>((*it)["smallest_defect"], "settings.smallest_defect");
        if (const auto r = it->find("region"); r != it->end()) {
            p.settings.region = model::region_from_json(*r);
            model::validate(p.settings.region);
        }
        if (p.settings.tile < 0 || p.settings.smallest_defect < 0 || (p.settings.tile > 0 && p.settings.smallest_defect > 0))
            throw std::runtime_error("settings.tile and settings.smallest_defect must be 0 or positive, and not both set");
        if (!model::parse_training_mode(p.settings.training_mode))
            throw std::runtime_error("settings.training_mode '" + p.settings.training_mode +
                                     "' is not one of auto, normal, anomaly");
        if (p.settings.method.empty())
            throw std::runtime_error("settings.method is empty");
    }
    for (const auto& t : j.value("defect_types", json::array()))
        p.defect_types.push_back({t.at("name").get<std::string>(), color_from_hex(t.at("color"))});
    for (const auto& s : j.value("sources", json::array())) {
        ImageSource src;
        src.folder = resolve_path(s.at("folder").get<std::string>(), folder);
        src.kind = s.value("kind", std::string("folder")) == "mvtec" ? ImageSource::Kind::Mvtec
                                                                     : ImageSource::Kind::Folder;
        src.role = role_from(s.value("role", std::string("train")));
        p.sources.push_back(std::move(src));
    }
    for (const auto& e : j.value("images", json::array()))
        p.images.push_back(entry_from(e, folder));
    return p;
}

}  // namespace

bool is_project_folder(const fs::path& folder) {
    std::error_code ec;
    return fs::is_regular_file(folder / k_project_file_name, ec);
}

Result<Project> create_project(const fs::path& folder, const std::string& name) {
    return capture([&] {
        if (is_project_folder(folder))
            throw file_error(folder, "already holds a Kensa project; open it instead");
        std::error_code ec;
        fs::create_directories(folder / k_annotations_dir, ec);
        if (!ec)
            fs::create_directories(folder / k_models_dir, ec);
        if (ec)
            throw file_error(folder, "cannot create the project folder: " + ec.message());
        Project p;
        p.name = name.empty() ? fs::absolute(folder).lexically_normal().filename().string() : name;
        if (p.name.empty())  // folder given with a trailing separator
            p.name = fs::absolute(folder).lexically_normal().parent_path().filename().string();
        save_project(p, folder);
        return p;
    });
}

std::string project_to_json(const Project& project, const fs::path& project_folder) {
    const fs::path folder = fs::absolute(project_folder).lexically_normal();
    json images = json::array();
    for (const auto& e : project.images)
        images.push_back(to_json(e, folder));
    json types = json::array();
    for (const auto& t : project.defect_types)
        types.push_back({{"name", t.name}, {"color", color_to_hex(t.color)}});
    json sources = json::array();
    for (const auto& s : project.sources) {
        sources.push_back({{"folder", store_path(s.folder, folder)},
                           {"kind", s.kind == ImageSource::Kind::Mvtec ? "mvtec" : "folder"},
                           {"role", to_string(s.role)}});
    }
    json j{{"format", k_format_name},
                 {"format_version", k_format_version},
                 {"name", project.name},
                 {"mode", std::string(model::label(training_mode(project)))},  // derived; written for other readers
                 {"settings",
                  {{"task", std::string(to_string(project.settings.task))},
                   {"method", project.settings.method},
                   {"backbone", project.settings.backbone},
                   {"image_size", project.settings.image_size},
                   {"epochs", project.settings.epochs},
                   {"diffusion_epochs", project.settings.diffusion_epochs},
                   {"training_mode", project.settings.training_mode},
                   {"synthetic_defects", project.settings.synthetic_defects},
                   {"synthetic_share", project.settings.synthetic_share},
                   {"tile", project.settings.tile},
                   {"smallest_defect", project.settings.smallest_defect},
                   {"active_model", project.settings.active_model}}},
                 {"defect_types", types},
                 {"sources", sources},
                 {"images", images}};
    if (project.settings.region.enabled())
        j["settings"]["region"] = model::region_to_json(project.settings.region);
    if (project.settings.synthetic_generators)
        j["settings"]["synthetic_generators"] = synthetic_generators_json(*project.settings.synthetic_generators);
    return j.dump(1) + "\n";
}

void save_project(const Project& project, const fs::path& folder) {
    const std::string text = project_to_json(project, folder);
    write_file_atomically(folder / k_project_file_name, std::as_bytes(std::span(text)));
}

Result<Project> load_project(const fs::path& folder) {
    const fs::path file = folder / k_project_file_name;
    return capture([&] {
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(file, ec))) {
            throw file_error(file, fs::exists(folder) ? "no Kensa project here (the project file is missing)"
                                                      : "the folder does not exist");
        }
        const auto bytes = read_regular_file(file, /*allow_empty=*/true);  // a FIFO must not block the app
        const std::string text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        try {
            const fs::path base = fs::absolute(folder).lexically_normal();
            return project_from(json::parse(text), base);
        } catch (const json::parse_error& e) {
            throw file_error(file, std::string("damaged project file (not valid JSON): ") + e.what());
        } catch (const std::exception& e) {
            throw file_error(file, e.what());
        }
    });
}

}  // namespace kensa::project
