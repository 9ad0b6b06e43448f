// The inspection view: verdict and outline helpers, the heatmap colours, and the panel end to end with a
// tiny real model (trained here; MobileNetV2 weights needed): sliders change verdict and outline at once
// without running the model again, over the whole range of z-scored maps (negative values included).
#include "image_convert.h"
#include "inspection/inspection_overlay.h"
#include "inspection/inspection_panel.h"
#include "inspection/inspection_view.h"
#include "inspection/threshold_slider.h"
#include "inspection/threshold_state.h"
#include "project/project_session.h"
#include "training_fixture.h"
#include "ui_test_support.h"

#include <kensa/project/project_images.h>

#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
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
        panel.imageThresholdSlider()->slider()->setValue(panel.imageThresholdSlider()->slider()->maximum());
        QCOMPARE(panel.verdictLabel()->text(), QStringLiteral("OK"));
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
        session.flush();
    }
};

QTEST_MAIN(TestInspection)
#include "test_inspection.moc"
