// Projects through the window: the sample project in one click, MVTec import whose ground truth is shown but
// never overwritten, recent projects, a damaged project file, canvas zoom, and the language choice.
#include "browser/image_browser.h"
#include "canvas/annotation_canvas.h"
#include "canvas/annotation_controller.h"
#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"
#include "main/language.h"
#include "main/main_window.h"
#include "main/project_actions.h"
#include "main/recent_projects.h"
#include "main/workspace.h"
#include "inspection/inspection_panel.h"
#include "inspection/inspection_view.h"
#include "review/comparison_view.h"
#include "synthetic/synthetic_panel.h"
#include "synthetic/synthetic_preview.h"
#include "training/training_panel.h"
#include "project/project_session.h"
#include "ui_test_support.h"

#include <kensa/data/sample_product.h>
#include <kensa/project/project_file.h>

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QListWidget>
#include <QPushButton>
#include <QLabel>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QWheelEvent>

using namespace kensa;
using namespace kensa::ui;

namespace {
// The window shown at `size` with a new project of `count` 300 x 200 training images, the first on the
// canvas. Returns what failed, or an empty string.
QString openWithImages(MainWindow& w, const QTemporaryDir& tmp, int count, QSize size) {
    for (int i = 0; i < count; ++i)
        test::writeImage(tmp.filePath(QStringLiteral("img")), QStringLiteral("%1.png").arg(i), {300, 200}, i);
    w.resize(size);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w))
        return QStringLiteral("the window was not shown");
    if (const QString error = w.session()->create(tmp.filePath(QStringLiteral("p"))); !error.isEmpty())
        return error;
    QSignalSpy appended(w.session(), &ProjectSession::imagesAppended);
    w.projectActions()->addFolder(tmp.filePath(QStringLiteral("img")), project::ImageRole::Train);
    if (!appended.wait(10000))
        return QStringLiteral("the images were not added");
    if (!QTest::qWaitFor([&w] { return w.canvas()->document() != nullptr; }, 10000))
        return QStringLiteral("the canvas did not show the first image");
    return {};
}

QByteArray fileHash(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
}  // namespace

class TestProjects : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase() { test::removeThumbnailCache(); }
    void initTestCase() {
        test::isolateSettings();
        qputenv("KENSA_SAMPLE_DIR", m_tmp.filePath(QStringLiteral("sample")).toLocal8Bit());
    }

    // View ▸ Language: the system's by default; a choice is stored, said to apply at the next start, and is
    // what the app then starts in (its locale and its translations, which setUpApplication installs).
    void languageChoiceAppliesAtNextStart() {
        language::store({});
        QCOMPARE(language::stored(), QString());
        QCOMPARE(language::startupLocale(), QLocale::system());
        MainWindow w;
        w.show();
        auto* menu = w.findChild<QMenu*>(QStringLiteral("languageMenu"));
        QVERIFY(menu);
        bool inView = false;  // View ▸ Language
        for (QAction* top : w.menuBar()->actions())
            if (top->text() == QStringLiteral("&View") && top->menu())
                inView = top->menu()->actions().contains(menu->menuAction());
        QVERIFY(inView);
        auto* system = menu->findChild<QAction*>(QStringLiteral("language-system"));
        auto* ja = menu->findChild<QAction*>(QStringLiteral("language-ja"));
        QVERIFY(system && ja && menu->findChild<QAction*>(QStringLiteral("language-en")));
        QVERIFY(system->isChecked());

        ja->trigger();
        QVERIFY(ja->isChecked() && !system->isChecked());
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("ja"));
        QCOMPARE(language::startupLocale(), QLocale(QLocale::Japanese, QLocale::Japan));
        QTRY_VERIFY(w.findChild<QMessageBox*>(QStringLiteral("languageMessage")));
        auto* box = w.findChild<QMessageBox*>(QStringLiteral("languageMessage"));
        QVERIFY(box->isVisible());
        QVERIFY(box->text().contains(QStringLiteral("next time")));
        box->close();
        QTRY_VERIFY(!w.findChild<QMessageBox*>(QStringLiteral("languageMessage")));  // deleted on close
        ja->trigger();  // the same choice again: nothing to say
        QVERIFY(!w.findChild<QMessageBox*>(QStringLiteral("languageMessage")));

        // What the next start loads: Japanese texts; English with its plural forms.
        QList<QTranslator*> loaded = language::loadTranslators(language::startupLocale(), this);
        QVERIFY(!loaded.isEmpty());
        QCOMPARE(loaded.last()->translate("kensa::ui::MainWindow", "&File"), QStringLiteral("ファイル(&F)"));
        qDeleteAll(loaded);
        language::store(QStringLiteral("en"));
        QCOMPARE(language::startupLocale().language(), QLocale::English);
        loaded = language::loadTranslators(language::startupLocale(), this);
        QVERIFY(!loaded.isEmpty());
        QCOMPARE(
            loaded.last()->translate("kensa::ui::ReviewPanel", "%n image(s) inspected in %1 s.", nullptr, 2),
            QStringLiteral("%n images inspected in %1 s."));
        qDeleteAll(loaded);

        // Anything else stored reads as the system's language.
        QSettings().setValue(QStringLiteral("ui/language"), QStringLiteral("xx"));
        QCOMPARE(language::stored(), QString());
        QCOMPARE(language::startupLocale(), QLocale::system());
        language::store({});
        QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
    }

    void sampleProjectOpensInOneClick() {
        MainWindow w;
        w.show();
        QSignalSpy opened(w.session(), &ProjectSession::opened);
        w.projectActions()->openSample->trigger();
        QVERIFY(opened.wait(120000));
        QCOMPARE(w.session()->imageCount(), 80 + 60);
        QCOMPARE(w.session()->project().defect_types.size(), size_t(5));
        QCOMPARE(w.session()->mode(), project::TrainingMode::NormalOnly);
        QVERIFY(recent_projects::list().contains(w.session()->folder()));
        const QString folder = w.session()->folder();
        w.session()->close();

        // Second time: no generation, the same project.
        w.projectActions()->openSample->trigger();
        QVERIFY(opened.wait(20000));
        QCOMPARE(w.session()->folder(), folder);
    }

    void importedGroundTruthIsShownButNotOverwritten() {
        data::SampleProductConfig cfg;
        cfg.output_dir = m_tmp.filePath(QStringLiteral("mvtec/widget")).toStdString();
        cfg.train_good = 2;
        cfg.test_good = 1;
        cfg.test_per_defect = 1;
        cfg.image_size = 64;
        data::generate_sample_product(cfg);

        MainWindow w;
        w.show();
        ProjectSession* session = w.session();
        QCOMPARE(session->create(m_tmp.filePath(QStringLiteral("imported"))), QString());
        QSignalSpy appended(session, &ProjectSession::imagesAppended);
        w.projectActions()->importProduct(QString::fromStdString(cfg.output_dir.string()));
        QVERIFY(appended.wait(20000));
        QCOMPARE(session->imageCount(), 2 + 1 + 5);

        int row = -1;
        for (int r = 0; r < session->imageCount(); ++r) {
            if (session->image(r).defect_type == "stain")
                row = r;
        }
        QVERIFY(row >= 0);
        const QString gt = QString::fromStdString(session->image(row).source_mask.string());
        const QByteArray before = fileHash(gt);
        QVERIFY(!before.isEmpty());

        w.browser()->setCurrentRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(w.canvas()->document() && w.annotation()->currentRow() == row, 10000);
        const qint64 gtPixels = mask_ops::countSet(w.canvas()->document()->mask());
        QVERIFY(gtPixels > 0);  // the ground truth is where editing starts

        w.annotation()->selectTool(QStringLiteral("fill"));
        QTest::mouseClick(w.canvas(), Qt::RightButton, {},
                          w.canvas()->imageToWidget().map(QPointF(0.5, 0.5)).toPoint());
        w.annotation()->selectTool(QStringLiteral("brush"));
        const QPoint p = w.canvas()->imageToWidget().map(QPointF(5, 5)).toPoint();
        QTest::mouseClick(w.canvas(), Qt::LeftButton, {}, p);
        session->flush();
        QCOMPARE(fileHash(gt), before);  // the product's ground truth is untouched
        const auto& e = session->image(row);
        QVERIFY(e.mask.generic_string().starts_with("annotations/widget/test/stain/"));
        QVERIFY(
            QFile::exists(QDir(session->folder()).filePath(QString::fromStdString(e.mask.generic_string()))));
        QCOMPARE(session->mode(), project::TrainingMode::AnomalyAvailable);
        session->close();
    }

    void aProjectIsOpenInOneSessionAtATime() {
        const QString folder = m_tmp.filePath(QStringLiteral("locked"));
        ProjectSession first;
        QCOMPARE(first.create(folder), QString());
        ProjectSession second;
        const QString error = second.open(folder);
        QVERIFY2(error.contains(QStringLiteral("open in another Kensa")), qPrintable(error));
        first.close();
        QCOMPARE(second.open(folder), QString());
    }

    // A Kensa killed while saving a model leaves models/<name>.kensa.partial: opening the project removes such
    // files once they are a minute old (a younger one may still be being written).
    void abandonedPartialModelsAreRemovedOnOpening() {
        const QString folder = m_tmp.filePath(QStringLiteral("partials"));
        ProjectSession session;
        QCOMPARE(session.create(folder), QString());
        const QString models = session.modelsFolder();
        session.close();
        QVERIFY(QDir().mkpath(models));
        for (const char* name : {"old.kensa.partial", "young.kensa.partial", "kept.kensa"}) {
            QFile f(QDir(models).filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        }
        QFile old(QDir(models).filePath(QStringLiteral("old.kensa.partial")));
        QVERIFY(old.open(QIODevice::ReadWrite));
        QVERIFY(old.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
        old.close();
        QCOMPARE(session.open(folder), QString());
        QVERIFY(!QFile::exists(QDir(models).filePath(QStringLiteral("old.kensa.partial"))));
        QVERIFY(QFile::exists(QDir(models).filePath(QStringLiteral("young.kensa.partial"))));
        QVERIFY(QFile::exists(QDir(models).filePath(QStringLiteral("kept.kensa"))));
    }

    void damagedProjectFileIsAClearError() {
        const QString folder = m_tmp.filePath(QStringLiteral("damaged"));
        QDir().mkpath(folder);
        QFile f(QDir(folder).filePath(QString::fromLatin1(project::k_project_file_name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"kensa-proj");
        f.close();
        MainWindow w;
        w.show();
        QString shown;
        QTimer::singleShot(0, this, [&shown] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box) {
                shown = box->text();
                box->accept();
            }
        });
        QVERIFY(!w.projectActions()->openFolder(folder));
        QVERIFY2(shown.contains(QStringLiteral("not valid JSON")), qPrintable(shown));
        QVERIFY(!w.session()->isOpen());
    }

    void zoomWithWheelFitAndActualSize() {
        QTemporaryDir tmp;
        MainWindow w;
        QCOMPARE(openWithImages(w, tmp, 1, {1200, 800}), QString());
        AnnotationCanvas* c = w.canvas();
        const qreal fit = c->zoom();
        const QPointF anchor(c->width() / 3.0, c->height() / 2.0);
        const QPointF under = c->widgetToImage(anchor);
        QWheelEvent wheel(anchor, c->mapToGlobal(anchor), {}, {0, 240}, Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(c, &wheel);
        QVERIFY(qAbs(c->zoom() - fit * 1.25 * 1.25) < 1e-9);
        const QPointF after = c->widgetToImage(anchor);
        QVERIFY(qAbs(after.x() - under.x()) < 1e-6 &&
                qAbs(after.y() - under.y()) < 1e-6);  // zooms about the cursor
        c->zoomToActualSize();
        QCOMPARE(c->zoom(), 1.0);
        c->zoomToFit();
        QCOMPARE(c->zoom(), fit);
        w.session()->close();
    }

    // The central area shows what the task needs, the docks its controls: raising a task's dock, the View
    // menu's task actions (Ctrl+1..4) and picking a drawing tool all switch it; one image selection throughout.
    void centralAreaFollowsTheTask() {
        QTemporaryDir tmp;
        MainWindow w;
        QCOMPARE(openWithImages(w, tmp, 3, {1600, 1000}), QString());
        Workspace* ws = w.workspace();
        ws->setTask(Workspace::Task::Annotate);
        const auto dock = [&w](const char* name) { return w.findChild<QDockWidget*>(QString::fromLatin1(name)); };
        const auto inCentre = [&w](QWidget* page) {  // shown, and inside the central area
            return page->isVisible() && w.centralWidget()->isAncestorOf(page);
        };
        QVERIFY(inCentre(w.canvas()));
        QVERIFY(!w.inspectionView()->isVisible());
        QVERIFY(w.annotation()->toolActions()->isEnabled());

        // Raising the Synthetic Defects dock (a click on its tab) brings its preview grid to the centre, where
        // the cells grow past the dock's size.
        dock("synthetic")->raise();
        QTRY_COMPARE(ws->task(), Workspace::Task::Synthetic);
        SyntheticPanel* synthetic = w.syntheticPanel();
        QVERIFY(inCentre(synthetic->preview()));
        QVERIFY(!synthetic->isAncestorOf(synthetic->preview()));
        QTRY_COMPARE_WITH_TIMEOUT(synthetic->previewGrid()->count(), SyntheticPanel::k_samples, 20000);
        QTRY_VERIFY(synthetic->preview()->tileSide() > SyntheticPreview::k_minTileSide);
        QVERIFY(!w.canvas()->isVisible());

        // Ctrl+2: Inspect. The view is in the centre, its controls (the panel, without the view) in front.
        QAction* inspect = nullptr;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_2))
                inspect = a;
        QVERIFY(inspect);
        inspect->trigger();
        QCOMPARE(ws->task(), Workspace::Task::Inspect);
        QVERIFY(inCentre(w.inspectionView()));
        QVERIFY(w.inspectionPanel()->isVisible());
        QVERIFY(!w.inspectionPanel()->isAncestorOf(w.inspectionView()));
        QCOMPARE(w.inspectionView()->message(), QStringLiteral("Inspection needs a trained model."));
        QVERIFY(inspect->isChecked());

        // One selection: choosing another image while inspecting is what the canvas shows back in Annotate.
        w.browser()->setCurrentRow(2);
        QCOMPARE(w.annotation()->currentRow(), 2);

        // Picking a drawing tool means annotating: back to the canvas, its dock in front.
        w.annotation()->toolActions()->actions().at(1)->trigger();
        QCOMPARE(ws->task(), Workspace::Task::Annotate);
        QVERIFY(inCentre(w.canvas()));
        QVERIFY(dock("annotation")->widget()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(w.canvas()->document() != nullptr && w.annotation()->currentRow() == 2, 10000);

        // The View menu's zoom acts on the image in front.
        w.canvas()->zoomToFit();
        for (QAction* a : w.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::Key_1))
                a->trigger();  // Actual Size (1:1)
        QCOMPARE(w.canvas()->zoom(), 1.0);

        // Compare models: the comparison in the centre, no dock of its own any more.
        ws->setTask(Workspace::Task::Compare);
        QVERIFY(inCentre(w.comparisonView()));
        QVERIFY(!dock("compare"));
        ws->setTask(Workspace::Task::Annotate);
        w.session()->close();
    }

    // The region of interest is drawn on the canvas with its own tool — a drag makes a rectangle, clicks a
    // polygon — and becomes the project's setting for the next training, shown on the canvas and in the
    // Training panel; a region too small to use is refused with a message; "Whole image" clears it.
    void regionOfInterestIsDrawnOnTheCanvas() {
        QTemporaryDir tmp;
        MainWindow w;
        QCOMPARE(openWithImages(w, tmp, 1, {1400, 900}), QString());
        AnnotationCanvas* c = w.canvas();
        w.workspace()->setTask(Workspace::Task::Inspect);
        Q_EMIT w.trainingPanel()->drawRegionRequested();  // "Draw…"
        QCOMPARE(w.workspace()->task(), Workspace::Task::Annotate);
        QCOMPARE(c->tool()->id(), QStringLiteral("region"));

        const auto at = [c](QPointF image) { return c->imageToWidget().map(image).toPoint(); };
        const auto drag = [&](QPointF from, QPointF to) {
            QTest::mousePress(c, Qt::LeftButton, {}, at(from));
            for (int i = 1; i <= 4; ++i) {
                const QPoint p = at(from + (to - from) * i / 4.0);
                QMouseEvent move(QEvent::MouseMove, p, c->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
                QApplication::sendEvent(c, &move);
            }
            QTest::mouseRelease(c, Qt::LeftButton, {}, at(to));
        };
        drag({40, 30}, {240, 150});
        const auto& region = w.session()->project().settings.region;
        QVERIFY(region.is_rectangle());
        QCOMPARE(region.reference_width, 300);
        QCOMPARE(region.reference_height, 200);
        const QRectF drawn = c->regionInImage().boundingRect();
        QVERIFY2(qAbs(drawn.left() - 40) <= 1 && qAbs(drawn.top() - 30) <= 1 && qAbs(drawn.right() - 240) <= 1 &&
                     qAbs(drawn.bottom() - 150) <= 1,
                 qPrintable(QStringLiteral("%1 %2 %3 %4").arg(drawn.left()).arg(drawn.top()).arg(drawn.right()).arg(drawn.bottom())));
        QCOMPARE(mask_ops::countSet(c->document()->mask()), 0);  // the mask is untouched
        QVERIFY(w.trainingPanel()->regionLabel()->text().startsWith(QStringLiteral("Rectangle")));
        QVERIFY(w.trainingPanel()->clearRegionButton()->isEnabled());

        // A polygon: three clicks and a double-click.
        for (const QPointF p : {QPointF(20, 20), QPointF(280, 30), QPointF(150, 190)})
            QTest::mouseClick(c, Qt::LeftButton, {}, at(p));
        QTest::mouseDClick(c, Qt::LeftButton, {}, at({150, 190}));
        QVERIFY(!w.session()->project().settings.region.is_rectangle());
        QCOMPARE(int(w.session()->project().settings.region.polygon.size()), 3);
        QVERIFY(w.trainingPanel()->regionLabel()->text().contains(QStringLiteral("3")));

        // Too small to inspect: refused, the previous region stays.
        const auto before = w.session()->project().settings.region;
        drag({100, 100}, {108, 140});
        QCOMPARE(w.session()->project().settings.region, before);

        QTest::mouseClick(w.trainingPanel()->clearRegionButton(), Qt::LeftButton);
        QVERIFY(!w.session()->project().settings.region.enabled());
        QVERIFY(c->regionInImage().isEmpty());
        w.annotation()->selectTool(QStringLiteral("brush"));
        w.session()->close();
    }

    void largeImageRepaintCost() {
        // A 12-megapixel camera image: a full repaint at fit and at 1:1, and a brush dab's partial repaint.
        AnnotationCanvas c;
        c.resize(1200, 800);
        c.show();
        QVERIFY(QTest::qWaitForWindowExposed(&c));
        QImage image(4000, 3000, QImage::Format_RGB888);
        image.fill(QColor(120, 90, 60));
        MaskDocument doc(0, mask_ops::blankMask(image.size()));
        c.setImage(image, &doc);
        const auto timeRepaint = [&](const QRect& r) {
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < 5; ++i)
                c.repaint(r);
            return t.nsecsElapsed() / 5e6;
        };
        const double fit = timeRepaint(c.rect());
        c.zoomToActualSize();
        const double actual = timeRepaint(c.rect());
        doc.beginEdit();
        doc.touched(mask_ops::paintSegment(doc.editableMask(), {2000, 1500}, {2010, 1500}, 8, 255));
        doc.endEdit(QStringLiteral("dab"));
        const double dab = timeRepaint(QRect(580, 380, 40, 40));
        qInfo("repaint ms: fit %.1f, 1:1 %.1f, brush dab %.2f", fit, actual, dab);
        QVERIFY(dab < 30);
        QVERIFY(fit < 60);  // measured ~19 ms; generous for a shared machine
    }

private:
    QTemporaryDir m_tmp;
};

QTEST_MAIN(TestProjects)
#include "test_projects.moc"
