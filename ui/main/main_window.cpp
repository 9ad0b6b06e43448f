#include "main/main_window.h"

#include "browser/image_browser.h"
#include "browser/image_list_model.h"
#include "browser/thumbnail_cache.h"
#include "canvas/annotation_canvas.h"
#include "canvas/annotation_controller.h"
#include "canvas/annotation_panel.h"
#include "inspection/inspection_panel.h"
#include "inspection/inspection_view.h"
#include "inspection/threshold_state.h"
#include "main/language.h"
#include "main/project_actions.h"
#include "main/recent_projects.h"
#include "main/start_page.h"
#include "main/workspace.h"
#include "project/autosaver.h"
#include "project/project_session.h"
#include "review/comparison_view.h"
#include "review/review_panel.h"
#include "review/review_plots.h"
#include "run/run_panel.h"
#include "synthetic/synthetic_panel.h"
#include "synthetic/synthetic_preview.h"
#include "training/training_panel.h"
#include "zoom_pan_view.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace kensa::ui {

using project::Label;

namespace {
const QString k_geometryKey = QStringLiteral("window/geometry");
const QString k_stateKey = QStringLiteral("window/state");
const QString k_taskKey = QStringLiteral("window/task");
// 3: the Training and Inspection docks; 4: Review and Plots; 5: Compare; 6: the Compare dock became a task
constexpr int k_stateVersion = 6;

// The tasks whose controls are a dock, and that dock (Compare models keeps its controls on its page).
constexpr std::pair<Workspace::Task, const char*> k_taskDocks[] = {{Workspace::Task::Annotate, "annotation"},
                                                                   {Workspace::Task::Inspect, "inspection"},
                                                                   {Workspace::Task::Synthetic, "synthetic"}};
}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_session(new ProjectSession(this)),
      m_thumbnails(new ThumbnailCache(112, this)),
      m_model(new ImageListModel(m_session, m_thumbnails, this)),
      m_canvas(new AnnotationCanvas(this)),
      m_controller(new AnnotationController(m_session, m_canvas, this)),
      m_projectActions(new ProjectActions(m_session, this)) {
    setWindowIcon(QIcon(QStringLiteral(":/icons/kensa.svg")));
    m_thumbnails->setDiskCacheDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) +
                                  QStringLiteral("/thumbnails"));
    setDockNestingEnabled(true);
    m_start = new StartPage(this);
    m_centre = new QStackedWidget(this);
    m_centre->addWidget(m_start);
    setCentralWidget(m_centre);

    createDocks();
    createWorkspace();
    createActions();
    createMenus();
    createToolBars();
    createStatusBar();

    connect(m_start, &StartPage::newProject, m_projectActions->newProject, &QAction::trigger);
    connect(m_start, &StartPage::openProject, m_projectActions->openProject, &QAction::trigger);
    connect(m_start, &StartPage::openSample, m_projectActions->openSample, &QAction::trigger);
    connect(m_start, &StartPage::openRecent, m_projectActions, &ProjectActions::openFolder);
    connect(m_projectActions, &ProjectActions::recentChanged, m_start, &StartPage::setRecent);
    m_start->setRecent(recent_projects::list());
    connect(m_projectActions, &ProjectActions::message, this,
            [this](const QString& m) { statusBar()->showMessage(m, 6000); });
    connect(m_projectActions, &ProjectActions::issuesFound, this, &MainWindow::addIssues);
    connect(m_session, &ProjectSession::opened, this, &MainWindow::onOpened);
    connect(m_session, &ProjectSession::closed, this, &MainWindow::onClosed);
    connect(m_session, &ProjectSession::modeChanged, this, &MainWindow::updateMode);
    connect(m_session, &ProjectSession::settingsChanged, this, &MainWindow::updateMode);  // the task
    // The canvas shows the region of interest the next training will use.
    const auto showRegion = [this] { m_canvas->setRegion(m_session->project().settings.region); };
    connect(m_session, &ProjectSession::settingsChanged, this, showRegion);
    connect(m_session, &ProjectSession::opened, this, showRegion);
    connect(m_training, &TrainingPanel::drawRegionRequested, this, [this] {
        m_controller->selectTool(QStringLiteral("region"));
        m_workspace->setTask(Workspace::Task::Annotate);
        statusBar()->showMessage(tr("Drag a rectangle, or click the corners of a polygon and double-click to close "
                                    "it, around the part of the image that matters."),
                                 10000);
    });
    connect(m_controller, &AnnotationController::regionRejected, this,
            [this](const QString& why) { statusBar()->showMessage(why, 8000); });
    connect(m_session, &ProjectSession::imagesAppended, this, [this](int first, int last) {
        QStringList paths;
        for (int r = first; r <= last; ++r)
            paths << m_session->imagePath(r);
        m_thumbnails->prefetch(paths);  // finds unreadable files in the background
        if (m_browser->currentRow() < 0)
            m_browser->setCurrentRow(first);
    });
    connect(m_session, &ProjectSession::saveFailed, this, [this](const QString& error) {
        m_saveLabel->setText(tr("Not saved"));
        if (m_saveWarningShown)
            return;  // once until saving works again, not once per stroke
        m_saveWarningShown = true;
        QMessageBox::warning(
            this, tr("Saving failed"),
            tr("%1\n\nYour latest changes are not on disk. Check the disk space and the folder's "
               "permissions; Kensa tries again with your next change.")
                .arg(error));
    });
    connect(m_session->autosaver(), &Autosaver::saved, this, [this] {
        m_saveWarningShown = false;
        m_saveLabel->setText(tr("All changes saved"));
    });
    connect(m_thumbnails, &ThumbnailCache::unreadable, this,
            [this](const QString&, const QString& reason) { addIssues({reason}); });
    connect(m_browser, &ImageBrowser::currentRowChanged, m_controller, &AnnotationController::showRow);
    connect(m_browser, &ImageBrowser::currentRowChanged, m_inspection, &InspectionPanel::showRow);
    connect(m_review, &ReviewPanel::imageSelected, this, [this](int row) {
        m_workspace->setTask(Workspace::Task::Inspect);  // reviewing means looking at the heatmap
        m_browser->setCurrentRow(row);
        if (m_browser->currentRow() != row) {  // filtered out of the browser: show it anyway
            m_controller->showRow(row);
            m_inspection->showRow(row);
        }
    });
    for (ZoomPanView* view : {static_cast<ZoomPanView*>(m_canvas), static_cast<ZoomPanView*>(m_inspectionView)}) {
        connect(view, &ZoomPanView::zoomChanged, this, [this, view](qreal z) {
            if (view == m_workspace->currentImageView())
                m_zoomLabel->setText(tr("%1 %").arg(qRound(z * 100)));
        });
        connect(view, &ZoomPanView::cursorMoved, this, [this](QPoint p, bool inside) {
            m_cursorLabel->setText(inside ? tr("x %1  y %2").arg(p.x()).arg(p.y()) : QString());
        });
    }

    resize(QSize(1440, 900).boundedTo(screen()->availableSize() * 0.95));
    QSettings settings;
    restoreGeometry(settings.value(k_geometryKey).toByteArray());
    m_projectLayout = settings.value(k_stateKey).toByteArray();
    restoreState(m_projectLayout, k_stateVersion);
    onClosed();
}

MainWindow::~MainWindow() {
    m_session->close();  // while every part listening to the session is still alive
}

void MainWindow::createDocks() {
    const auto dock = [this](const QString& title, const QString& name, QWidget* w, Qt::DockWidgetArea area) {
        auto* d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(w);
        d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable |
                       QDockWidget::DockWidgetFloatable);
        addDockWidget(area, d);
        m_docks << d;
        return d;
    };
    m_browser = new ImageBrowser(m_model, this);
    m_browser->setMinimumWidth(300);
    dock(tr("Images"), QStringLiteral("images"), m_browser, Qt::LeftDockWidgetArea);
    m_panel = new AnnotationPanel(m_session, m_controller, m_canvas, this);
    m_panel->setMinimumWidth(280);
    QDockWidget* annotate =
        dock(tr("Annotation"), QStringLiteral("annotation"), m_panel, Qt::RightDockWidgetArea);
    // The synthetic preview grid and the inspection view live in the central area (createWorkspace).
    auto* preview = new SyntheticPreview(this);
    preview->setFillsSpace(true);
    m_syntheticPage = new QWidget(this);
    auto* previewMargins = new QVBoxLayout(m_syntheticPage);
    previewMargins->setContentsMargins(12, 8, 12, 8);
    previewMargins->addWidget(preview);
    m_synthetic = new SyntheticPanel(defaultGeneratorCatalog(), m_session, preview, this);
    QDockWidget* synth =
        dock(tr("Synthetic Defects"), QStringLiteral("synthetic"), m_synthetic, Qt::RightDockWidgetArea);
    tabifyDockWidget(annotate, synth);
    m_training = new TrainingPanel(m_session, this);
    QDockWidget* train =
        dock(tr("Training"), QStringLiteral("training"), m_training, Qt::RightDockWidgetArea);
    tabifyDockWidget(synth, train);
    m_thresholds = new ThresholdState(this);
    m_inspectionView = new InspectionView(this);
    m_inspection = new InspectionPanel(m_session, m_thresholds, m_inspectionView, this);
    QDockWidget* inspect =
        dock(tr("Inspection"), QStringLiteral("inspection"), m_inspection, Qt::RightDockWidgetArea);
    tabifyDockWidget(train, inspect);
    m_review = new ReviewPanel(m_session, m_thresholds, this);
    QDockWidget* review = dock(tr("Review"), QStringLiteral("review"), m_review, Qt::BottomDockWidgetArea);
    m_plots = new ReviewPlots(m_thresholds, this);
    m_review->setPlots(m_plots);
    QDockWidget* plots = dock(tr("Plots"), QStringLiteral("plots"), m_plots, Qt::BottomDockWidgetArea);
    splitDockWidget(review, plots, Qt::Horizontal);
    m_comparison = new ComparisonView(m_session, this);  // a task of the central area
    annotate->raise();
    m_issues = new QListWidget(this);
    m_issues->setWordWrap(true);
    // Run on the line: beside inspection, for when a product is set up.
    QDockWidget* run = dock(tr("Run"), QStringLiteral("run"), new RunPanel(m_session, this), Qt::RightDockWidgetArea);
    tabifyDockWidget(inspect, run);
    QDockWidget* issues = dock(tr("Issues"), QStringLiteral("issues"), m_issues, Qt::BottomDockWidgetArea);
    issues->hide();
    resizeDocks({m_docks[0], annotate}, {330, m_synthetic->sizeHint().width()}, Qt::Horizontal);
}

void MainWindow::createWorkspace() {
    using Task = Workspace::Task;
    m_workspace = new Workspace(this);
    m_workspace->addTask(Task::Annotate, tr("Annotate"), QIcon(QStringLiteral(":/icons/brush.svg")), m_canvas);
    m_workspace->addTask(Task::Inspect, tr("Inspect"), QIcon(QStringLiteral(":/icons/inspect.svg")),
                         m_inspectionView);
    m_workspace->addTask(Task::Synthetic, tr("Synthetic defects"), QIcon(QStringLiteral(":/icons/synthetic.svg")),
                         m_syntheticPage);
    m_workspace->addTask(Task::Compare, tr("Compare models"), QIcon(QStringLiteral(":/icons/compare.svg")),
                         m_comparison);
    m_centre->addWidget(m_workspace);
    connect(m_workspace, &Workspace::taskChanged, this, &MainWindow::onTaskChanged);
    // Bringing a task's controls to the front brings its view to the centre too.
    for (const auto& [task, name] : k_taskDocks) {
        auto* d = findChild<QDockWidget*>(QString::fromLatin1(name));
        connect(d, &QDockWidget::visibilityChanged, this, [this, task = task](bool visible) {
            if (visible && m_session->isOpen())
                m_workspace->setTask(task);
        });
    }
    // Picking a drawing tool means annotating.
    connect(m_controller->toolActions(), &QActionGroup::triggered, this,
            [this] { m_workspace->setTask(Task::Annotate); });
    const QString titles[] = {tr("&Annotate"), tr("&Inspect"), tr("&Synthetic Defects"), tr("&Compare Models")};
    auto* group = new QActionGroup(this);
    for (int i = 0; i < Workspace::k_taskCount; ++i) {
        auto* a = new QAction(titles[i], group);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { m_workspace->setTask(Task(i)); });
        m_taskActions << a;
    }
    m_taskActions.front()->setChecked(true);
}

void MainWindow::onTaskChanged() {
    using Task = Workspace::Task;
    const Task task = m_workspace->task();
    m_taskActions[int(task)]->setChecked(true);
    for (const auto& [owner, name] : k_taskDocks)
        if (owner == task && m_session->isOpen())
            if (auto* d = findChild<QDockWidget*>(QString::fromLatin1(name))) {
                d->show();
                d->raise();
            }
    ZoomPanView* view = m_workspace->currentImageView();
    m_zoomLabel->setText(view && view->hasImage() ? tr("%1 %").arg(qRound(view->zoom() * 100)) : QString());
    m_cursorLabel->clear();
    // Keys go to the image when the user switched tasks from the centre or the menu, not when a click in
    // the review table did (its Space, X and O keep working there).
    const QWidget* focus = QApplication::focusWidget();
    if (view && (!focus || focus == m_workspace->tabBar() || m_centre->isAncestorOf(focus)))
        view->setFocus();
}

void MainWindow::createActions() {
    m_undo = m_session->undoGroup()->createUndoAction(this, tr("&Undo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    m_redo = m_session->undoGroup()->createRedoAction(this, tr("&Redo"));
    // Both common redo keys, whatever the platform's convention.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    for (const QKeySequence& k :
         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)}) {
        if (!redoKeys.contains(k))
            redoKeys << k;
    }
    m_redo->setShortcuts(redoKeys);
    m_redo->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));

    const auto imageAction = [this](const QString& text, const QKeySequence& key, auto fn) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, fn);
        m_imageActions << a;
        return a;
    };
    imageAction(tr("Mark as &Normal"), Qt::Key_N, [this] {
        labelCurrent(int(Label::Normal));
    })->setIcon(QIcon(QStringLiteral(":/icons/normal.svg")));
    imageAction(tr("Mark as &Defect"), Qt::Key_D, [this] {
        labelCurrent(int(Label::Defect));
    })->setIcon(QIcon(QStringLiteral(":/icons/defect.svg")));
    imageAction(tr("Mark as &Unlabelled"), Qt::Key_U, [this] { labelCurrent(int(Label::Unlabelled)); });
    imageAction(tr("&Flag for Review"), Qt::Key_F, [this] {
        const int row = m_controller->currentRow();
        if (row >= 0)
            m_session->setFlagged(row, !m_session->image(row).flagged);
    })->setIcon(QIcon(QStringLiteral(":/icons/flag.svg")));
    imageAction(tr("&Previous Image"), Qt::Key_PageUp, [this] {
        m_browser->selectNext(-1);
    })->setIcon(QIcon(QStringLiteral(":/icons/previous.svg")));
    imageAction(tr("&Next Image"), Qt::Key_PageDown, [this] {
        m_browser->selectNext(1);
    })->setIcon(QIcon(QStringLiteral(":/icons/next.svg")));
    const auto brushStep = [this](int direction) {
        const int size = m_controller->toolSettings()->brushSize;
        m_controller->setBrushSize(size + direction * std::max(1, size / 5));
    };
    imageAction(tr("Larger Brush"), Qt::Key_BracketRight, [brushStep] { brushStep(1); });
    imageAction(tr("Smaller Brush"), Qt::Key_BracketLeft, [brushStep] { brushStep(-1); });

    // Zoom acts on the image in the centre: the canvas or the inspection view.
    const auto viewAction = [this](const QString& icon, const QString& text, const QKeySequence& key,
                                   void (ZoomPanView::*slot)()) {
        auto* a = new QAction(QIcon(icon), text, this);
        a->setShortcut(key);
        connect(a, &QAction::triggered, this, [this, slot] {
            if (ZoomPanView* view = m_workspace->currentImageView())
                (view->*slot)();
        });
        m_viewActions << a;
    };
    viewAction(QStringLiteral(":/icons/zoom-fit.svg"), tr("Zoom to &Fit"), Qt::Key_0, &ZoomPanView::zoomToFit);
    viewAction(QStringLiteral(":/icons/zoom-1.svg"), tr("&Actual Size (1:1)"), Qt::Key_1,
               &ZoomPanView::zoomToActualSize);
    viewAction(QStringLiteral(":/icons/zoom-in.svg"), tr("Zoom &In"), QKeySequence::ZoomIn, &ZoomPanView::zoomIn);
    viewAction(QStringLiteral(":/icons/zoom-out.svg"), tr("Zoom &Out"), QKeySequence::ZoomOut, &ZoomPanView::zoomOut);
}

void MainWindow::createMenus() {
    // Right-click on a thumbnail: label, flag.
    m_browser->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_browser->view()->addActions(m_imageActions.mid(0, 4));
    QMenu* file = menuBar()->addMenu(tr("&File"));
    auto* pa = m_projectActions;
    file->addActions({pa->newProject, pa->openProject});
    file->addMenu(pa->recentMenu);
    file->addAction(pa->openSample);
    file->addSeparator();
    file->addActions({pa->addTrainFolder, pa->addTestFolder, pa->importMvtec});
    file->addSeparator();
    file->addActions({pa->save, pa->closeProject});
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_undo, m_redo});
    QMenu* image = menuBar()->addMenu(tr("&Image"));
    image->addActions(m_imageActions.mid(0, 4));
    image->addSeparator();
    image->addActions(m_imageActions.mid(4, 2));
    QMenu* tools = menuBar()->addMenu(tr("&Tools"));
    tools->addActions(m_controller->toolActions()->actions());
    tools->addSeparator();
    tools->addActions(m_imageActions.mid(6));
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addActions(m_taskActions);
    view->addSeparator();
    view->addActions(m_viewActions);
    view->addSeparator();
    for (QDockWidget* d : m_docks)
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    view->addMenu(language::createMenu(this));
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Kensa"), this, [this] {
        QMessageBox::about(
            this, tr("About Kensa"),
            tr("<h3>Kensa %1</h3><p>Visual anomaly inspection (ADTR) for quality engineers.</p>"
               "<p>MIT licence.</p>")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createToolBars() {
    QToolBar* project = addToolBar(tr("Project"));
    project->setObjectName(QStringLiteral("projectToolBar"));
    project->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    project->setIconSize(QSize(20, 20));
    auto* pa = m_projectActions;
    pa->newProject->setIconText(tr("New"));
    pa->openProject->setIconText(tr("Open"));
    pa->save->setIconText(tr("Save"));
    pa->addTrainFolder->setIconText(tr("Normal images"));
    pa->addTestFolder->setIconText(tr("Test images"));
    pa->importMvtec->setIconText(tr("Import MVTec"));
    project->addActions({pa->newProject, pa->openProject, pa->save});
    project->addSeparator();
    project->addActions({pa->addTrainFolder, pa->addTestFolder, pa->importMvtec});

    QToolBar* annotate = addToolBar(tr("Annotate"));
    m_annotateBar = annotate;
    annotate->setObjectName(QStringLiteral("annotateToolBar"));
    annotate->setIconSize(QSize(20, 20));
    annotate->addActions(m_controller->toolActions()->actions());
    annotate->addSeparator();
    annotate->addActions({m_undo, m_redo});
    annotate->addSeparator();
    annotate->addActions(m_viewActions);
    annotate->addSeparator();
    annotate->addActions(m_imageActions.mid(4, 2));
}

void MainWindow::createStatusBar() {
    m_modeLabel = new QLabel(this);
    m_modeLabel->setToolTip(
        tr("Normal-only: Kensa learns from normal images alone. Anomaly-available: you "
           "marked defects, which training can use as well."));
    m_saveLabel = new QLabel(this);
    m_zoomLabel = new QLabel(this);
    m_zoomLabel->setMinimumWidth(56);
    m_zoomLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_cursorLabel = new QLabel(this);
    m_cursorLabel->setMinimumWidth(110);
    statusBar()->addPermanentWidget(m_cursorLabel);
    statusBar()->addPermanentWidget(m_zoomLabel);
    statusBar()->addPermanentWidget(m_saveLabel);
    statusBar()->addPermanentWidget(m_modeLabel);
}

void MainWindow::onOpened() {
    m_thumbnails->clear();
    QStringList paths;
    for (int r = 0; r < m_session->imageCount(); ++r)
        paths << m_session->imagePath(r);
    m_thumbnails->prefetch(paths);
    m_issues->clear();
    if (!m_projectLayout.isEmpty()) {
        restoreState(m_projectLayout, k_stateVersion);
    } else {
        // First layout: review and plots side by side, half each (sizes apply once the window is laid out).
        QTimer::singleShot(0, this, [this] {
            QDockWidget* review = findChild<QDockWidget*>(QStringLiteral("review"));
            QDockWidget* plots = findChild<QDockWidget*>(QStringLiteral("plots"));
            if (review && plots) {
                resizeDocks({review, plots}, {width() / 2, width() / 2}, Qt::Horizontal);
                resizeDocks({review}, {height() * 3 / 10}, Qt::Vertical);
            }
        });
    }
    for (QDockWidget* d : m_docks)
        d->setVisible(d->objectName() != QLatin1String("issues"));
    m_annotateBar->show();
    m_controller->toolActions()->setEnabled(true);
    m_centre->setCurrentWidget(m_workspace);
    const int task = QSettings().value(k_taskKey, 0).toInt();
    m_workspace->setTask(Workspace::Task(std::clamp(task, 0, Workspace::k_taskCount - 1)));
    onTaskChanged();  // raises the task's controls, also when the task did not change
    m_saveLabel->setText(tr("All changes saved"));
    for (QAction* a : m_imageActions + m_viewActions + m_taskActions)
        a->setEnabled(true);
    for (QDockWidget* d : m_docks) {
        if (d->objectName() != QLatin1String("issues"))
            d->setEnabled(true);
    }
    updateTitle();
    updateMode();
    if (m_session->imageCount() > 0)
        m_browser->setCurrentRow(0);
    else
        m_canvas->showMessage(
            tr("This project has no images yet.\n\nAdd a folder of normal images (good parts) "
               "with File > Add Normal Images, or import an MVTec AD product."));
}

void MainWindow::onClosed() {
    m_thumbnails->clear();
    // The start page alone: panels without a project only distract. Their layout comes back on opening.
    if (m_annotateBar->isVisible())
        m_projectLayout = saveState(k_stateVersion);
    for (QDockWidget* d : m_docks)
        d->hide();
    m_annotateBar->hide();
    m_controller->toolActions()->setEnabled(false);
    m_centre->setCurrentWidget(m_start);
    m_saveLabel->clear();
    m_modeLabel->clear();
    m_modeLabel->setStyleSheet({});
    for (QAction* a : m_imageActions + m_viewActions + m_taskActions)
        a->setEnabled(false);
    for (QDockWidget* d : m_docks)
        d->setEnabled(false);
    updateTitle();
}

void MainWindow::updateTitle() {
    setWindowTitle(m_session->isOpen() ? tr("%1 — Kensa").arg(m_session->name()) : tr("Kensa"));
}

void MainWindow::updateMode() {
    if (!m_session->isOpen())
        return;
    const bool anomalies = m_session->mode() == project::TrainingMode::AnomalyAvailable;
    const QString mode = anomalies ? tr("Anomaly-available") : tr("Normal-only");
    m_modeLabel->setText(m_session->project().settings.task == project::ProjectTask::Classification
                             ? tr("Image classification · %1").arg(mode)
                             : mode);
    m_modeLabel->setStyleSheet(QStringLiteral("QLabel { border-radius: 8px; padding: 1px 10px; color: white; "
                                              "background: %1; font-weight: 600; }")
                                   .arg(anomalies ? QStringLiteral("#c0392b") : QStringLiteral("#2e7d32")));
}

void MainWindow::addIssues(const QStringList& issues) {
    for (const QString& i : issues)
        new QListWidgetItem(style()->standardIcon(QStyle::SP_MessageBoxWarning), i, m_issues);
    if (!issues.isEmpty()) {
        QDockWidget* d = m_docks.last();
        d->setWindowTitle(tr("Issues (%1)").arg(m_issues->count()));
        d->setEnabled(true);
        d->show();
    }
}

void MainWindow::labelCurrent(int label) {
    const int row = m_controller->currentRow();
    if (row < 0)
        return;
    QString type;
    if (Label(label) == Label::Defect) {
        type = QString::fromStdString(m_session->image(row).defect_type);
        if (type.isEmpty() && !m_session->project().defect_types.empty())
            type = QString::fromStdString(m_session->project().defect_types.front().name);
        if (type.isEmpty()) {
            type = tr("defect");
            m_session->addDefectType(type);
        }
    }
    m_session->setLabel(row, Label(label), type);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(k_geometryKey, saveGeometry());
    settings.setValue(k_stateKey, m_annotateBar->isVisible() ? saveState(k_stateVersion) : m_projectLayout);
    settings.setValue(k_taskKey, int(m_workspace->task()));
    m_session->close();  // waits for the last autosave
    event->accept();
}

}  // namespace kensa::ui
