// The inspection view: verdict and outline helpers, the heatmap colours, and the panel end to end with a
// tiny real model (trained here; MobileNetV2 weights needed): sliders change verdict and outline at once
// without running the model again.
#include "image_convert.h"
#include "inspection/inspection_overlay.h"
#include "inspection/inspection_panel.h"
#include "inspection/inspection_view.h"
#include "project/project_session.h"
#include "training/training_controller.h"
#include "ui_test_support.h"

#include <kensa/engine/backbone_catalog.h>
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

    void verdictAtTheThreshold() {
        QVERIFY(isDefective(0.5f, 0.5f));  // at the threshold is NG (model_bundle.h)
        QVERIFY(!isDefective(0.49f, 0.5f));
    }

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
        const QImage h = heatmap_from_map(map, 0.f, 2.f, cv::COLORMAP_JET);
        QCOMPARE(h.size(), QSize(3, 1));
        QCOMPARE(h.pixelColor(0, 0), h.pixelColor(1, 0));
        QVERIFY(h.pixelColor(0, 0).blue() > 100 && h.pixelColor(0, 0).red() < 10);  // jet starts dark blue
        QVERIFY(h.pixelColor(2, 0).red() > 100 && h.pixelColor(2, 0).blue() < 10);  // and ends dark red
        QCOMPARE(h.pixelColor(1, 0).alpha(), 0);  // normal surface stays visible under the overlay
        QCOMPARE(h.pixelColor(2, 0).alpha(), 255);
    }

    void slidersUpdateWithoutRerunning() {
        if (engine::find_backbone_weights(engine::kDefaultBackbone).empty())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh, or set KENSA_WEIGHTS_DIR)");
        QTemporaryDir tmp;
        for (int i = 0; i < 12; ++i)
            test::writeImage(tmp.filePath(QStringLiteral("good")), QStringLiteral("%1.png").arg(i), {80, 64},
                             i);
        ProjectSession session;
        QCOMPARE(session.create(tmp.filePath(QStringLiteral("p"))), QString());
        project::Project found;
        QVERIFY(project::add_image_folder(found, tmp.filePath(QStringLiteral("good")).toStdString(),
                                          project::ImageRole::Train)
                    .ok());
        session.mergeImages(found);
        auto settings = session.project().settings;
        settings.image_size = 64;
        settings.epochs = 1;
        session.setSettings(settings);

        InspectionPanel panel(&session);
        panel.resize(420, 600);
        panel.show();
        QSignalSpy modelChanged(panel.controller(), &InspectionController::modelChanged);
        QSignalSpy inspected(panel.controller(), &InspectionController::inspected);
        {
            TrainingController trainer(&session);
            trainer.setConfigAdjustment([](engine::TrainingConfig& c) {
                c.features.threads = 1;
                c.adtr.hidden_dim = 64;
                c.adtr.heads = 4;
                c.adtr.encoder_layers = 1;
                c.adtr.decoder_layers = 1;
                c.adtr.feedforward_dim = 128;
                c.normalize_positions = false;  // raw maps are >= 0, so threshold 0 outlines everything
            });
            QSignalSpy trained(&trainer, &TrainingController::finished);
            QVERIFY(trainer.start());
            QVERIFY(trained.wait(180000));
            QCOMPARE(trained.first().at(0).value<TrainingOutcome>(), TrainingOutcome::Finished);
        }
        // Training made its model active; the panel loads it by itself.
        QTRY_VERIFY_WITH_TIMEOUT(panel.controller()->hasModel(), 30000);
        QVERIFY(std::isfinite(panel.controller()->defaultImageThreshold()));
        QCOMPARE(panel.imageThreshold(), panel.controller()->defaultImageThreshold());

        panel.showRow(0);
        QVERIFY(inspected.wait(30000));
        QCOMPARE(panel.controller()->inspections(), 1);
        const auto result = inspected.first().at(0).value<InspectionResult>();
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.map.cols, 80);
        QCOMPARE(result.map.rows, 64);
        QVERIFY(!panel.verdictLabel()->text().isEmpty());

        // Image threshold at 0: every image is NG; at the top, this normal one is OK. No new model run.
        panel.imageThresholdSlider()->setValue(0);
        QCOMPARE(panel.verdictLabel()->text(), QStringLiteral("NG"));
        panel.imageThresholdSlider()->setValue(panel.imageThresholdSlider()->maximum());
        if (result.score < panel.imageThreshold())
            QCOMPARE(panel.verdictLabel()->text(), QStringLiteral("OK"));
        // Pixel threshold at 0: the whole image is outlined.
        panel.pixelThresholdSlider()->setValue(0);
        QCOMPARE(panel.view()->outline().boundingRect(), QRectF(0.5, 0.5, 79, 63));
        QCOMPARE(panel.controller()->inspections(), 1);
        session.flush();
    }
};

QTEST_MAIN(TestInspection)
#include "test_inspection.moc"
