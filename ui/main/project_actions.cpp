#include "main/project_actions.h"

#include "main/recent_projects.h"
#include "project/project_session.h"
#include "project/sample_project.h"

#include <kensa/project/project_file.h>
#include <kensa/project/project_images.h>

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrent>

#include <atomic>

namespace kensa::ui {

using project::ImageRole;

ProjectActions::ProjectActions(ProjectSession* session, QWidget* window)
    : QObject(window), m_session(session), m_window(window) {
    const auto make = [this](const QString& icon, const QString& text, QKeySequence key = {}) {
        auto* a = new QAction(icon.isEmpty() ? QIcon() : QIcon(icon), text, this);
        a->setShortcut(key);
        return a;
    };
    newProject = make(QStringLiteral(":/icons/new.svg"), tr("&New Project…"), QKeySequence::New);
    openProject = make(QStringLiteral(":/icons/open.svg"), tr("&Open Project…"), QKeySequence::Open);
    openSample = make(QStringLiteral(":/icons/sample.svg"), tr("Open &Sample Project"));
    save = make(QStringLiteral(":/icons/save.svg"), tr("&Save"), QKeySequence::Save);
    save->setToolTip(tr("Save the project now (Kensa also saves every change as you make it)"));
    closeProject = make({}, tr("&Close Project"), QKeySequence::Close);
    addTrainFolder = make(QStringLiteral(":/icons/add-normal.svg"), tr("Add &Normal Images…"));
    addTrainFolder->setToolTip(tr("Add a folder of good parts to learn from (training images)"));
    addTestFolder = make(QStringLiteral(":/icons/add-test.svg"), tr("Add &Test Images…"));
    addTestFolder->setToolTip(tr("Add a folder of images to review and label (test images)"));
    importMvtec = make(QStringLiteral(":/icons/import.svg"), tr("&Import MVTec AD Product…"));
    importMvtec->setToolTip(tr("Import a product in MVTec AD layout, with its ground-truth masks"));
    recentMenu = new QMenu(tr("Open &Recent"), window);

    connect(newProject, &QAction::triggered, this, &ProjectActions::chooseNew);
    connect(openProject, &QAction::triggered, this, &ProjectActions::chooseOpen);
    connect(openSample, &QAction::triggered, this, &ProjectActions::openSampleProject);
    connect(save, &QAction::triggered, this, [this] {
        m_session->save();
        Q_EMIT message(tr("Project saved."));
    });
    connect(closeProject, &QAction::triggered, m_session, &ProjectSession::close);
    connect(addTrainFolder, &QAction::triggered, this, [this] { chooseFolder(ImageRole::Train); });
    connect(addTestFolder, &QAction::triggered, this, [this] { chooseFolder(ImageRole::Test); });
    connect(importMvtec, &QAction::triggered, this, &ProjectActions::chooseMvtec);

    const auto enable = [this] {
        for (QAction* a : {save, closeProject, addTrainFolder, addTestFolder, importMvtec})
            a->setEnabled(m_session->isOpen());
    };
    connect(session, &ProjectSession::opened, this, enable);
    connect(session, &ProjectSession::closed, this, enable);
    enable();
    rebuildRecent();
}

void ProjectActions::chooseNew() {
    const QString parent =
        QFileDialog::getExistingDirectory(m_window, tr("Where to create the project folder"));
    if (parent.isEmpty())
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("New Project"),
                                               tr("Product name (the project folder gets this name):"),
                                               QLineEdit::Normal, tr("New product"), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    // Asked now because it decides what the project shows (masks, maps); the training panel can change it later.
    const QStringList tasks{tr("Defect inspection: find and outline defects in parts"),
                            tr("Image classification: sort tiny images (16-48 px) as a whole")};
    const QString task = QInputDialog::getItem(m_window, tr("New Project"), tr("What the project is for:"), tasks,
                                               0, false, &ok);
    if (!ok)
        return;
    const QString folder = QDir(parent).filePath(name);
    if (const QString error = m_session->create(folder, name); !error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot create the project"), error);
        return;
    }
    if (task == tasks[1]) {
        auto settings = m_session->project().settings;
        settings.task = project::ProjectTask::Classification;
        settings.image_size = project::image_size_range(settings.task).preferred;
        m_session->setSettings(settings);
    }
    opened(folder);
}

void ProjectActions::chooseOpen() {
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Open a project folder"));
    if (!folder.isEmpty())
        openFolder(folder);
}

bool ProjectActions::openFolder(const QString& folder) {
    if (const QString error = m_session->open(folder); !error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Cannot open the project"), error);
        // Only a project that is gone (moved, renamed, deleted) leaves the list: one open in another window,
        // in a read-only folder or with a damaged file is still the user's project.
        if (!QFileInfo::exists(QDir(folder).filePath(QString::fromLatin1(project::k_project_file_name)))) {
            recent_projects::remove(folder);
            rebuildRecent();
        }
        return false;
    }
    opened(folder);
    return true;
}

void ProjectActions::opened(const QString& folder) {
    recent_projects::add(folder);
    rebuildRecent();
    Q_EMIT message(tr("Opened %1").arg(QDir::toNativeSeparators(folder)));
}

void ProjectActions::openSampleProject() {
    auto* dialog = new QProgressDialog(tr("Preparing the sample project…"), tr("Cancel"), 0, 0, m_window);
    dialog->setWindowTitle(tr("Sample Project"));
    dialog->setMinimumDuration(300);
    dialog->setWindowModality(Qt::WindowModal);
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    connect(dialog, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });
    auto* watcher = new QFutureWatcher<Result<std::string>>(this);
    const QString root = sampleProjectRoot();
    const QPointer<QProgressDialog> guard(dialog);
    auto progress = [cancelled, guard](const Progress& p) {
        QMetaObject::invokeMethod(guard, [guard, p] {
            if (guard) {
                guard->setMaximum(int(p.total));
                guard->setValue(int(p.done));
            }
        });
        return !*cancelled;
    };
    connect(watcher, &QFutureWatcher<Result<std::string>>::finished, this, [this, watcher, dialog] {
        const auto result = watcher->result();
        watcher->deleteLater();
        dialog->deleteLater();
        if (!result.ok()) {
            if (result.error().message() != Cancelled().message())
                QMessageBox::warning(m_window, tr("Cannot prepare the sample project"),
                                     QString::fromStdString(result.error().message()));
            return;
        }
        openFolder(QString::fromStdString(result.value()));
    });
    watcher->setFuture(QtConcurrent::run([root, progress] { return prepareSampleProject(root, progress); }));
}

void ProjectActions::chooseFolder(ImageRole role) {
    const QString title = role == ImageRole::Train ? tr("Folder of normal images (good parts)")
                                                   : tr("Folder of test images to review");
    const QString folder = QFileDialog::getExistingDirectory(m_window, title);
    if (!folder.isEmpty())
        addFolder(folder, role);
}

void ProjectActions::chooseMvtec() {
    const QString root = QFileDialog::getExistingDirectory(m_window, tr("MVTec AD product folder"));
    if (!root.isEmpty())
        importProduct(root);
}

void ProjectActions::addFolder(const QString& folder, ImageRole role) {
    const std::string path = folder.toStdString();
    runImport(QDir::toNativeSeparators(folder),
              [path, role](project::Project& p) { return project::add_image_folder(p, path, role); });
}

void ProjectActions::importProduct(const QString& root) {
    const std::string path = root.toStdString();
    runImport(QDir::toNativeSeparators(root),
              [path](project::Project& p) { return project::import_mvtec_product(p, path); });
}

void ProjectActions::runImport(const QString& what,
                               std::function<Result<project::AddImagesReport>(project::Project&)> job) {
    using Outcome = std::pair<project::Project, Result<project::AddImagesReport>>;
    auto* watcher = new QFutureWatcher<Outcome>(this);
    Q_EMIT message(tr("Reading %1…").arg(what));
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, what] {
        const Outcome out = watcher->result();
        watcher->deleteLater();
        if (!out.second.ok()) {
            QMessageBox::warning(m_window, tr("Cannot add images"),
                                 QString::fromStdString(out.second.error().message()));
            return;
        }
        if (!m_session->isOpen())
            return;
        const int added = m_session->mergeImages(out.first);
        QStringList issues;
        for (const auto& i : out.second->issues)
            issues << QString::fromStdString(i);
        if (!issues.isEmpty())
            Q_EMIT issuesFound(issues);
        Q_EMIT imagesAdded(added);
        Q_EMIT message(tr("Added %n image(s) from %1.", nullptr, added).arg(what));
    });
    // The scratch project only collects what was found; the session merges it on the GUI thread.
    watcher->setFuture(QtConcurrent::run([job] {
        project::Project scratch;
        auto report = job(scratch);
        return Outcome{std::move(scratch), std::move(report)};
    }));
}

void ProjectActions::rebuildRecent() {
    recentMenu->clear();
    const QStringList folders = recent_projects::list();
    for (const QString& f : folders) {
        QAction* a = recentMenu->addAction(QDir::toNativeSeparators(f));
        connect(a, &QAction::triggered, this, [this, f] { openFolder(f); });
    }
    recentMenu->setEnabled(!folders.isEmpty());
    Q_EMIT recentChanged(folders);
}

}  // namespace kensa::ui
