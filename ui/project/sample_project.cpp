#include "project/sample_project.h"

#include <kensa/data/sample_product.h>
#include <kensa/project/project_file.h>
#include <kensa/project/project_images.h>

#include <QDir>
#include <QStandardPaths>

namespace kensa::ui {
namespace fs = std::filesystem;

QString sampleProjectRoot() {
    const QString env = qEnvironmentVariable("KENSA_SAMPLE_DIR");
    if (!env.isEmpty())
        return QDir(env).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/sample");
}

Result<std::string> prepareSampleProject(const QString& rootDir, const ProgressCallback& progress) {
    return capture([&]() -> std::string {
        const fs::path root = rootDir.toStdString();
        const fs::path product = root / "sample-product";
        const fs::path folder = root / "project";
        if (project::is_project_folder(folder))
            return folder.string();
        if (!fs::exists(product / "train")) {
            data::SampleProductConfig config;
            config.output_dir = product;
            config.overwrite = true;  // a folder without train/ is a leftover of an interrupted run
            config.progress = progress;
            data::generate_sample_product(config);
        }
        // Build the project in a scratch folder and rename it into place, so an interrupted first run
        // never leaves a half-made sample project behind.
        const fs::path scratch = root / ".project.partial";
        fs::remove_all(scratch);
        auto created = project::create_project(scratch, "Sample product");
        project::Project p = std::move(created).take();
        project::import_mvtec_product(p, product).take();
        project::save_project(p, scratch);
        // Image paths were stored absolute (outside the scratch folder); the rename keeps them valid.
        fs::rename(scratch, folder);
        return folder.string();
    });
}

}  // namespace kensa::ui
