// Drives the real main window: create a project, add a folder, draw a brush stroke and a polygon with mouse
// events, undo/redo, save, reopen, and compare the mask file with the expected mask pixel by pixel.
#include "browser/image_browser.h"
#include "canvas/annotation_canvas.h"
#include "canvas/annotation_controller.h"
#include "canvas/mask_document.h"
#include "canvas/tools/polygon_tool.h"
#include "image_convert.h"
#include "main/main_window.h"
#include "main/project_actions.h"
#include "project/project_session.h"
#include "ui_test_support.h"

#include <kensa/data/image_io.h>
#include <kensa/project/annotation_store.h>
#include <kensa/project/project_file.h>

#include <QActionGroup>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>

using namespace kensa;
using namespace kensa::ui;

namespace {

// Expected masks computed here from first principles (not with the app's raster code): a pixel is marked
// when its centre is within the brush radius of the stroke, or inside the polygon.
qreal distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF d = b - a;
    const qreal len2 = QPointF::dotProduct(d, d);
    const qreal t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = p - (a + t * d);
    return std::sqrt(QPointF::dotProduct(q, q));
}

QImage expectedMask(QSize size, const QVector<QPointF>& stroke, qreal radius, const QPolygonF& polygon) {
    QImage m(size, QImage::Format_Grayscale8);
    m.fill(0);
    for (int y = 0; y < size.height(); ++y) {
        for (int x = 0; x < size.width(); ++x) {
            const QPointF c(x + 0.5, y + 0.5);
            bool on = polygon.size() >= 3 && polygon.containsPoint(c, Qt::OddEvenFill);
            for (qsizetype i = 0; !on && i + 1 < stroke.size(); ++i)
                on = distanceToSegment(c, stroke[i], stroke[i + 1]) <= radius;
            if (on)
                m.scanLine(y)[x] = 255;
        }
    }
    return m;
}

int differingPixels(const QImage& a, const QImage& b) {
    if (a.size() != b.size())
        return -1;
    int n = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            n += (a.constScanLine(y)[x] != 0) != (b.constScanLine(y)[x] != 0);
    }
    return n;
}

QImage maskFileAsImage(const QString& path) {
    auto m = data::read_mask(path.toStdString());
    return m ? mask_from_mat(*m) : QImage();
}

}  // namespace

class TestAnnotation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase() { test::removeThumbnailCache(); }
    void initTestCase() { test::isolateSettings(); }

    void drawUndoSaveReopen() {
        QTemporaryDir tmp;
        const QString images = tmp.filePath(QStringLiteral("images"));
        for (int i = 0; i < 3; ++i)
            test::writeImage(images, QStringLiteral("part%1.png").arg(i), {64, 48}, i);
        const QString folder = tmp.filePath(QStringLiteral("project"));

        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ProjectSession* session = w.session();
        QCOMPARE(session->create(folder, QStringLiteral("Parts")), QString());

        QSignalSpy appended(session, &ProjectSession::imagesAppended);
        w.projectActions()->addFolder(images, project::ImageRole::Train);
        QVERIFY(appended.wait(10000));
        QCOMPARE(session->imageCount(), 3);

        // The window selects the first image; wait for it to load into the canvas.
        AnnotationCanvas* canvas = w.canvas();
        QTRY_VERIFY_WITH_TIMEOUT(canvas->document() != nullptr, 10000);
        QCOMPARE(w.annotation()->currentRow(), 0);
        QCOMPARE(canvas->image().size(), QSize(64, 48));
        QCOMPARE(session->mode(), project::TrainingMode::NormalOnly);

        // A brush stroke with real mouse events.
        w.annotation()->selectTool(QStringLiteral("brush"));
        w.annotation()->setBrushSize(5);
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_BracketRight);  // Larger Brush: 5 -> 6, the panel follows
        QCOMPARE(w.annotation()->toolSettings()->brushSize, 6);
        QSpinBox* brushBox = nullptr;
        for (QSpinBox* b : w.findChildren<QSpinBox*>()) {
            if (b->suffix() == QStringLiteral(" px"))
                brushBox = b;
        }
        QVERIFY(brushBox);
        QCOMPARE(brushBox->value(), 6);
        const QTransform toWidget = canvas->imageToWidget();
        const auto at = [&](QPointF imagePos) { return toWidget.map(imagePos).toPoint(); };
        const QVector<QPoint> strokeW = {at({8, 10}), at({20, 14}), at({34, 12})};
        QTest::mousePress(canvas, Qt::LeftButton, {}, strokeW[0]);
        QTest::mouseMove(canvas, strokeW[1]);
        QTest::mouseMove(canvas, strokeW[2]);
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, strokeW[2]);
        QUndoStack* undo = canvas->document()->undoStack();
        QCOMPARE(undo->count(), 1);  // one stroke, one command

        // A polygon: click four corners, then the first one again to close it.
        w.annotation()->selectTool(QStringLiteral("polygon"));
        const QVector<QPoint> polyW = {at({40.3, 25.2}), at({58.4, 27.1}), at({55.6, 44.7}),
                                       at({38.2, 41.3})};
        for (const QPoint& p : polyW)
            QTest::mouseClick(canvas, Qt::LeftButton, {}, p);
        QCOMPARE(undo->count(), 1);  // not closed yet
        QTest::mouseClick(canvas, Qt::LeftButton, {}, polyW[0]);
        QCOMPARE(undo->count(), 2);

        QVector<QPointF> stroke;
        for (const QPoint& p : strokeW)
            stroke << canvas->widgetToImage(p);
        QPolygonF polygon;
        for (const QPoint& p : polyW)
            polygon << canvas->widgetToImage(p);
        const QImage both = expectedMask({64, 48}, stroke, 3.0, polygon);
        const QImage strokeOnly = expectedMask({64, 48}, stroke, 3.0, {});
        const QImage blank = expectedMask({64, 48}, {}, 0, {});
        QCOMPARE(differingPixels(canvas->document()->mask(), both), 0);
        QVERIFY(differingPixels(both, strokeOnly) > 100);

        // Drawing marked a defect: the project is now anomaly-available, and the status bar says so.
        QCOMPARE(session->mode(), project::TrainingMode::AnomalyAvailable);
        QCOMPARE(session->image(0).label, project::Label::Defect);
        bool shown = false;
        for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
            shown |= l->text() == QStringLiteral("Anomaly-available");
        QVERIFY(shown);

        // Undo and redo through the window's actions.
        w.undoAction()->trigger();
        QCOMPARE(differingPixels(canvas->document()->mask(), strokeOnly), 0);
        w.undoAction()->trigger();
        QCOMPARE(differingPixels(canvas->document()->mask(), blank), 0);
        QCOMPARE(session->mode(), project::TrainingMode::NormalOnly);
        QVERIFY(!w.undoAction()->isEnabled());
        w.redoAction()->trigger();
        w.redoAction()->trigger();
        QCOMPARE(differingPixels(canvas->document()->mask(), both), 0);
        QVERIFY(!w.redoAction()->isEnabled());

        // Undo the polygon, then Ctrl+Z / Ctrl+Shift+Z from the keyboard.
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(differingPixels(canvas->document()->mask(), strokeOnly), 0);
        QTest::keyClick(canvas, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(differingPixels(canvas->document()->mask(), both), 0);

        w.projectActions()->save->trigger();
        session->flush();
        const QString maskRel = QString::fromStdString(session->image(0).mask.generic_string());
        QCOMPARE(maskRel, QStringLiteral("annotations/images/part0_mask.png"));
        session->close();
        QVERIFY(canvas->document() == nullptr);

        // The files alone: the project loads and the mask is exactly the expected one, as 0/255.
        const auto loaded = project::load_project(folder.toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
        QCOMPARE(loaded->images.size(), size_t(3));
        QCOMPARE(loaded->images[0].label, project::Label::Defect);
        qint64 expectedPixels = 0;
        for (int y = 0; y < both.height(); ++y)
            expectedPixels +=
                std::count(both.constScanLine(y), both.constScanLine(y) + both.width(), uchar(255));
        QCOMPARE(loaded->images[0].mask_pixels, expectedPixels);
        const QImage onDisk = maskFileAsImage(QDir(folder).filePath(maskRel));
        QCOMPARE(onDisk.size(), QSize(64, 48));
        QCOMPARE(differingPixels(onDisk, both), 0);
        const QImage raw(QDir(folder).filePath(maskRel));
        QCOMPARE(raw.format() == QImage::Format_Grayscale8 || raw.format() == QImage::Format_Indexed8, true);
        for (int y = 0; y < raw.height(); ++y) {
            for (int x = 0; x < raw.width(); ++x) {
                const int v = qGray(raw.pixel(x, y));
                QVERIFY(v == 0 || v == 255);
            }
        }

        // Reopen in the app: the canvas shows the saved mask.
        QVERIFY(w.projectActions()->openFolder(folder));
        QTRY_VERIFY_WITH_TIMEOUT(canvas->document() != nullptr, 10000);
        QCOMPARE(w.annotation()->currentRow(), 0);
        QCOMPARE(differingPixels(canvas->document()->mask(), both), 0);
        QCOMPARE(session->mode(), project::TrainingMode::AnomalyAvailable);
    }

    void fillAndEraserAreSingleCommands() {
        QTemporaryDir tmp;
        test::writeImage(tmp.filePath(QStringLiteral("img")), QStringLiteral("a.png"), {40, 40});
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.session()->create(tmp.filePath(QStringLiteral("p"))), QString());
        QSignalSpy appended(w.session(), &ProjectSession::imagesAppended);
        w.projectActions()->addFolder(tmp.filePath(QStringLiteral("img")), project::ImageRole::Test);
        QVERIFY(appended.wait(10000));
        AnnotationCanvas* canvas = w.canvas();
        QTRY_VERIFY_WITH_TIMEOUT(canvas->document() != nullptr, 10000);
        const auto at = [&](QPointF p) { return canvas->imageToWidget().map(p).toPoint(); };

        w.annotation()->selectTool(QStringLiteral("fill"));
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at({20, 20}));
        QCOMPARE(canvas->document()->undoStack()->count(), 1);
        QCOMPARE(w.session()->image(0).mask_pixels, qint64(40 * 40));

        w.annotation()->selectTool(QStringLiteral("eraser"));
        w.annotation()->setBrushSize(4);
        QTest::mousePress(canvas, Qt::LeftButton, {}, at({5, 5}));
        QTest::mouseMove(canvas, at({35, 5}));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, at({35, 5}));
        QCOMPARE(canvas->document()->undoStack()->count(), 2);
        const qint64 left = w.session()->image(0).mask_pixels;
        QVERIFY(left < 40 * 40 && left > 40 * 30);

        // Right click with the fill tool clears the connected marked area.
        w.annotation()->selectTool(QStringLiteral("fill"));
        QTest::mouseClick(canvas, Qt::RightButton, {}, at({20, 30}));
        QCOMPARE(canvas->document()->undoStack()->count(), 3);
        QCOMPARE(w.session()->image(0).mask_pixels, qint64(0));

        // A polygon closed by a double-click is one command too.
        w.annotation()->selectTool(QStringLiteral("polygon"));
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at({10, 30}));
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at({20, 30}));
        // A real double-click arrives as press, release, double-click, release; QTest sends the second half.
        QTest::mouseClick(canvas, Qt::LeftButton, {}, at({15, 38}));
        QTest::mouseDClick(canvas, Qt::LeftButton, {}, at({15, 38}));
        QVERIFY(
            static_cast<PolygonTool*>(w.annotation()->tool(QStringLiteral("polygon")))->points().isEmpty());
        QCOMPARE(canvas->document()->undoStack()->count(), 4);
        QCOMPARE(canvas->document()->undoStack()->undoText(), QStringLiteral("Polygon"));
        QVERIFY(w.session()->image(0).mask_pixels > 20);
        w.session()->close();
    }
};

QTEST_MAIN(TestAnnotation)
#include "test_annotation.moc"
