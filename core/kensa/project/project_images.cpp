#include <kensa/project/project_images.h>

#include <kensa/base/utf8.h>
#include <kensa/data/image_folder.h>
#include <kensa/data/mvtec_product.h>

#include <unordered_set>

namespace kensa::project {
namespace fs = std::filesystem;

namespace {

class Adder {
public:
    Adder(Project& project, AddImagesReport& report) : m_project(project), m_report(report) {
        for (const auto& e : project.images)
            m_known.insert(e.path.string());
    }

    ImageEntry* add(const fs::path& path, ImageRole role, Label label) {
        const fs::path p = fs::absolute(path).lexically_normal();
        // The project file is JSON, which holds UTF-8 only: such a name could be saved but not found again.
        if (valid_utf8(p.string()) != p.string()) {
            m_report.issues.push_back(valid_utf8(p.string()) +
                                      ": the file name is not valid UTF-8 (e.g. Latin-1 from an old file share); "
                                      "rename the file to add it (skipped)");
            return nullptr;
        }
        if (!m_known.insert(p.string()).second) {
            ++m_report.already_present;
            return nullptr;
        }
        ImageEntry e;
        e.path = p;
        e.role = role;
        e.label = label;
        m_project.images.push_back(std::move(e));
        ++m_report.added;
        return &m_project.images.back();
    }

private:
    Project& m_project;
    AddImagesReport& m_report;
    std::unordered_set<std::string> m_known;
};

void add_source(Project& project, ImageSource source) {
    source.folder = fs::absolute(source.folder).lexically_normal();
    for (const auto& s : project.sources) {
        if (s == source)
            return;
    }
    project.sources.push_back(std::move(source));
}

}  // namespace

Result<AddImagesReport> add_image_folder(Project& project, const fs::path& folder, ImageRole role,
                                         bool recursive) {
    return capture([&] {
        const auto listing = data::scan_image_folder(folder, recursive).take();
        AddImagesReport report;
        for (const auto& skipped : listing.skipped)
            report.issues.push_back(skipped.message());
        Adder adder(project, report);
        const Label label = role == ImageRole::Train ? Label::Normal : Label::Unlabelled;
        for (const auto& f : listing.files)
            adder.add(f.path, role, label);
        add_source(project, {folder, ImageSource::Kind::Folder, role});
        return report;
    });
}

Result<AddImagesReport> import_mvtec_product(Project& project, const fs::path& root) {
    return capture([&] {
        data::MvtecLoadOptions options;
        options.check_images = false;  // decoding thousands of images belongs off the caller's thread
        const auto product = data::load_mvtec_product(root, options).take();
        AddImagesReport report;
        for (const auto& issue : product.issues)
            report.issues.push_back(issue.message());
        Adder adder(project, report);
        for (const auto& r : product.train)
            adder.add(r.image_path, ImageRole::Train, Label::Normal);
        for (const auto& r : product.test) {
            ImageEntry* e =
                adder.add(r.image_path, ImageRole::Test, r.is_good() ? Label::Normal : Label::Defect);
            if (!e || r.is_good())
                continue;
            e->defect_type = r.defect_type;
            ensure_defect_type(project, r.defect_type);
            if (r.mask_path)
                e->source_mask = fs::absolute(*r.mask_path).lexically_normal();
        }
        add_source(project, {root, ImageSource::Kind::Mvtec, ImageRole::Train});
        return report;
    });
}

}  // namespace kensa::project
