#pragma once
// A project on disk is one folder:
//   <folder>/kensa-project.json      settings, image references, labels (this file defines the project)
//   <folder>/annotations/...         defect masks drawn in Kensa: 0/255 PNGs named <stem>_mask.png
//   <folder>/models/                 trained model files (.kensa)
// Paths inside the folder are stored relative to it, so a project folder can be moved or shared together
// with its images; paths outside it are stored absolute. The project file is replaced atomically (temp file,
// fsync, rename): after a crash the folder holds the previous or the new file, never a torn one.

#include <kensa/base/result.h>
#include <kensa/project/project.h>

#include <filesystem>
#include <string>

namespace kensa::project {

inline constexpr const char* k_project_file_name = "kensa-project.json";
inline constexpr const char* k_annotations_dir = "annotations";
inline constexpr const char* k_models_dir = "models";
inline constexpr int k_format_version = 1;

// True when `folder` holds a project file.
bool is_project_folder(const std::filesystem::path& folder);

// Creates the folder (and annotations/, models/) with an empty project named `name` (default: the folder's
// name). Fails when the folder already holds a project or cannot be created.
Result<Project> create_project(const std::filesystem::path& folder, const std::string& name = {});

// Reads <folder>/kensa-project.json. Relative paths are resolved against `folder`. Fails with a message
// naming the file when it is missing, not JSON, not a Kensa project, from a newer Kensa, or malformed.
// Missing image or mask files are not errors here (the app lists them).
Result<Project> load_project(const std::filesystem::path& folder);

// The project file's text for `project` living in `folder` (pure; safe to call on any thread).
std::string project_to_json(const Project& project, const std::filesystem::path& folder);

// Writes the project file atomically. Throws kensa::Error naming the file.
void save_project(const Project& project, const std::filesystem::path& folder);

}  // namespace kensa::project
