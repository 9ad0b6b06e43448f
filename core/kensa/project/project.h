#pragma once
// A product project: the images Kensa learns from and is tested on, their labels and defect masks, and the
// project's settings. On disk it is one folder (see project_file.h); this header is the in-memory form.

#include <kensa/model/region_of_interest.h>
#include <kensa/model/training_mode.h>
#include <kensa/project/project_task.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <map>
#include <string>
#include <vector>

namespace kensa::project {

// Train images are the normal parts Kensa learns from; test images are for review and evaluation.
enum class ImageRole { Train, Test };
enum class Label { Unlabelled, Normal, Defect };

// Normal-only: ADTR learns from normal images alone. Anomaly-available: the user has marked at least one
// defect with a mask, which training may use (ADTR+). Imported ground truth does not count: it is kept for
// evaluation, not training. In an image-classification project: a training image labelled defect (the
// whole image is the anomaly, for ADTR+'s image-level loss); test images stay for evaluation.
using model::TrainingMode;  // derived for a project: never Auto

// A reviewer's decision on an inspected part, whatever the model's verdict was: the part is NG
// (confirmed or overriding an OK) or OK (confirmed or overriding an NG). None: not reviewed yet.
enum class ReviewDecision { None, Ng, Ok };

struct DefectType {
    std::string name;
    std::array<uint8_t, 3> color{230, 60, 60};  // RGB, for overlays

    bool operator==(const DefectType&) const = default;
};

struct ImageEntry {
    std::filesystem::path path;  // absolute in memory; stored relative to the project folder when inside it
    ImageRole role = ImageRole::Train;
    Label label = Label::Unlabelled;
    std::string defect_type;  // empty unless label is Defect
    bool flagged = false;     // "look at this again", set by the user
    // The project's own annotation, relative to the project folder ("annotations/.../<stem>_mask.png"),
    // 0/255 PNG. Empty until the user draws on this image.
    std::filesystem::path mask;
    int64_t mask_pixels = 0;  // defect pixels in `mask`, kept so the mode is known without reading masks
    // Ground truth that came with an imported product (absolute); read-only, the start for editing.
    std::filesystem::path source_mask;
    ReviewDecision review = ReviewDecision::None;  // from reviewing inspection results

    bool operator==(const ImageEntry&) const = default;
};

struct ImageSource {
    enum class Kind { Folder, Mvtec };
    std::filesystem::path folder;  // absolute in memory
    Kind kind = Kind::Folder;
    ImageRole role = ImageRole::Train;  // for Folder sources

    bool operator==(const ImageSource&) const = default;
};

// New projects train what kensa-cli trains: every default here equals engine::TrainingConfig's (a UI test
// compares them), so a model made in the app matches the benchmarked recipe.
// A synthetic-defect generator as the Synthetic Defects panel leaves it: ticked, with its parameters.
struct SyntheticGeneratorSetting {
    std::string id;                        // data/synthetic/registry.h
    std::map<std::string, double> params;  // by name; those not listed keep their defaults

    bool operator==(const SyntheticGeneratorSetting&) const = default;
};

struct ProjectSettings {
    ProjectTask task = ProjectTask::Inspection;  // absent from files written before there were tasks
    std::string method = "adtr";  // a method id (methods/registry.h); checked when training starts
    std::string backbone = "mobilenet_v2";
    int image_size = 224;
    int epochs = 40;                     // ADTR's measured default (engine::TrainingConfig::adtr.epochs)
    int diffusion_epochs = 150;          // the diffusion denoiser's (engine::TrainingConfig::diffusion.epochs)
    // How training uses defects (ADTR+), a model::TrainingMode id: "auto" trains anomaly-available as soon
    // as the project has marked defects or synthetic defects are on; "normal" and "anomaly" force the mode.
    std::string training_mode = "auto";
    bool synthetic_defects = false;      // draw fresh synthetic defects on copies of normal images every epoch
    double synthetic_share = 0.4;        // the share of normal images that get a copy with one in an epoch
    // The generators the Synthetic Defects panel has ticked, with their parameters: what training draws.
    // None: every generator at its defaults (a project the panel never touched); empty: none ticked.
    std::optional<std::vector<SyntheticGeneratorSetting>> synthetic_generators;
    // Large images (model/tiling.h): 0 and 0 = the whole image at image_size; smallest_defect > 0 = tiles
    // that keep a defect of that many pixels visible; tile > 0 = tiles of that side.
    int tile = 0;
    int smallest_defect = 0;
    // The region of interest (model/region_of_interest.h) training and inspection keep to; none = the whole image.
    model::RegionOfInterest region;
    // The model inspection uses: a file name in the project's models/ folder; empty when none is chosen.
    std::string active_model;

    bool operator==(const ProjectSettings&) const = default;
};

struct Project {
    std::string name;
    std::vector<ImageSource> sources;
    std::vector<ImageEntry> images;
    std::vector<DefectType> defect_types;
    ProjectSettings settings;

    bool operator==(const Project&) const = default;
};

// Whether training learns a defect from an image (ADTR+): one labelled defect with a mask that marks pixels
// (imported ground truth without a mask of its own is for evaluation), or in an image-classification project
// a training image labelled defect, the whole image the anomaly.
bool trains_as_defect(ProjectTask task, const ImageEntry& entry);

TrainingMode training_mode(const Project& project);

// How a model records one of the project's images (training_json "training_images"): relative to the
// root of the MVTec AD product it was imported from ("test/crack/000.png", as kensa-cli records it; with
// the product folder's name in front when the project holds several products), else
// relative to the project folder (with "../" when outside it). Never an absolute path, so an exported
// model carries no user's folders, and the app and the CLI name an image alike.
std::string recorded_image_path(const Project& project, const std::filesystem::path& project_folder,
                                const std::filesystem::path& image);

// The index of the entry whose path equals `path`, or -1.
int find_image(const Project& project, const std::filesystem::path& path);

// The defect type named `name`, adding it (with a colour from a fixed palette) when it is new.
const DefectType& ensure_defect_type(Project& project, const std::string& name);

// A distinct, readable colour for the n-th defect type.
std::array<uint8_t, 3> palette_color(size_t n);

const char* to_string(ImageRole role);
const char* to_string(Label label);
const char* to_string(ReviewDecision decision);  // "none", "ng", "ok"

}  // namespace kensa::project
