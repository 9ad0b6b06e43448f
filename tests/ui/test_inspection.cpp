// The inspection view: verdict and outline helpers, the heatmap colours, zoom and pan of the view (and the
// place it hands the annotation canvas across tasks), and the panel end to end with a tiny real model (trained here; MobileNetV2 weights needed): sliders change verdict and outline at once
// without running the model again, over the whole range of z-scored maps (negative values included).
#include "image_convert.h"
#include "inspection/inspection_overlay.h"
#include "inspection/inspection_panel.h"
#include "inspection/inspection_view.h"
#include "inspection/threshold_slider.h"
#include "inspection/threshold_state.h"
#include "main/workspace.h"
#include "project/project_session.h"
#include "training_fixture.h"
#include "ui_test_support.h"

#include <kensa/project/project_images.h>

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

using namespace kensa;
using namespace kensa::ui;

class TestInspection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    void outlineEnclosesTheRegionsAbove() {
        cv::Mat map(40, 60, CV_32FC1, cv::Scalar(0.1f));
        map(cv::Rect(10, 5, 20, 10)).setTo(0.9f);
        map(cv::Rect(45, 30, 5, 5)).setTo(0.6f);
        const QPainterPath both = defectOutline(map, 0.5f);
        QCOMPARE(both.boundingRect(), QRectF(10.5, 5.5, 39, 29));  // through boundary pixels' centres
        const QPainterPath one = defectOutline(map, 0.7f);
        QCOMPARE(one.boundingRect(), QRectF(10.5, 5.5, 19, 9));
        QVERIFY(defectOutline(map, 1.0f).isEmpty());
    }

    void heatmapSpansLowToHigh() {
        cv::Mat map(1, 3, CV_32FC1);
        map.at<float>(0, 0) = -1.f;  // below low: the colour map's start
        map.at<float>(0, 1) = 0.f;
        map.at<float>(0, 2) = 5.f;  // above high: its end
        const QImage h = heatmap_from_map(map, {0.f, 2.f}, cv::COLORMAP_JET);
        QCOMPARE(h.size(), QSize(3, 1));
        QCOMPARE(h.pixelColor(0, 0), h.pixelColor(1, 0));
        QVERIFY(h.pixelColor(0, 0).blue() > 100 && h.pixelColor(0, 0).red() < 10);  // jet starts dark blue
        QVERIFY(h.pixelColor(2, 0).red() > 100 && h.pixelColor(2, 0).blue() < 10);  // and ends dark red
        QCOMPARE(h.pixelColor(1, 0).alpha(), 0);  // normal surface stays visible under the overlay
        QCOMPARE(h.pixelColor(2, 0).alpha(), 255);
    }

    // Large images are inspected at full size in the central area: the wheel zooms about the cursor, a drag
    // pans, the same image again (a re-inspection) keeps the place, a new one is fitted; the verdict badge is
    // painted in the corner whatever the zoom.
    void viewZoomsPansAndShowsTheVerdict() {
        InspectionView view;
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QImage image(1200, 900, QImage::Format_RGB888);
        image.fill(QColor(90, 90, 90));
        view.setImage(image);
        QVERIFY(view.isFitted());
        const qreal fit = view.zoom();
        QVERIFY(fit < 0.5);
        const QPointF anchor(150, 120);
        const QPointF under = view.widgetToImage(anchor);
        QWheelEvent wheel(anchor, view.mapToGlobal(anchor), {}, {0, 120}, Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(qAbs(view.zoom() - fit * 1.25) < 1e-9);
        QVERIFY(QLineF(view.widgetToImage(anchor), under).length() < 1e-6);
        // A left drag pans by the distance dragged.
        const QPointF before = view.imageToWidget().map(QPointF(0, 0));
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(300, 200));
        QMouseEvent move(QEvent::MouseMove, QPointF(340, 170), view.mapToGlobal(QPointF(340, 170)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(340, 170));
        QCOMPARE(view.imageToWidget().map(QPointF(0, 0)), before + QPointF(40, -30));
        const ZoomPanView::Place place = view.place();
        view.setImage(image, true);  // the same image again
        QCOMPARE(view.zoom(), place.scale);
        QCOMPARE(view.imageToWidget().map(QPointF(0, 0)), before + QPointF(40, -30));
        view.setImage(image.copy(0, 0, 600, 900));  // another image: fitted
        QVERIFY(view.isFitted());

        view.setImage(image);
        view.zoomToActualSize();
        view.setBadge(QStringLiteral("NG  3.2"), QColor(198, 40, 40));
        const QImage shot = view.grab().toImage();
        QCOMPARE(shot.pixelColor(14, 14), QColor(198, 40, 40));  // the badge's corner, over the image
        view.setMessage(QStringLiteral("gone"));
        QVERIFY(view.badge().isEmpty() && !view.hasImage());
    }

    // Switching between the two image tasks hands the place over when both show an image of the same size.
    void workspaceKeepsThePlaceAcrossTasks() {
        Workspace ws;
        auto* annotate = new InspectionView;  // any two ZoomPanViews
        auto* inspect = new InspectionView;
        auto* other = new QWidget;
        ws.addTask(Workspace::Task::Annotate, QStringLiteral("A"), {}, annotate);
        ws.addTask(Workspace::Task::Inspect, QStringLiteral("I"), {}, inspect);
        ws.addTask(Workspace::Task::Compare, QStringLiteral("C"), {}, other);
        ws.resize(700, 500);
        ws.show();
        QVERIFY(QTest::qWaitForWindowExposed(&ws));
        QImage image(800, 600, QImage::Format_RGB888);
        image.fill(Qt::gray);
        annotate->setImage(image);
        inspect->setImage(image);
        QCOMPARE(ws.currentImageView(), annotate);
        annotate->zoomIn();
        annotate->zoomIn();
        QSignalSpy changed(&ws, &Workspace::taskChanged);
        ws.tabBar()->setCurrentIndex(1);  // a click on the tab
        QCOMPARE(changed.count(), 1);
        QCOMPARE(ws.task(), Workspace::Task::Inspect);
        QCOMPARE(ws.currentImageView(), inspect);
        QCOMPARE(inspect->zoom(), annotate->zoom());
        QCOMPARE(inspect->imageToWidget(), annotate->imageToWidget());
        ws.setTask(Workspace::Task::Compare);
        QCOMPARE(ws.currentImageView(), nullptr);
        QCOMPARE(ws.tabBar()->currentIndex(), 2);
        // A different size: the view keeps its own place.
        inspect->setImage(image.copy(0, 0, 400, 600));
        ws.setTask(Workspace::Task::Inspect);
        ws.setTask(Workspace::Task::Annotate);
        QVERIFY(annotate->zoom() != inspect->zoom());
    }

    // The project's region of interest goes into training (TrainingController), and the inspection view
    // shows the active model's region: dimmed outside, where the map never rises above the inside's lowest.
    void modelRegionReachesTrainingAndTheView() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh, or set KENSA_WEIGHTS_DIR)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp), QString());
        auto settings = session.project().settings;
        settings.region = model::rectangle_region(8, 8, 48, 40, 80, 64);
        session.setSettings(settings);
        InspectionPanel panel(&session);
        panel.resize(420, 600);
        panel.show();
        QCOMPARE(test::trainTinyModel(session), QString());
        QTRY_VERIFY_WITH_TIMEOUT(panel.controller()->hasModel(), 30000);
        QCOMPARE(panel.controller()->region(), settings.region);
        QSignalSpy inspected(panel.controller(), &InspectionController::inspected);
        panel.showRow(0);
        QVERIFY(inspected.wait(30000));
        const auto result = inspected.first().at(0).value<InspectionResult>();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        double lowest = 0;
        cv::minMaxLoc(result.map(cv::Rect(8, 8, 48, 40)), &lowest);
        QCOMPARE(result.map.at<float>(60, 70), float(lowest));
        QCOMPARE(panel.view()->regionInImage().boundingRect(), QRectF(8, 8, 48, 40));
        session.flush();
    }

    void slidersUpdateWithoutRerunning() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh, or set KENSA_WEIGHTS_DIR)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp), QString());

        InspectionPanel panel(&session);
        panel.resize(420, 600);
        panel.show();
        QSignalSpy inspected(panel.controller(), &InspectionController::inspected);
        // The engine's defaults: anomaly grids as z-scores per position, so maps go below 0.
        QCOMPARE(test::trainTinyModel(session), QString());
        // Training made its model active; the panel loads it by itself.
        QTRY_VERIFY_WITH_TIMEOUT(panel.controller()->hasModel(), 30000);
        QVERIFY(std::isfinite(panel.controller()->defaultImageThreshold()));
        QCOMPARE(panel.imageThreshold(), panel.controller()->defaultImageThreshold());
        QCOMPARE(panel.pixelThreshold(), panel.controller()->defaultPixelThreshold());
        QCOMPARE(float(panel.imageThresholdSlider()->value()), panel.imageThreshold());

        panel.showRow(0);
        QVERIFY(inspected.wait(30000));
        QCOMPARE(panel.controller()->inspections(), 1);
        const auto result = inspected.first().at(0).value<InspectionResult>();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.map.cols, 80);
        QCOMPARE(result.map.rows, 64);
        QVERIFY(!panel.verdictLabel()->text().isEmpty());

        // The sliders' ranges cover the image's score and every map value, whatever their sign.
        double mapLow = 0, mapHigh = 0;
        cv::minMaxLoc(result.map, &mapLow, &mapHigh);
        QVERIFY(panel.pixelThresholdSlider()->minimum() <= mapLow);
        QVERIFY(panel.pixelThresholdSlider()->maximum() > mapHigh);
        QVERIFY(panel.imageThresholdSlider()->minimum() <= result.score);
        QVERIFY(panel.imageThresholdSlider()->maximum() > result.score);

        // Image threshold at the slider's start: NG; at its end: OK. No new model run.
        panel.imageThresholdSlider()->slider()->setValue(0);
        QCOMPARE(panel.imageThreshold(), float(panel.imageThresholdSlider()->minimum()));
        QCOMPARE(panel.verdictLabel()->text(), QStringLiteral("NG"));
        QVERIFY(panel.view()->badge().startsWith(QStringLiteral("NG")));
        panel.imageThresholdSlider()->slider()->setValue(panel.imageThresholdSlider()->slider()->maximum());
        QCOMPARE(panel.verdictLabel()->text(), QStringLiteral("OK"));
        QVERIFY(panel.view()->badge().startsWith(QStringLiteral("OK")));
        // Pixel threshold at the start: the whole image is outlined; at the end: nothing.
        panel.pixelThresholdSlider()->slider()->setValue(0);
        QCOMPARE(panel.view()->outline().boundingRect(), QRectF(0.5, 0.5, 79, 63));
        panel.pixelThresholdSlider()->slider()->setValue(panel.pixelThresholdSlider()->slider()->maximum());
        QVERIFY(panel.view()->outline().isEmpty());
        // The shared state moved with the sliders; its reset brings the model's thresholds back.
        panel.thresholds()->resetToDefaults();
        QCOMPARE(panel.imageThreshold(), panel.controller()->defaultImageThreshold());
        QCOMPARE(float(panel.pixelThresholdSlider()->value()), panel.controller()->defaultPixelThreshold());
        QCOMPARE(panel.controller()->inspections(), 1);

        // The window's layout: the view in the central area, the panel (controls only) in a dock behind
        // another tab. The model runs because the view is on screen.
        InspectionView centre;
        InspectionPanel controls(&session, nullptr, &centre);
        QVERIFY(!controls.isAncestorOf(&centre));
        QTRY_VERIFY_WITH_TIMEOUT(controls.controller()->hasModel(), 30000);
        controls.showRow(0);
        QCOMPARE(controls.controller()->inspections(), 0);  // neither is shown yet
        centre.show();
        QTRY_VERIFY_WITH_TIMEOUT(centre.hasImage(), 30000);
        QCOMPARE(centre.imageSize(), QSize(80, 64));
        QVERIFY(!centre.badge().isEmpty());
        QVERIFY(!controls.isVisible());
        session.flush();
    }
};

QTEST_MAIN(TestInspection)
#include "test_inspection.moc"
