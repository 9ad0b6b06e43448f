#include "main/screenshot_demo.h"

#include "browser/image_browser.h"
#include "canvas/annotation_canvas.h"
#include "canvas/annotation_controller.h"
#include "inspection/inspection_panel.h"
#include "main/main_window.h"
#include "main/project_actions.h"
#include "project/project_session.h"
#include "review/batch_controller.h"
#include "review/review_panel.h"
#include "review/review_plots.h"
#include "run/run_panel.h"
#include "training/training_controller.h"
#include "training/training_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QTimer>

#include <memory>

namespace kensa::ui {

namespace {

void send(QWidget* w, QEvent::Type type, QPointF imagePos, Qt::MouseButton button) {
    auto* canvas = static_cast<AnnotationCanvas*>(w);
    const QPointF p = canvas->imageToWidget().map(imagePos);
    const Qt::MouseButtons buttons =
        type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::MouseButtons(button);
    QMouseEvent e(type, p, canvas->mapToGlobal(p), type == QEvent::MouseMove ? Qt::NoButton : button, buttons,
                  Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

void drawOnCanvas(MainWindow& window) {
    AnnotationCanvas* canvas = window.canvas();
    canvas->zoomToFit();
    window.annotation()->selectTool(QStringLiteral("brush"));
    const QSizeF s = canvas->image().size();
    send(canvas, QEvent::MouseButtonPress, {s.width() * 0.62, s.height() * 0.22}, Qt::LeftButton);
    for (int i = 1; i <= 20; ++i) {
        const qreal t = i / 20.0;
        send(canvas, QEvent::MouseMove, {s.width() * (0.62 + 0.2 * t), s.height() * (0.22 + 0.15 * t * t)},
             Qt::LeftButton);
    }
    send(canvas, QEvent::MouseButtonRelease, {s.width() * 0.82, s.height() * 0.37}, Qt::LeftButton);
    window.annotation()->selectTool(QStringLiteral("polygon"));
    const QPointF corners[] = {{0.12, 0.70}, {0.30, 0.62}, {0.38, 0.80}, {0.22, 0.90}};
    for (const QPointF& c : corners) {
        send(canvas, QEvent::MouseButtonPress, {s.width() * c.x(), s.height() * c.y()}, Qt::LeftButton);
        send(canvas, QEvent::MouseButtonRelease, {s.width() * c.x(), s.height() * c.y()}, Qt::LeftButton);
    }
    send(canvas, QEvent::MouseMove, {s.width() * 0.15, s.height() * 0.82}, Qt::NoButton);
}

// The region of interest drawn as a user would: the region tool, five corners clicked, a double-click to close.
// The Training panel in front shows the setting the next training will use.
void drawRegion(MainWindow& window) {
    AnnotationCanvas* canvas = window.canvas();
    canvas->zoomToFit();
    window.annotation()->selectTool(QStringLiteral("region"));
    const QSizeF s = canvas->image().size();
    const QPointF corners[] = {{0.10, 0.12}, {0.78, 0.06}, {0.92, 0.55}, {0.70, 0.94}, {0.14, 0.86}};
    for (const QPointF& c : corners) {
        send(canvas, QEvent::MouseButtonPress, {s.width() * c.x(), s.height() * c.y()}, Qt::LeftButton);
        send(canvas, QEvent::MouseButtonRelease, {s.width() * c.x(), s.height() * c.y()}, Qt::LeftButton);
    }
    send(canvas, QEvent::MouseButtonDblClick, {s.width() * 0.14, s.height() * 0.86}, Qt::LeftButton);
    send(canvas, QEvent::MouseButtonRelease, {s.width() * 0.14, s.height() * 0.86}, Qt::LeftButton);
    if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("training")))
        dock->raise();
}

// Trains a model on the sample with its default settings (one thread: quicker on a busy machine), then
// shows a "hole" image in the inspection view.
template <typename Finish>
void inspectAfterTraining(MainWindow& window, Finish finish) {
    TrainingController* c = window.trainingPanel()->controller();
    c->setConfigAdjustment([](engine::TrainingConfig& config) { config.features.threads = 1; });
    QObject::connect(c, &TrainingController::finished, &window, [&window, finish] {
        InspectionPanel* panel = window.inspectionPanel();
        for (int r = 0; r < window.session()->imageCount(); ++r) {
            if (window.session()->image(r).defect_type == "hole") {
                window.browser()->setCurrentRow(r);
                break;
            }
        }
        QObject::connect(panel, &InspectionPanel::verdictChanged, &window, finish, Qt::SingleShotConnection);
        if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("inspection")))
            dock->raise();
    });
    c->start();
}

// The window's trainer set for a demo model: 8 epochs (enough for readable maps, short enough for a demo),
// one thread (quicker on a busy machine).
TrainingController* demoTrainer(MainWindow& window) {
    TrainingController* c = window.trainingPanel()->controller();
    c->setConfigAdjustment([](engine::TrainingConfig& config) {
        config.features.threads = 1;
        config.adtr.epochs = 8;
    });
    return c;
}

// Trains a model (8 epochs: enough for readable maps, short enough for a demo), inspects the sample's test
// images as a batch, confirms the worst image as NG and shows the next flagged one.
template <typename Finish>
void reviewAfterTraining(MainWindow& window, Finish finish) {
    TrainingController* c = demoTrainer(window);
    QObject::connect(c, &TrainingController::finished, &window, [&window, finish] {
        if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("inspection")))
            dock->raise();
        ReviewPanel* review = window.reviewPanel();
        QObject::connect(
            review->batch(), &BatchController::finished, &window,
            [&window, finish] {
                ReviewPanel* review = window.reviewPanel();
                review->selectNextFlagged();
                review->decide(project::ReviewDecision::Ng);
                QObject::connect(window.inspectionPanel(), &InspectionPanel::verdictChanged, &window, finish,
                                 Qt::SingleShotConnection);
            },
            Qt::SingleShotConnection);
        QTimer::singleShot(500, review->batch(), &BatchController::start);
    });
    c->start();
}

// Trains a model (8 epochs), then runs it on a hot folder into which the sample's test images are written one
// every 400 ms, the way a line PC writes them; finishes after 12 parts.
template <typename Finish>
void runOnAHotFolder(MainWindow& window, Finish finish) {
    TrainingController* c = demoTrainer(window);
    QObject::connect(c, &TrainingController::finished, &window, [&window, finish] {
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("run"));
        auto* panel = window.findChild<RunPanel*>();
        if (!dock || !panel)
            return;
        dock->raise();
        const QString hot = QDir(window.session()->folder()).filePath(QStringLiteral("line"));
        QDir(hot).removeRecursively();
        QDir().mkpath(hot);
        panel->sourceEdit()->setText(hot);
        panel->sortBox()->setChecked(true);
        panel->startButton()->click();
        QStringList tests;
        for (int r = 0; r < window.session()->imageCount(); ++r)
            if (window.session()->image(r).role == project::ImageRole::Test)
                tests << window.session()->imagePath(r);
        auto* feed = new QTimer(&window);
        auto next = std::make_shared<int>(0);
        QObject::connect(feed, &QTimer::timeout, &window, [feed, tests, hot, next] {
            // Mostly defective parts, so the strip fills: every third image of the test split.
            const int i = (*next)++ * 3 % std::max<qsizetype>(1, tests.size());
            if (i < tests.size())
                QFile::copy(tests[i], QDir(hot).filePath(QStringLiteral("part_%1.png").arg(*next, 3, 10, QLatin1Char('0'))));
            if (*next >= 24)
                feed->stop();
        });
        feed->start(400);
        auto seen = std::make_shared<int>(0);
        QObject::connect(panel->controller(), &RunController::partInspected, &window, [seen, finish] {
            if (++*seen == 12)
                finish();
        });
    });
    c->start();
}

// The plots two by two at a legible size, beside the window's screenshot.
void savePlots(MainWindow& window, const QString& path) {
    const QList<ReportPlot> plots = window.reviewPlots()->renderPngs(QSize(560, 400));
    if (plots.isEmpty())  // four, or the image-level two of an image-classification project
        return;
    const int rows = (int(plots.size()) + 1) / 2;
    QImage sheet(1120 * 2, 800 * rows, QImage::Format_RGB32);
    sheet.fill(Qt::white);
    QPainter p(&sheet);
    for (int i = 0; i < plots.size(); ++i) {
        QImage plot;
        plot.loadFromData(plots[i].png, "PNG");
        p.drawImage(QRect((i % 2) * 1120, (i / 2) * 800, 1120, 800), plot);
    }
    p.end();
    sheet.save(path);
}

}  // namespace

void runScreenshotDemo(MainWindow& window, const QString& stage, const QString& saveTo, const QString& project) {
    // Without a window manager (Xvfb) nothing maximises the window: fill the screen ourselves.
    if (QScreen* screen = window.screen())
        window.setGeometry(screen->availableGeometry());
    ProjectSession* session = window.session();
    auto finish = [&window, saveTo] {
        QTimer::singleShot(1500, &window, [&window, saveTo] {  // thumbnails and repaints settle
            if (saveTo.isEmpty())
                return;
            window.grab().save(saveTo);
            window.close();
        });
    };
    if (stage == QLatin1String("start")) {
        finish();
        return;
    }
    auto* once = new QObject(&window);
    QObject::connect(session, &ProjectSession::opened, once, [&window, session, stage, finish, once, saveTo] {
        once->deleteLater();
        // A defect image of the sample ("scratch" reads well at any size).
        int row = 0;
        for (int r = 0; r < session->imageCount(); ++r) {
            if (session->image(r).defect_type == "scratch") {
                row = r;
                break;
            }
        }
        window.browser()->setCurrentRow(row);
        if (stage == QLatin1String("synthetic") || stage == QLatin1String("training")) {
            if (auto* dock = window.findChild<QDockWidget*>(stage))
                dock->raise();
        }
        if (stage == QLatin1String("canvas") || stage == QLatin1String("region")) {  // earlier shots may have left another tab in front
            if (auto* dock = window.findChild<QDockWidget*>(QStringLiteral("annotation")))
                dock->raise();
        }
        // Setting a product up, a user closes the review docks (View menu) to give the preview grid the
        // height: this shot shows that layout.
        if (stage == QLatin1String("synthetic")) {
            for (const char* name : {"review", "plots"})
                if (auto* dock = window.findChild<QDockWidget*>(QString::fromLatin1(name)))
                    dock->hide();
        }
        if (stage == QLatin1String("training")) {
            // Mid-run: a stretch of the loss curve, progress and the time left.
            TrainingController* c = window.trainingPanel()->controller();
            c->setConfigAdjustment([](engine::TrainingConfig& config) { config.features.threads = 1; });
            auto steps = std::make_shared<int>(0);
            QObject::connect(c, &TrainingController::lossReported, &window, [steps, finish] {
                if (++*steps == 40)
                    finish();
            });
            // A tiny-image project may finish in fewer steps: then the finished run is the shot.
            QObject::connect(c, &TrainingController::finished, &window, [steps, finish] {
                if (*steps < 40) {
                    *steps = 40;
                    finish();
                }
            });
            c->start();
            return;
        }
        if (stage == QLatin1String("inspection")) {
            inspectAfterTraining(window, finish);
            return;
        }
        if (stage == QLatin1String("run")) {
            runOnAHotFolder(window, finish);
            return;
        }
        if (stage == QLatin1String("review")) {
            // review.png is the window; plots.png beside it the plots at full size.
            reviewAfterTraining(window, [&window, finish, saveTo] {
                if (!saveTo.isEmpty())
                    savePlots(window, QFileInfo(saveTo).dir().filePath(QStringLiteral("plots.png")));
                finish();
            });
            return;
        }
        if (stage == QLatin1String("report")) {
            // The same state, exported as a report: saveTo names the HTML (the CSV and PDF go beside it).
            reviewAfterTraining(window, [&window, saveTo] {
                ReviewPanel* review = window.reviewPanel();
                QObject::connect(
                    review, &ReviewPanel::reportWritten, &window,
                    [&window](const QString&, const QString& error) {
                        if (!error.isEmpty())
                            qWarning("%s", qPrintable(error));
                        window.close();
                    },
                    Qt::SingleShotConnection);
                review->exportReport(saveTo.isEmpty()
                                         ? QDir(window.session()->folder())
                                               .filePath(QStringLiteral("sample-inspection-report.html"))
                                         : saveTo);
            });
            return;
        }
        const bool region = stage == QLatin1String("region");
        if (stage != QLatin1String("canvas") && !region) {
            finish();
            return;
        }
        QObject::connect(
            window.annotation(), &AnnotationController::loaded, &window,
            [&window, finish, region] {
                if (region)
                    drawRegion(window);
                else
                    drawOnCanvas(window);
                finish();
            },
            Qt::SingleShotConnection);
    });
    if (project.isEmpty())
        window.projectActions()->openSampleProject();
    else
        window.projectActions()->openFolder(project);
}

}  // namespace kensa::ui
