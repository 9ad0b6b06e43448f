// An image-classification project in the app (issue 19): the task chosen in the training panel and kept
// in the project, training with the paper's tiny-image setting, crisp thumbnails of tiny images, mask
// tools off with a reason, and a review whose pixel panels say they do not apply while the image AUROC
// is computed.

#include "browser/thumbnail_cache.h"
#include "canvas/annotation_controller.h"
#include "canvas/annotation_panel.h"
#include "inspection/inspection_panel.h"
#include "inspection/threshold_slider.h"
#include "inspection/threshold_state.h"
#include "main/main_window.h"
#include "plot_style.h"
#include "project/project_session.h"
#include "review/batch_controller.h"
#include "review/comparison_view.h"
#include "review/review_panel.h"
#include "review/review_plots.h"
#include "synthetic/synthetic_panel.h"
#include "training/training_controller.h"
#include "training/training_panel.h"
#include "review_fixture.h"
#include "training_fixture.h"
#include "ui_test_support.h"

#include <kensa/model/model_bundle.h>

#include <nlohmann/json.hpp>

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QSet>
#include <QSpinBox>
#include <QTest>
#include <QTemporaryDir>

#include <cmath>

using namespace kensa;
using namespace kensa::ui;

namespace {

// A 28 x 28 grey image: normal ones a soft gradient with a seeded texture, anomalous ones a bright bar
// across (a different "class" as a whole, not a local defect).
QString writeTinyImage(const QString& folder, const QString& name, int seed, bool anomalous) {
    QDir().mkpath(folder);
    QImage img(28, 28, QImage::Format_Grayscale8);
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 28; ++x) {
            int v = 90 + x + ((x * 7 + y * 13 + seed * 31) % 17);
            if (anomalous && y >= 10 && y < 18)
                v = 230;
            img.setPixel(x, y, qRgb(v, v, v));
        }
    const QString path = QDir(folder).filePath(name);
    img.save(path);
    return path;
}

// A classification project at 32 px: 12 normal and 2 anomalous training images, 4 normal and 4 anomalous
// test images, all 28 x 28 and without masks. Returns an empty string or what failed.
QString createClassificationProject(ProjectSession& session, const QTemporaryDir& tmp) {
    if (const QString error = session.create(tmp.filePath(QStringLiteral("p"))); !error.isEmpty())
        return error;
    project::Project found;
    const auto add = [&](const QString& folder, int i, project::ImageRole role, bool anomalous) {
        project::ImageEntry e;
        e.path = writeTinyImage(tmp.filePath(folder), QStringLiteral("%1.png").arg(i), i, anomalous).toStdString();
        e.role = role;
        e.label = anomalous ? project::Label::Defect : project::Label::Normal;
        if (anomalous)
            e.defect_type = "other";
        found.images.push_back(e);
    };
    for (int i = 0; i < 12; ++i)
        add(QStringLiteral("train/good"), i, project::ImageRole::Train, false);
    for (int i = 0; i < 2; ++i)
        add(QStringLiteral("train/other"), 100 + i, project::ImageRole::Train, true);
    for (int i = 0; i < 4; ++i) {
        add(QStringLiteral("test/good"), 200 + i, project::ImageRole::Test, false);
        add(QStringLiteral("test/other"), 300 + i, project::ImageRole::Test, true);
    }
    project::ensure_defect_type(found, "other");
    if (session.mergeImages(found) != int(found.images.size()))
        return QStringLiteral("images were not added");
    auto settings = session.project().settings;
    settings.task = project::ProjectTask::Classification;
    settings.image_size = 32;
    settings.epochs = 1;
    session.setSettings(settings);
    return {};
}

}  // namespace

class TestClassification : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    void taskRoundTripsThroughThePanelIntoTheProject() {
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp), QString());
        TrainingPanel panel(&session);
        QCOMPARE(session.project().settings.task, project::ProjectTask::Inspection);
        QCOMPARE(panel.imageSizeBox()->minimum(), 64);
        QVERIFY(panel.tilingBox()->isEnabled());

        panel.taskBox()->setCurrentIndex(panel.taskBox()->findData(QStringLiteral("classification")));
        QCOMPARE(session.project().settings.task, project::ProjectTask::Classification);
        QCOMPARE(session.project().settings.image_size, 32);  // 224 does not fit: the task's preferred size
        QCOMPARE(panel.imageSizeBox()->minimum(), 16);
        QCOMPARE(panel.imageSizeBox()->maximum(), 48);
        QCOMPARE(panel.imageSizeBox()->singleStep(), 16);
        QVERIFY(!panel.tilingBox()->isEnabled());
        QVERIFY(panel.tilingBox()->toolTip().contains(QStringLiteral("image classification")));
        QVERIFY(!panel.regionLabel()->isEnabled());
        panel.imageSizeBox()->setValue(48);
        QCOMPARE(session.project().settings.image_size, 48);

        // Kept in kensa-project.json: a reopened project shows it.
        const QString folder = session.folder();
        session.close();
        QCOMPARE(session.open(folder), QString());
        QCOMPARE(session.project().settings.task, project::ProjectTask::Classification);
        QCOMPARE(panel.taskBox()->currentData().toString(), QStringLiteral("classification"));
        QCOMPARE(panel.imageSizeBox()->value(), 48);

        panel.taskBox()->setCurrentIndex(panel.taskBox()->findData(QStringLiteral("inspection")));
        QCOMPARE(session.project().settings.task, project::ProjectTask::Inspection);
        QCOMPARE(session.project().settings.image_size, 224);
        QCOMPARE(panel.imageSizeBox()->minimum(), 64);
        QVERIFY(panel.tilingBox()->isEnabled());

        // Set elsewhere (the new-project dialog): the panel follows the project.
        auto settings = session.project().settings;
        settings.task = project::ProjectTask::Classification;
        settings.image_size = 16;
        session.setSettings(settings);
        QCOMPARE(panel.taskBox()->currentData().toString(), QStringLiteral("classification"));
        QCOMPARE(panel.imageSizeBox()->value(), 16);
        QCOMPARE(session.project().settings.image_size, 16);
    }

    void trainingAppliesTheTinyImageSetting() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh, or set KENSA_WEIGHTS_DIR)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(createClassificationProject(session, tmp), QString());
        auto settings = session.project().settings;
        settings.tile = 64;  // left from inspection: does not apply, must not reach training
        session.setSettings(settings);

        TrainingController trainer(&session);
        QCOMPARE(trainer.markedDefects().size(), 2);  // the anomalous training images, whole
        QVERIFY(trainer.markedDefects().first().mask.isEmpty());
        const auto trained = test::trainCapturingConfig(trainer);
        QCOMPARE(trained.error, QString());
        const engine::TrainingConfig& used = trained.config;
        QCOMPARE(used.features.image_size, 32);
        QCOMPARE(used.features.grid_size, 8);
        QCOMPARE(used.map.score_pool, 0);
        QCOMPARE(used.map.gaussian_sigma, 0.0);
        QCOMPARE(used.tiling.tile, 0);
        QVERIFY(!used.adtr.anomaly.synthetic);
        QVERIFY(trained.message.contains(QStringLiteral("anomaly-available: 2 anomalous image")));

        const auto bundle = model::load_bundle(trained.modelPath.toStdString());
        QCOMPARE(bundle.image_size, 32);
        QCOMPARE(bundle.score_pool, 0);  // the image score is the mean of the map
        QCOMPARE(bundle.gaussian_sigma, 0.0);
        QCOMPARE(nlohmann::json::parse(bundle.settings_json).at("grid").get<int>(), 8);
        const auto record = nlohmann::json::parse(bundle.training_json);
        QCOMPARE(record.at("mode").get<std::string>(), std::string("anomaly-available"));
    }

    void tinyImageThumbnailsHaveCrispPixels() {
        QTemporaryDir tmp;
        QImage board(28, 28, QImage::Format_RGB888);
        const QRgb dark = qRgb(40, 60, 80), light = qRgb(220, 200, 180);
        for (int y = 0; y < 28; ++y)
            for (int x = 0; x < 28; ++x)
                board.setPixel(x, y, (x + y) % 2 ? dark : light);
        const QString path = tmp.filePath(QStringLiteral("board.png"));
        QVERIFY(board.save(path));

        const auto thumbnailOf = [&](ThumbnailCache& cache) {
            QSignalSpy ready(&cache, &ThumbnailCache::ready);
            QImage thumb = cache.thumbnail(path);
            if (thumb.isNull() && ready.wait(10000))
                thumb = cache.thumbnail(path);
            return thumb;
        };
        const QString disk = tmp.filePath(QStringLiteral("thumbnails"));
        for (int round = 0; round < 2; ++round) {  // the second from a fresh cache on the same disk folder
            ThumbnailCache cache(112);
            cache.setDiskCacheDir(disk);
            const QImage thumb = thumbnailOf(cache).convertToFormat(QImage::Format_RGB32);
            QCOMPARE(thumb.size(), QSize(112, 112));  // 28 x 4
            QSet<QRgb> colours;
            for (int y = 0; y < thumb.height(); ++y)
                for (int x = 0; x < thumb.width(); ++x)
                    colours.insert(thumb.pixel(x, y) | 0xff000000);
            QCOMPARE(colours, (QSet<QRgb>{dark | 0xff000000, light | 0xff000000}));
            QCOMPARE(thumb.pixel(3, 0) | 0xff000000, light | 0xff000000);  // a 4 x 4 block per pixel
            QCOMPARE(thumb.pixel(4, 0) | 0xff000000, dark | 0xff000000);
        }
    }

    void maskToolsAreOffWithAReasonAndLabelsStillWork() {
        QTemporaryDir tmp;
        MainWindow w;
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ProjectSession* session = w.session();
        QCOMPARE(createClassificationProject(*session, tmp), QString());
        const QString folder = session->folder();
        session->close();
        QCOMPARE(session->open(folder), QString());  // as a user opens it: the window enables its actions

        for (QAction* a : w.annotation()->toolActions()->actions())
            QVERIFY2(!a->isEnabled(), qPrintable(a->text()));
        QVERIFY(!w.annotation()->masksApply());
        auto* panel = w.findChild<AnnotationPanel*>();
        QVERIFY(panel);
        QVERIFY(panel->noMasksLabel()->isVisibleTo(panel));
        QVERIFY(panel->noMasksLabel()->text().contains(QStringLiteral("image classification")));

        // The anomalous training images are what ADTR+ learns from here: the project is anomaly-available.
        QCOMPARE(session->mode(), project::TrainingMode::AnomalyAvailable);
        // Synthetic defects are local: their panel says they do not apply.
        bool syntheticNote = false;
        for (QLabel* l : w.syntheticPanel()->findChildren<QLabel*>())
            syntheticNote |= l->isVisibleTo(w.syntheticPanel()) &&
                             l->text().startsWith(QStringLiteral("Synthetic defects do not apply"));
        QVERIFY(syntheticNote);

        session->setLabel(0, project::Label::Defect, QStringLiteral("other"));
        QCOMPARE(session->image(0).label, project::Label::Defect);

        // Back to inspection: the tools come back.
        auto settings = session->project().settings;
        settings.task = project::ProjectTask::Inspection;
        session->setSettings(settings);
        QVERIFY(w.annotation()->masksApply());
        for (QAction* a : w.annotation()->toolActions()->actions())
            QVERIFY(a->isEnabled());
        QVERIFY(!panel->noMasksLabel()->isVisibleTo(panel));
    }

    void comparisonLeavesOutThePixelMetrics() {
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(createClassificationProject(session, tmp), QString());
        ComparisonView view(&session);
        view.show();
        QVERIFY(view.imageLevelNote()->isVisible());
        QVERIFY(view.table()->isColumnHidden(ComparisonView::PixelAurocColumn));
        QVERIFY(view.table()->isColumnHidden(ComparisonView::AuproColumn));
        QVERIFY(!view.plot(ComparisonView::PixelRoc)->isVisible());
        QVERIFY(view.plot(ComparisonView::ImageRoc)->isVisible());
    }

    void reviewSaysPixelPanelsDoNotApplyAndComputesImageAuroc() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh, or set KENSA_WEIGHTS_DIR)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(createClassificationProject(session, tmp), QString());
        test::ReviewPanels panels(&session);
        auto& [state, inspection, review, plots] = panels;
        plots.show();
        QCOMPARE(test::trainTinyModel(session, 32), QString());
        QTRY_VERIFY_WITH_TIMEOUT(inspection.controller()->hasModel(), 30000);
        QVERIFY(inspection.imageLevelNote()->isVisible());
        QVERIFY(!inspection.pixelThresholdSlider()->isVisible());

        QSignalSpy finished(review.batch(), &BatchController::finished);
        review.runButton()->click();
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const BatchResultsPtr results = review.batch()->results();
        QVERIFY(results->imageLevelOnly);
        QCOMPARE(int(results->images.size()), 8);
        QVERIFY(results->run.evaluation.has_value());
        const double auroc = results->run.evaluation->overall.image_auroc;
        QVERIFY2(std::isfinite(auroc) && auroc >= 0.0 && auroc <= 1.0, qPrintable(QString::number(auroc)));
        QVERIFY(!results->run.evaluation->overall.image_roc.empty());
        QVERIFY(review.summaryLabel()->text().contains(QStringLiteral("do not apply to image classification")));
        QVERIFY(!review.summaryLabel()->text().contains(QStringLiteral("AU-PRO")));

        QVERIFY(plots.notApplicableNote()->isVisible());
        QVERIFY(plots.notApplicableNote()->text().contains(QStringLiteral("do not apply to image classification")));
        QVERIFY(!plots.plot(ReviewPlots::PixelRoc)->isVisible());
        QVERIFY(!plots.plot(ReviewPlots::Pro)->isVisible());
        QVERIFY(plots.plot(ReviewPlots::ImageRoc)->isVisible());
        QVERIFY(plots.plot(ReviewPlots::Histogram)->isVisible());
        QCOMPARE(plots.renderPngs(QSize(300, 200), ReviewPlots::Style::Screen, 1.0).size(), 2);

        // The report leaves the pixel threshold, metrics and heatmaps out and says why.
        QSignalSpy written(&review, &ReviewPanel::reportWritten);
        const QString html = tmp.filePath(QStringLiteral("report.html"));
        review.exportReport(html);
        QVERIFY(written.wait(60000));
        QCOMPARE(written.first().at(1).toString(), QString());
        const QString text = QString::fromUtf8(test::readAll(html));
        QVERIFY(text.contains(QStringLiteral("Pixel metrics do not apply to image classification")));
        QVERIFY(!text.contains(QStringLiteral("pixel AUROC")));
        QVERIFY(!text.contains(QStringLiteral("Pixel (outlined as defect)")));
        QVERIFY(QFileInfo(ReportWriter::pdfPathFor(html)).size() > 0);
    }
};

QTEST_MAIN(TestClassification)
#include "test_classification.moc"
