#pragma once
// The File menu: new/open/close/save, recent projects, the sample project, adding image folders and
// importing MVTec-AD products. Slow work (listing thousands of files, generating the sample) runs off the
// GUI thread with a progress dialog that can cancel.

#include <kensa/project/project_images.h>

#include <QObject>
#include <QStringList>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace kensa::ui {

class ProjectSession;

class ProjectActions : public QObject {
    Q_OBJECT
public:
    ProjectActions(ProjectSession* session, QWidget* window);

    QAction* newProject;
    QAction* openProject;
    QAction* openSample;
    QAction* save;
    QAction* closeProject;
    QAction* addTrainFolder;
    QAction* addTestFolder;
    QAction* importMvtec;
    QMenu* recentMenu;

    // Without dialogs (start page, command line, tests). Report errors to the user.
    bool openFolder(const QString& folder);
    void openSampleProject();
    // Adds a folder's images (asynchronously; imagesAdded follows).
    void addFolder(const QString& folder, project::ImageRole role);
    void importProduct(const QString& root);

Q_SIGNALS:
    void message(const QString& text);            // for the status bar
    void issuesFound(const QStringList& issues);  // files skipped while adding images
    void imagesAdded(int added);
    void recentChanged(const QStringList& folders);

private:
    void chooseNew();
    void chooseOpen();
    void chooseFolder(project::ImageRole role);
    void chooseMvtec();
    void rebuildRecent();
    void opened(const QString& folder);
    void runImport(const QString& what,
                   std::function<Result<project::AddImagesReport>(project::Project&)> job);

    ProjectSession* m_session;
    QWidget* m_window;
};

}  // namespace kensa::ui
