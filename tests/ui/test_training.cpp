// The training panel end to end: a tiny real model trained from the UI (MobileNetV2 weights needed),
// progress and loss reported while the GUI thread stays responsive, a second run cancelled within a
// second leaving nothing behind, and several models kept with one active.
#include "canvas/mask_document.h"
#include "inspection/inspection_controller.h"
#include "inspection/threshold_state.h"
#include "review/batch_controller.h"
#include "review/batch_results.h"
#include "project/project_session.h"
#include "training/catalog_texts.h"
#include "training/loss_plot.h"
#include "training/model_export.h"
#include "training/model_list_model.h"
#include "training/training_controller.h"
#include "training/training_panel.h"
#include "training_fixture.h"
#include "ui_test_support.h"

#include <kensa/methods/adtr/adtr_options.h>
#include <kensa/methods/registry.h>
#include <kensa/methods/training.h>
#include <kensa/model/model_bundle.h>
#include <kensa/model/training_mode.h>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <cmath>
#include <filesystem>

#include <kensa/features/backbone_catalog.h>
#include <kensa/project/project_images.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace kensa;
using namespace kensa::ui;

namespace {

// Longest gap between ticks of a 10 ms timer on the GUI thread while it runs: how long the GUI froze.
class FreezeMeter : public QObject {
public:
    FreezeMeter() {
        connect(&m_timer, &QTimer::timeout, this, [this] { m_worst = std::max(m_worst, m_clock.restart()); });
        m_clock.start();
        m_timer.start(10);
    }
    qint64 worstMs() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_worst = 0;
};

QStringList modelFiles(const ProjectSession& s) {
    return QDir(s.modelsFolder()).entryList(QDir::Files);
}

// Adds test/dent.png to the project and marks a 20 x 20 defect on it with the brush; returns its path,
// empty when something failed.
QString markDefect(ProjectSession& session, const QTemporaryDir& tmp) {
    const QString defect =
        test::writeImage(tmp.filePath(QStringLiteral("test")), QStringLiteral("dent.png"), {80, 64}, 99);
    project::Project found;
    if (!project::add_image_folder(found, tmp.filePath(QStringLiteral("test")).toStdString(), project::ImageRole::Test)
             .ok() ||
        session.mergeImages(found) != 1)
        return {};
    const int row = project::find_image(session.project(), defect.toStdString());
    if (row < 0)
        return {};
    QImage empty(80, 64, QImage::Format_Grayscale8);
    empty.fill(0);
    MaskDocument* doc = session.openDocument(row, empty);
    doc->beginEdit();
    doc->editableMask().fill(0);
    for (int y = 20; y < 40; ++y)
        std::fill_n(doc->editableMask().scanLine(y) + 30, 20, uchar(255));
    doc->touched(QRect(30, 20, 20, 20));
    doc->endEdit(QStringLiteral("brush"));
    return QTest::qWaitFor([&] { return session.image(row).mask_pixels == 400; }) ? defect : QString();
}

}  // namespace

class TestTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        test::isolateSettings();
        if (engine::find_backbone_weights(engine::kDefaultBackbone).empty())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh, or set KENSA_WEIGHTS_DIR)");
    }

    void catalogTextsSayWhatCoreSays() {
        // The app's translatable copy of core's catalogue texts must match core's English for every id, so a
        // method or backbone added or re-worded in core shows up here instead of stale or untranslated.
        const std::string unlisted = "(not in the app's table)";
        for (const engine::Method* m : engine::methods())
            QCOMPARE(CatalogTexts::methodSummary(std::string(m->id()), unlisted),
                     QString::fromUtf8(m->summary().data(), qsizetype(m->summary().size())));
        for (const engine::BackboneInfo& b : engine::backbone_catalog()) {
            QCOMPARE(CatalogTexts::backboneName(b.id, unlisted), QString::fromStdString(b.display_name));
            QCOMPARE(CatalogTexts::backboneDescription(b.id, unlisted), QString::fromStdString(b.description));
        }
    }

    void trainCancelAndKeepModels() {
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp), QString());

        TrainingPanel panel(&session);
        panel.resize(420, 760);
        panel.show();
        QVERIFY(panel.trainButton()->isEnabled());
        QVERIFY(!panel.cancelButton()->isEnabled());
        panel.imageSizeBox()->setValue(64);  // tiny: an 8 x 8 feature grid
        panel.epochsBox()->setValue(2);
        QCOMPARE(session.project().settings.epochs, 2);
        QCOMPARE(session.project().settings.image_size, 64);

        TrainingController* c = panel.controller();
        // A small transformer on one thread: steps of tens of milliseconds even on a busy machine, so
        // the test measures the app's cancel path, not how long one step of the full model takes.
        c->setConfigAdjustment(test::useTinyModel);
        QSignalSpy progressed(c, &TrainingController::progressed);
        QSignalSpy losses(c, &TrainingController::lossReported);
        QSignalSpy finished(c, &TrainingController::finished);
        QStringList stages;
        connect(c, &TrainingController::progressed, this,
                [&stages](double, const QString& text) { stages << text.section(QLatin1Char(' '), 0, 0); });
        {
            FreezeMeter meter;
            QTest::mouseClick(panel.trainButton(), Qt::LeftButton);
            QVERIFY(c->isRunning());
            QVERIFY(panel.cancelButton()->isEnabled());
            QVERIFY(!panel.trainButton()->isEnabled());
            QVERIFY(finished.wait(180000));
            qInfo("GUI thread's longest pause during training: %lld ms", meter.worstMs());
            QVERIFY(meter.worstMs() < 500);
        }
        QCOMPARE(finished.first().at(0).value<TrainingOutcome>(), TrainingOutcome::Finished);
        const QString model = finished.first().at(2).toString();
        QVERIFY(QFileInfo(model).isFile());
        QVERIFY(stages.contains(QStringLiteral("Extracting")));
        QVERIFY(stages.contains(QStringLiteral("Training,")));
        QVERIFY(losses.size() >= 2);  // 8 training images, batch 8, 2 epochs
        QCOMPARE(losses.last().at(2).toInt(), 2);
        QVERIFY(panel.lossPlot()->pointCount() >= 2);
        QCOMPARE(panel.progressBar()->value(), panel.progressBar()->maximum());
        QCOMPARE(panel.models()->rowCount(), 1);
        QCOMPARE(panel.models()->activeRow(), 0);
        QCOMPARE(QString::fromStdString(session.project().settings.active_model),
                 QFileInfo(model).fileName());

        // A long second run, cancelled as soon as training steps arrive: stops within a second and
        // writes nothing.
        panel.epochsBox()->setValue(500);
        finished.clear();
        losses.clear();
        QTest::mouseClick(panel.trainButton(), Qt::LeftButton);
        QVERIFY(losses.wait(120000));
        QElapsedTimer steps;
        steps.start();
        const auto before = losses.size();
        QTRY_VERIFY_WITH_TIMEOUT(losses.size() >= before + 3, 30000);
        qInfo("a training step takes %lld ms", steps.elapsed() / (losses.size() - before));
        qInfo("time left shown: %s",
              qPrintable(c->secondsLeft() >= 0 ? timeLeftText(c->secondsLeft()) : QStringLiteral("?")));
        QElapsedTimer stopping;
        stopping.start();
        QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        qInfo("cancelled after %lld ms", stopping.elapsed());
        QVERIFY(stopping.elapsed() < 1000);
        QCOMPARE(finished.first().at(0).value<TrainingOutcome>(), TrainingOutcome::Cancelled);
        QCOMPARE(modelFiles(session), QStringList{QFileInfo(model).fileName()});  // no temporary left
        QVERIFY(panel.trainButton()->isEnabled());
        QVERIFY(!panel.cancelButton()->isEnabled());

        // A third run adds a second model, which becomes active; the first can be made active again.
        panel.epochsBox()->setValue(1);
        finished.clear();
        QTest::mouseClick(panel.trainButton(), Qt::LeftButton);
        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.first().at(0).value<TrainingOutcome>(), TrainingOutcome::Finished);
        QTRY_COMPARE(panel.models()->rowCount(), 2);
        const QString second = QFileInfo(finished.first().at(2).toString()).fileName();
        QCOMPARE(QString::fromStdString(session.project().settings.active_model), second);
        const int firstRow =
            panel.models()->index(0).data(ModelListModel::PathRole).toString() == model ? 0 : 1;
        panel.models()->setActive(firstRow);
        QCOMPARE(panel.models()->activeRow(), firstRow);
        QCOMPARE(QString::fromStdString(session.project().settings.active_model),
                 QFileInfo(model).fileName());

        // Export the active model, inspect an image with it through kensa-cli, and compare with the app's
        // own map of the same image: the exported file reproduces the app to 1e-5.
        QSignalSpy exported(&panel, &TrainingPanel::exported);
        const QString copy = tmp.filePath(QStringLiteral("elsewhere/shipped.kensa"));
        QDir().mkpath(QFileInfo(copy).path());
        panel.exportModel(firstRow, copy);
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QVERIFY(QFileInfo(copy).size() == QFileInfo(model).size());
        const QString probe =
            test::writeImage(tmp.filePath(QStringLiteral("probe")), QStringLiteral("p.png"), {96, 72}, 7);
        QProcess cli;
        cli.start(QStringLiteral(KENSA_CLI_PATH),
                  {QStringLiteral("infer"), QStringLiteral("--model"), copy, QStringLiteral("--input"),
                   QFileInfo(probe).path(), QStringLiteral("--out"), tmp.filePath(QStringLiteral("maps")),
                   QStringLiteral("--batch"), QStringLiteral("1")});
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const cv::Mat cliMap =
            cv::imread(tmp.filePath(QStringLiteral("maps/p.tiff")).toStdString(), cv::IMREAD_UNCHANGED);
        QCOMPARE(cliMap.type(), CV_32FC1);
        InspectionController app(&session);
        QSignalSpy inspected(&app, &InspectionController::inspected);
        QTRY_VERIFY_WITH_TIMEOUT(app.hasModel(), 30000);
        app.inspect(probe);
        QVERIFY(inspected.wait(60000));
        const auto result = inspected.first().at(0).value<InspectionResult>();
        QCOMPARE(result.error, QString());
        QCOMPARE(result.map.size(), cliMap.size());
        const double difference = cv::norm(result.map, cliMap, cv::NORM_INF);
        qInfo("largest difference between the app's and the CLI's map: %g", difference);
        QVERIFY(difference <= 1e-5);
        QVERIFY(std::isfinite(result.score));

        // A file that is not a model is refused and nothing is written.
        const QString broken = tmp.filePath(QStringLiteral("broken.kensa"));
        QFile(broken).open(QIODevice::WriteOnly);
        QVERIFY(!exportModel(broken, tmp.filePath(QStringLiteral("never.kensa"))).isEmpty());
        QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("never.kensa"))));
        session.flush();
    }

    // A defect marked on the canvas (a mask of the project's own) and synthetic defects switch training to
    // anomaly-available in "Automatic"; "Normal images only" ignores both.
    void trainsWithMarkedAndSyntheticDefects() {
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp), QString());
        const QString defect = markDefect(session, tmp);
        QVERIFY(!defect.isEmpty());

        TrainingPanel panel(&session);
        TrainingController* c = panel.controller();
        QCOMPARE(c->markedDefects().size(), 1);
        QCOMPARE(c->markedDefects().first().image, defect);
        panel.imageSizeBox()->setValue(64);
        panel.epochsBox()->setValue(1);
        panel.syntheticBox()->setChecked(true);
        QVERIFY(session.project().settings.synthetic_defects);
        QCOMPARE(session.project().settings.training_mode, std::string("auto"));
        c->setConfigAdjustment(test::useTinyModel);
        QSignalSpy finished(c, &TrainingController::finished);
        nlohmann::json record;  // the last model's training record
        const auto trainedMode = [&] {
            finished.clear();
            if (!c->start() || !finished.wait(180000))
                return std::string("did not run");
            if (finished.first().at(0).value<TrainingOutcome>() != TrainingOutcome::Finished)
                return finished.first().at(1).toString().toStdString();
            const auto bundle = model::load_bundle(finished.first().at(2).toString().toStdString());
            record = nlohmann::json::parse(bundle.training_json);
            return record.value("mode", std::string("?"));
        };
        QCOMPARE(QString::fromStdString(trainedMode()), QStringLiteral("anomaly-available"));
        // Images are recorded relative to the project folder, never with the user's absolute paths.
        const auto images = record.at("training_images").get<std::vector<std::string>>();
        QCOMPARE(int(images.size()), 13);
        QCOMPARE(QString::fromStdString(images.front()), QStringLiteral("../good/0.png"));
        QCOMPARE(QString::fromStdString(images.back()), QStringLiteral("../test/dent.png"));
        for (const auto& path : images)
            QVERIFY2(!std::filesystem::path(path).is_absolute(), path.c_str());
        QVERIFY(panel.statusLabel()->text().contains(QStringLiteral("1 marked defect")));

        // What the Synthetic Defects panel shows is what trains: only its ticked generator, its parameters.
        auto settings = session.project().settings;
        settings.synthetic_generators = std::vector<project::SyntheticGeneratorSetting>{{"scratch", {{"max_width", 3.0}}}};
        session.setSettings(settings);
        QCOMPARE(QString::fromStdString(trainedMode()), QStringLiteral("anomaly-available"));
        const auto generators = record.at("anomaly").at("synthetic").at("generators");
        QCOMPARE(int(generators.size()), 1);
        QCOMPARE(QString::fromStdString(generators[0].at("id").get<std::string>()), QStringLiteral("scratch"));
        QCOMPARE(generators[0].at("params").at("max_width").get<double>(), 3.0);
        settings.synthetic_generators = std::vector<project::SyntheticGeneratorSetting>{};  // none ticked
        session.setSettings(settings);
        QVERIFY(c->cannotStartReason().contains(QStringLiteral("no generator is ticked")));
        settings.synthetic_generators.reset();
        session.setSettings(settings);

        // The batch review leaves out the defect the model trained on (its metrics would be flattered).
        ThresholdState thresholds;
        BatchController batch(&session, &thresholds);
        QSignalSpy batchDone(&batch, &BatchController::finished);
        QVERIFY(batch.start());
        QVERIFY(batchDone.wait(120000));
        QVERIFY2(batchDone.first().at(0).toBool(), qPrintable(batchDone.first().at(1).toString()));
        QCOMPARE(batch.results()->trainedOn, 1);
        QCOMPARE(int(batch.results()->images.size()), 0);  // the only test image was trained on

        panel.modeBox()->setCurrentIndex(panel.modeBox()->findData(QStringLiteral("normal")));
        QCOMPARE(session.project().settings.training_mode, std::string("normal"));
        QVERIFY(!panel.syntheticBox()->isEnabled());
        QCOMPARE(QString::fromStdString(trainedMode()), QStringLiteral("normal-only"));
        session.flush();
    }

    // "Refine" starts from the selected model (the recipe of kensa-cli train --refine: its transformer, the
    // project's defects, kRefinementEpochs epochs), keeps its backbone and image size whatever the panel
    // shows, records where it started and becomes active; other methods cannot refine.
    void refinesTheSelectedModel() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp), QString());
        TrainingPanel panel(&session);
        QCOMPARE(test::trainTinyModel(session, 64), QString());  // normal-only: nothing marked yet
        const QString start = QDir(session.modelsFolder()).filePath(
            QString::fromStdString(session.project().settings.active_model));
        QVERIFY(!markDefect(session, tmp).isEmpty());

        TrainingController* c = panel.controller();
        c->setConfigAdjustment(test::useTinyModel);
        QTRY_COMPARE(panel.models()->rowCount(), 1);
        QVERIFY(!panel.refineButton()->isEnabled());  // no model selected
        panel.modelList()->setCurrentIndex(panel.models()->index(0));
        QVERIFY(panel.refineButton()->isEnabled());
        panel.methodBox()->setCurrentIndex(panel.methodBox()->findData(QStringLiteral("padim")));
        QVERIFY(!panel.refineButton()->isEnabled());
        QVERIFY(panel.refineButton()->toolTip().contains(QStringLiteral("Only ADTR models")));
        panel.methodBox()->setCurrentIndex(panel.methodBox()->findData(QStringLiteral("adtr")));
        QVERIFY(panel.refineButton()->isEnabled());
        panel.imageSizeBox()->setValue(96);  // for the next new model; the refinement keeps the model's 64

        QSignalSpy finished(c, &TrainingController::finished);
        QTest::mouseClick(panel.refineButton(), Qt::LeftButton);
        QVERIFY(c->isRunning());
        QVERIFY(finished.wait(180000));
        QVERIFY2(finished.first().at(0).value<TrainingOutcome>() == TrainingOutcome::Finished,
                 qPrintable(finished.first().at(1).toString()));
        const QString refined = finished.first().at(2).toString();
        QCOMPARE(QFileInfo(refined).fileName(), QFileInfo(start).completeBaseName() + QStringLiteral("-refined.kensa"));
        QCOMPARE(QString::fromStdString(session.project().settings.active_model), QFileInfo(refined).fileName());
        QVERIFY2(panel.statusLabel()->text().contains(QStringLiteral("Refined from ") + QFileInfo(start).fileName()),
                 qPrintable(panel.statusLabel()->text()));
        const auto bundle = model::load_bundle(refined.toStdString());
        QCOMPARE(bundle.image_size, 64);
        const auto record = nlohmann::json::parse(bundle.training_json);
        QCOMPARE(record.value("epochs", 0), adtr::AdtrOptions::kRefinementEpochs);
        QCOMPARE(record.value("mode", std::string()), std::string("anomaly-available"));
        QCOMPARE(QString::fromStdString(record.at("refined_from").at("model").get<std::string>()), start);
        QCOMPARE(QString::fromStdString(record.at("refined_from").at("checksum").get<std::string>()),
                 QString::fromStdString(model::tensor_checksum(model::load_bundle(start.toStdString()).tensors)));

        // Refined again: a name of its own beside the first refinement.
        finished.clear();
        QVERIFY(c->refine(start));
        QVERIFY(finished.wait(180000));
        QCOMPARE(QFileInfo(finished.first().at(2).toString()).fileName(),
                 QFileInfo(start).completeBaseName() + QStringLiteral("-refined-2.kensa"));
        QCOMPARE(modelFiles(session).size(), 3);
        session.flush();
    }

    void trainsAReferenceMethod() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp), QString());
        TrainingPanel panel(&session);
        panel.methodBox()->setCurrentIndex(panel.methodBox()->findData(QStringLiteral("patchcore")));
        QCOMPARE(session.project().settings.method, std::string("patchcore"));
        QVERIFY(!panel.epochsBox()->isEnabled());  // ADTR's
        panel.imageSizeBox()->setValue(64);
        TrainingController* c = panel.controller();
        c->setConfigAdjustment(test::useTinyModel);
        QSignalSpy finished(c, &TrainingController::finished);
        QVERIFY(c->start());
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).value<TrainingOutcome>(), TrainingOutcome::Finished);
        const QString path = finished.first().at(2).toString();
        QVERIFY2(QFileInfo(path).fileName().startsWith(QStringLiteral("patchcore-mobilenet_v2-64px-")),
                 qPrintable(path));
        QCOMPARE(QString::fromStdString(model::load_bundle(path.toStdString()).method), QStringLiteral("patchcore"));
        session.flush();
    }

    // The diffusion denoiser trains for epochs of its own: the box shows the chosen method's (ADTR's stay as
    // they were), they reach the engine, and the model records them.
    void trainsTheDiffusionDenoiserForItsOwnEpochs() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp), QString());
        TrainingPanel panel(&session);
        const int adtrEpochs = session.project().settings.epochs;
        QCOMPARE(panel.epochsBox()->value(), adtrEpochs);
        panel.methodBox()->setCurrentIndex(panel.methodBox()->findData(QStringLiteral("diffusion")));
        QCOMPARE(panel.epochsBox()->value(), 150);  // its default, not ADTR's
        QVERIFY(panel.epochsBox()->isEnabled());
        QVERIFY(!panel.modeBox()->isEnabled());  // defects are ADTR's
        panel.epochsBox()->setValue(3);
        QCOMPARE(session.project().settings.diffusion_epochs, 3);
        QCOMPARE(session.project().settings.epochs, adtrEpochs);
        panel.methodBox()->setCurrentIndex(panel.methodBox()->findData(QStringLiteral("adtr")));
        QCOMPARE(panel.epochsBox()->value(), adtrEpochs);
        QCOMPARE(session.project().settings.diffusion_epochs, 3);
        panel.methodBox()->setCurrentIndex(panel.methodBox()->findData(QStringLiteral("diffusion")));
        QCOMPARE(panel.epochsBox()->value(), 3);

        panel.imageSizeBox()->setValue(64);
        const auto trained = test::trainCapturingConfig(*panel.controller());
        QCOMPARE(trained.error, QString());
        QCOMPARE(trained.config.diffusion.epochs, 3);
        QVERIFY2(QFileInfo(trained.modelPath).fileName().startsWith(QStringLiteral("diffusion-mobilenet_v2-64px-")),
                 qPrintable(trained.modelPath));
        const auto bundle = model::load_bundle(trained.modelPath.toStdString());
        QCOMPARE(QString::fromStdString(bundle.method), QStringLiteral("diffusion"));
        QCOMPARE(nlohmann::json::parse(bundle.training_json).value("epochs", 0), 3);
        session.flush();
    }

    // The "Large images" setting reaches the engine and the model: tiles of a fixed side, or sized for the
    // smallest defect; the whole image again when switched back.
    void trainsOnTilesWhenAsked() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp), QString());
        TrainingPanel panel(&session);
        panel.methodBox()->setCurrentIndex(panel.methodBox()->findData(QStringLiteral("patchcore")));
        panel.imageSizeBox()->setValue(64);
        QVERIFY(!panel.tilePixelsBox()->isEnabled());  // the whole image: nothing to size
        panel.tilingBox()->setCurrentIndex(panel.tilingBox()->findData(QStringLiteral("smallest_defect")));
        panel.tilePixelsBox()->setValue(12);
        QCOMPARE(session.project().settings.smallest_defect, 12);
        QCOMPARE(session.project().settings.tile, 0);
        panel.tilingBox()->setCurrentIndex(panel.tilingBox()->findData(QStringLiteral("tile")));
        panel.tilePixelsBox()->setValue(96);
        QVERIFY(panel.tilePixelsBox()->isEnabled());
        QCOMPARE(session.project().settings.tile, 96);
        QCOMPARE(session.project().settings.smallest_defect, 0);

        const auto trained = test::trainCapturingConfig(*panel.controller());
        QCOMPARE(trained.error, QString());
        QCOMPARE(trained.config.tiling.tile, 96);
        const auto bundle = model::load_bundle(trained.modelPath.toStdString());
        QCOMPARE(bundle.tiling.tile, 96);
        QCOMPARE(bundle.tiling.overlap, 12);  // the default: an eighth

        panel.tilingBox()->setCurrentIndex(0);
        QCOMPARE(session.project().settings.tile, 0);
        QVERIFY(!panel.tilePixelsBox()->isEnabled());
        session.flush();
    }

    // One set of defaults for the CLI and the app: a new project trains what kensa-cli train does.
    void newProjectsTrainWithTheEngineDefaults() {
        const project::ProjectSettings project;
        const engine::TrainingConfig engine;
        QCOMPARE(project.method, engine.method);
        QCOMPARE(project.backbone, engine.features.backbone);
        QCOMPARE(project.image_size, engine.features.image_size);
        QCOMPARE(project.epochs, engine.adtr.epochs);
        QCOMPARE(project.diffusion_epochs, engine.diffusion.epochs);
        QCOMPARE(project.synthetic_defects, engine.adtr.anomaly.synthetic);
        QCOMPARE(project.synthetic_share, engine.adtr.anomaly.synthetic_share);
        QCOMPARE(project.training_mode, std::string(model::to_string(engine.adtr.anomaly.mode)));
        QCOMPARE(project.tile, engine.tiling.tile);
        QCOMPARE(project.smallest_defect, engine.smallest_defect);
    }

    void needsEnoughImages() {
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(session.create(tmp.filePath(QStringLiteral("p"))), QString());
        TrainingPanel panel(&session);
        QVERIFY(!panel.trainButton()->isEnabled());
        QVERIFY(panel.controller()->cannotStartReason().contains(QStringLiteral("at least")));
        QVERIFY(!panel.controller()->start());
    }

    void timeLeftReadsNaturally() {
        QCOMPARE(timeLeftText(-1), QString());
        QCOMPARE(timeLeftText(3), QStringLiteral("a few seconds left"));
        QCOMPARE(timeLeftText(12), QStringLiteral("about 12 s left"));
        QCOMPARE(timeLeftText(83), QStringLiteral("about 1 min 20 s left"));
        QCOMPARE(timeLeftText(1800), QStringLiteral("about 30 min left"));
    }
};

QTEST_MAIN(TestTraining)
#include "test_training.moc"
