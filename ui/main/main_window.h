#pragma once
// The main window: lays out the parts (the start page, or the Workspace — the central area that follows the
// task: annotation canvas, inspection view, synthetic preview, model comparison; image browser and each
// task's controls in docks), builds menus and toolbars from the parts' actions, and shows the project's state
// (training mode, autosave) in the status bar. The parts do the work.

#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QToolBar;

namespace kensa::ui {

class AnnotationCanvas;
class AnnotationController;
class AnnotationPanel;
class ComparisonView;
class ImageBrowser;
class InspectionPanel;
class InspectionView;
class ImageListModel;
class ProjectActions;
class ProjectSession;
class ReviewPanel;
class ReviewPlots;
class SyntheticPanel;
class ThresholdState;
class TrainingPanel;
class ThumbnailCache;
class Workspace;
class ZoomPanView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ProjectSession* session() const { return m_session; }
    ProjectActions* projectActions() const { return m_projectActions; }
    ImageBrowser* browser() const { return m_browser; }
    AnnotationCanvas* canvas() const { return m_canvas; }
    AnnotationController* annotation() const { return m_controller; }
    SyntheticPanel* syntheticPanel() const { return m_synthetic; }
    TrainingPanel* trainingPanel() const { return m_training; }
    InspectionPanel* inspectionPanel() const { return m_inspection; }
    InspectionView* inspectionView() const { return m_inspectionView; }
    ComparisonView* comparisonView() const { return m_comparison; }
    Workspace* workspace() const { return m_workspace; }
    ReviewPanel* reviewPanel() const { return m_review; }
    ReviewPlots* reviewPlots() const { return m_plots; }
    ThumbnailCache* thumbnails() const { return m_thumbnails; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createDocks();
    void createWorkspace();
    void onTaskChanged();
    void createActions();
    void createMenus();
    void createToolBars();
    void createStatusBar();
    void onOpened();
    void onClosed();
    void updateTitle();
    void updateMode();
    void addIssues(const QStringList& issues);
    void labelCurrent(int label);

    ProjectSession* m_session;
    ThumbnailCache* m_thumbnails;
    ImageListModel* m_model;
    AnnotationCanvas* m_canvas;
    AnnotationController* m_controller;
    ProjectActions* m_projectActions;
    ImageBrowser* m_browser = nullptr;
    AnnotationPanel* m_panel = nullptr;
    SyntheticPanel* m_synthetic = nullptr;
    TrainingPanel* m_training = nullptr;
    InspectionPanel* m_inspection = nullptr;
    InspectionView* m_inspectionView = nullptr;
    ComparisonView* m_comparison = nullptr;
    QWidget* m_syntheticPage = nullptr;
    Workspace* m_workspace = nullptr;
    ThresholdState* m_thresholds = nullptr;
    ReviewPanel* m_review = nullptr;
    ReviewPlots* m_plots = nullptr;
    QListWidget* m_issues = nullptr;
    QStackedWidget* m_centre = nullptr;
    class StartPage* m_start = nullptr;
    QLabel* m_modeLabel = nullptr;
    QLabel* m_saveLabel = nullptr;
    QLabel* m_zoomLabel = nullptr;
    QLabel* m_cursorLabel = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QList<QAction*> m_imageActions;
    QList<QAction*> m_viewActions;
    QList<QAction*> m_taskActions;
    QList<QDockWidget*> m_docks;
    QToolBar* m_annotateBar = nullptr;
    QByteArray m_projectLayout;
    bool m_saveWarningShown = false;  // dock and toolbar layout while a project is open
};

}  // namespace kensa::ui
