#include "review/batch_controller.h"

#include "inspection/threshold_state.h"
#include "project/project_session.h"

#include <kensa/base/error.h>
#include <kensa/methods/training.h>
#include <kensa/postprocess/thresholds.h>
#include <kensa/engine/inspector.h>

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QtConcurrent/QtConcurrent>

#include <cmath>
#include <optional>
#include <set>

namespace kensa::ui {

namespace {

postprocess::Truth truthOf(const project::ImageEntry& e) {
    switch (e.label) {
        case project::Label::Normal:
            return postprocess::Truth::Normal;
        case project::Label::Defect:
            return postprocess::Truth::Defect;
        case project::Label::Unlabelled:
            break;
    }
    return postprocess::Truth::Unknown;
}

// Everything of a bundle but its tensors (which can be 100+ MB): what the report says about the model.
model::ModelBundle describedModel(const model::ModelBundle& b) {
    model::ModelBundle d;
    d.method = b.method;
    d.settings_json = b.settings_json;
    d.backbone = b.backbone;
    d.backbone_weights_checksum = b.backbone_weights_checksum;
    d.image_size = b.image_size;
    d.first_feature_stage = b.first_feature_stage;
    d.gaussian_sigma = b.gaussian_sigma;
    d.score_pool = b.score_pool;
    d.thresholds = b.thresholds;
    d.training_json = b.training_json;
    return d;
}

}  // namespace

BatchController::BatchController(ProjectSession* session, ThresholdState* thresholds, QObject* parent)
    : QObject(parent), m_session(session), m_thresholds(thresholds) {
    connect(&m_watcher, &QFutureWatcher<BatchOutcome>::finished, this, &BatchController::onFinished);
    connect(session, &ProjectSession::aboutToClose, this, [this] {
        cancel();
        clearResults();
    });
    connect(session, &ProjectSession::settingsChanged, this, [this] {
        if (m_results && m_results->modelPath != activeModelPath())
            clearResults();  // verdicts of another model mean nothing for the new one
    });
}

BatchController::~BatchController() {
    cancel();
    m_watcher.waitForFinished();
}

QString BatchController::activeModelPath() const {
    if (!m_modelPath.isEmpty())
        return m_modelPath;
    if (!m_session->isOpen() || m_session->project().settings.active_model.empty())
        return {};
    return QDir(m_session->modelsFolder())
        .filePath(QString::fromStdString(m_session->project().settings.active_model));
}

QList<int> BatchController::batchRows() const {
    QList<int> test, all;
    for (int r = 0; r < m_session->imageCount(); ++r) {
        all << r;
        if (m_session->image(r).role == project::ImageRole::Test)
            test << r;
    }
    return test.isEmpty() ? all : test;
}

QString BatchController::cannotStartReason() const {
    if (!m_session->isOpen())
        return tr("Open a project first.");
    if (isRunning())
        return tr("A batch inspection is running.");
    if (activeModelPath().isEmpty())
        return tr("No active model. Train one in the Training panel.");
    if (m_session->imageCount() == 0)
        return tr("The project has no images.");
    return {};
}

bool BatchController::start() {
    if (const QString reason = cannotStartReason(); !reason.isEmpty()) {
        Q_EMIT finished(false, reason);
        return false;
    }
    const QString modelPath = activeModelPath();
    auto results = std::make_shared<BatchResults>();
    results->modelPath = modelPath;
    results->imageLevelOnly = m_session->project().settings.task == project::ProjectTask::Classification;
    std::vector<engine::InspectionItem> items;
    std::vector<std::string> recorded;  // each item as a model records it, to leave out what it trained on
    const QDir projectDir(m_session->folder());
    for (int row : batchRows()) {
        const project::ImageEntry& e = m_session->image(row);
        const QString path = m_session->imagePath(row);
        // "hole/001.png": test images of different defect types often share file names.
        const QFileInfo info(path);
        BatchImage image{row, path, info.dir().dirName() + QLatin1Char('/') + info.fileName(), truthOf(e),
                         QString::fromStdString(e.defect_type)};
        engine::InspectionItem item{path.toStdString(), image.truth, e.defect_type, {}};
        // The project's own annotation wins over imported ground truth, as everywhere in Kensa.
        if (image.truth == postprocess::Truth::Defect && !results->imageLevelOnly)
            item.mask = !e.mask.empty()
                            ? std::filesystem::path(
                                  projectDir.filePath(QString::fromStdString(e.mask.string())).toStdString())
                            : e.source_mask;
        results->images.push_back(std::move(image));
        items.push_back(std::move(item));
        recorded.push_back(project::recorded_image_path(m_session->project(), projectDir.path().toStdString(), e.path));
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto cancel = m_cancel;
    QPointer<BatchController> self(this);
    const int mapSide = m_mapSide;
    m_clock.start();
    const int count = int(results->images.size());  // the worker may leave some out: read it now
    m_watcher.setFuture(QtConcurrent::run([results, items = std::move(items), recorded = std::move(recorded), alsoExcluded = m_alsoExcluded, cancel, self, modelPath,
                                           mapSide] {
        const auto progress = [cancel, self](const Progress& p) {
            // Queued to the GUI thread; the controller waits for this worker before it goes away.
            QMetaObject::invokeMethod(
                self.data(),
                [self, done = int(p.done), total = int(p.total), stage = QString::fromStdString(p.stage)] {
                    if (self)
                        Q_EMIT self->progressed(done, total, stage);
                },
                Qt::QueuedConnection);
            return !cancel->load();
        };
        BatchOutcome outcome;
        try {
            // One thread: the machine may be training meanwhile, and LibTorch's setting is process-wide.
            engine::Inspector inspector = engine::Inspector::load(modelPath.toStdString(), 1);
            // Images the model trained on (marked defects) would flatter its metrics: leave them out.
            results->model = describedModel(inspector.bundle());
            const auto trained = engine::evaluation_exclusions(inspector.bundle().training_json);
            std::set<std::string> excluded(trained.begin(), trained.end());
            excluded.insert(alsoExcluded.begin(), alsoExcluded.end());
            std::vector<engine::InspectionItem> kept;
            std::vector<BatchImage> keptImages;
            for (size_t i = 0; i < items.size(); ++i) {
                if (excluded.count(recorded[i])) {
                    ++results->trainedOn;
                    continue;
                }
                kept.push_back(items[i]);
                keptImages.push_back(results->images[i]);
            }
            results->images = std::move(keptImages);
            engine::InspectionRunConfig config;
            config.map_side = mapSide;
            results->run = engine::run_inspection(inspector, kept, config, progress);
            results->index();
            outcome.results = results;
        } catch (const Cancelled&) {
        } catch (const std::exception& e) {
            outcome.error = QString::fromStdString(e.what());
        }
        return outcome;
    }));
    Q_EMIT started(count);
    return true;
}

void BatchController::cancel() {
    if (m_cancel)
        m_cancel->store(true);
}

void BatchController::clearResults() {
    if (!m_results)
        return;
    m_results.reset();
    Q_EMIT resultsChanged();
}

void BatchController::onFinished() {
    BatchOutcome outcome = m_watcher.result();
    if (!outcome.results) {
        Q_EMIT finished(false, outcome.error);
        return;
    }
    if (outcome.results->modelPath != activeModelPath()) {  // the model changed while it ran
        Q_EMIT finished(false, tr("The active model changed during the inspection; run it again."));
        return;
    }
    outcome.results->seconds = m_clock.elapsed() / 1000.0;
    const engine::InspectionRun& run = outcome.results->run;
    m_thresholds->observeScores(run.score_min, run.score_max);
    m_thresholds->observeMapValues(run.map_min, run.map_max);
    if (run.evaluation) {
        const auto f1 = postprocess::f1_optimal_thresholds(*run.evaluation);
        m_thresholds->setF1Optimal(f1.image, f1.pixel);
    }
    m_results = std::move(outcome.results);
    Q_EMIT resultsChanged();
    Q_EMIT finished(true, {});
}

}  // namespace kensa::ui
