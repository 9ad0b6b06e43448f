#pragma once
// Connects the canvas to the project: loads the chosen image and its mask off the GUI thread, opens the
// image's MaskDocument (keeping its undo history for the session), owns the tools and their actions.

#include "canvas/tools/annotation_tool.h"

#include <QFutureWatcher>
#include <QImage>
#include <QObject>
#include <QString>
#include <vector>

class QAction;
class QActionGroup;

namespace kensa::ui {

class AnnotationCanvas;
class ProjectSession;
struct LoadRequest;

class AnnotationController : public QObject {
    Q_OBJECT
public:
    AnnotationController(ProjectSession* session, AnnotationCanvas* canvas, QObject* parent = nullptr);

    // Opens image `row` (-1: none). Loading runs in the background; loaded() follows.
    void showRow(int row);
    int currentRow() const { return m_row; }
    bool isLoading() const { return m_watcher.isRunning(); }

    ToolSettings* toolSettings() { return &m_settings; }
    void setBrushSize(int diameter);  // clamped to 1..400; brushSizeChanged follows
    const std::vector<AnnotationTool*>& tools() const { return m_tools; }
    QActionGroup* toolActions() const { return m_toolActions; }
    AnnotationTool* tool(const QString& id) const;
    void selectTool(const QString& id);
    // False in an image-classification project: its images are labelled whole, so the mask tools (and the
    // region of interest) are disabled and no tool is on; true otherwise.
    bool masksApply() const;

Q_SIGNALS:
    void loaded(int row);                          // the canvas shows row (with its mask)
    void loadFailed(int row, const QString& why);  // the canvas shows the reason
    void brushSizeChanged(int diameter);
    void regionRejected(const QString& why);  // a region of interest too small to use, in a sentence

private:
    struct Loaded {
        int row = -1;
        QImage image;
        QImage mask;  // null when the session already has the document
        QString error;
    };
    static Loaded load(const std::string& projectFolder, int row, const LoadRequest& request);
    void onLoaded();
    void refreshColor();
    void applyTask();  // the tools' enabled state follows the project's task

    ProjectSession* m_session;
    AnnotationCanvas* m_canvas;
    ToolSettings m_settings;
    std::vector<AnnotationTool*> m_tools;
    QActionGroup* m_toolActions;
    QFutureWatcher<Loaded> m_watcher;
    int m_row = -1;
    int m_pendingRow = -1;  // asked for while another load was running
};

}  // namespace kensa::ui
