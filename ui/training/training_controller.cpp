#include "training/training_controller.h"

#include <kensa/engine/one_class.h>
#include <kensa/methods/adtr/adtr_options.h>
#include <kensa/methods/registry.h>

#include "canvas/mask_document.h"
#include "project/project_session.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace kensa::ui {

namespace {

// Share of the whole run each stage stands for (measured on the sample product: features take a
// few seconds, training the rest).
struct StageSpan {
    const char* stage;
    double from;
    double to;
};
constexpr StageSpan k_spans[] = {{"loading", 0.00, 0.05},
                                 {"features", 0.05, 0.20},
                                 {"training", 0.20, 0.96},
                                 {"positions", 0.96, 0.98},
                                 {"thresholds", 0.98, 0.99},
                                 {"saving", 0.99, 1.00}};

}  // namespace

TrainingController::TrainingController(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_cancel(std::make_shared<std::atomic<bool>>(false)) {
    qRegisterMetaType<TrainingProgress>();
    qRegisterMetaType<TrainingOutcome>();
    m_worker = new TrainingWorker(m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TrainingWorker::progress, this, &TrainingController::onProgress);
    connect(m_worker, &TrainingWorker::finished, this, &TrainingController::onFinished);
    // A project closing under a running training: stop it (its model would land in a closed project).
    connect(session, &ProjectSession::aboutToClose, this, &TrainingController::cancel);
    m_thread.setObjectName(QStringLiteral("kensa-training"));
    m_thread.start(QThread::LowPriority);
}

TrainingController::~TrainingController() {
    m_cancel->store(true);
    m_thread.quit();
    m_thread.wait();  // at most one batch or step: core checks the flag after each
}

QList<int> TrainingController::trainingRows() const {
    QList<int> rows;
    for (int r = 0; r < m_session->imageCount(); ++r) {
        const auto& e = m_session->image(r);
        if (e.role == project::ImageRole::Train && e.label == project::Label::Normal)
            rows << r;
    }
    return rows;
}

QStringList TrainingController::trainingImages() const {
    QStringList paths;
    for (int r : trainingRows())
        paths << m_session->imagePath(r);
    return paths;
}

QString TrainingController::recordedPath(int row) const {
    return QString::fromStdString(project::recorded_image_path(
        m_session->project(), m_session->folder().toStdString(), m_session->image(row).path));
}

QList<DefectJob> TrainingController::markedDefects() const {
    QList<DefectJob> defects;
    const QDir folder(m_session->folder());
    const auto task = m_session->project().settings.task;
    for (int r = 0; r < m_session->imageCount(); ++r) {
        const auto& e = m_session->image(r);
        if (!project::trains_as_defect(task, e))
            continue;
        if (task == project::ProjectTask::Classification) {  // the whole image is the anomaly: no mask
            defects.append(
                {m_session->imagePath(r), recordedPath(r), {}, {}, QString::fromStdString(e.defect_type)});
            continue;
        }
        const MaskDocument* open = m_session->document(r);
        defects.append({m_session->imagePath(r), recordedPath(r),
                        folder.filePath(QString::fromStdString(e.mask.string())),
                        open ? open->mask() : QImage(), QString::fromStdString(e.defect_type)});
    }
    return defects;
}

QString TrainingController::cannotStartReason() const {
    if (!m_session->isOpen())
        return tr("Open a project first.");
    if (m_running)
        return tr("A training is running.");
    const int minimum = 8;  // core holds out at least 4 for thresholds and needs some to learn from
    if (const auto n = trainingImages().size(); n < minimum)
        return tr("Training needs at least %1 normal training images; the project has %2.")
            .arg(minimum)
            .arg(n);
    const auto& s = m_session->project().settings;
    const auto ids = engine::method_ids();
    if (std::find(ids.begin(), ids.end(), s.method) == ids.end())
        return tr("The project asks for the method \"%1\", which this Kensa does not have.")
            .arg(QString::fromStdString(s.method));
    if (s.method != "adtr")
        return {};
    // ADTR's defects: labelled training images in image classification, masks or synthetic ones otherwise.
    const auto mode = model::parse_training_mode(s.training_mode);
    if (s.task == project::ProjectTask::Classification)
        return mode == model::TrainingMode::AnomalyAvailable && markedDefects().isEmpty()
                   ? tr("Training with anomalies in image classification needs training images labelled anomalous.")
                   : QString();
    if (s.synthetic_defects && s.synthetic_generators && s.synthetic_generators->empty() &&
        mode != model::TrainingMode::NormalOnly)
        return tr("Synthetic defects are on, but no generator is ticked in the Synthetic Defects panel.");
    if (mode == model::TrainingMode::AnomalyAvailable && !s.synthetic_defects && markedDefects().isEmpty())
        return tr(
            "Anomaly-available training needs marked defects or synthetic defects: mark a defect "
            "with a mask, or turn on synthetic defects.");
    return {};
}

QString TrainingController::cannotRefineReason() const {
    return cannotRefineReason(cannotStartReason());
}

QString TrainingController::cannotRefineReason(const QString& cannotStart) const {
    if (!cannotStart.isEmpty())
        return cannotStart;
    if (m_session->project().settings.method != "adtr")
        return tr("Only ADTR models can be refined; the project trains with another method.");
    if (m_session->project().settings.task == project::ProjectTask::Classification)
        return tr("Refining is for defect inspection: it trains on marked defects, which image classification "
                  "does not have.");
    return {};
}

QString TrainingController::freeModelPath(const QString& stem) const {
    const QDir dir(m_session->modelsFolder());
    QString path = dir.filePath(stem + QStringLiteral(".kensa"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("%1-%2.kensa").arg(stem).arg(n));
    return path;
}

QString TrainingController::newModelPath(const QString& method) const {
    const auto& s = m_session->project().settings;
    return freeModelPath(QStringLiteral("%1-%2-%3px-%4")
                             .arg(method, QString::fromStdString(s.backbone))
                             .arg(s.image_size)
                             .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
}

QString TrainingController::refinedModelPath(const QString& start) const {
    // The model it started from, by name: its backbone and size are the refined model's too.
    return freeModelPath(QFileInfo(start).completeBaseName() + QStringLiteral("-refined"));
}

bool TrainingController::start() {
    return startJob(cannotStartReason(), {});
}

bool TrainingController::refine(const QString& model) {
    return startJob(cannotRefineReason(), model);
}

bool TrainingController::startJob(const QString& reason, const QString& refineFrom) {
    if (!reason.isEmpty()) {
        Q_EMIT finished(TrainingOutcome::Failed, reason, {});
        return false;
    }
    QDir().mkpath(m_session->modelsFolder());
    TrainingJob job;
    for (int r : trainingRows()) {
        job.images << m_session->imagePath(r);
        job.recordedPaths << recordedPath(r);
    }
    const auto& s = m_session->project().settings;
    job.config.method = s.method;
    job.config.features.backbone = s.backbone;
    job.config.features.image_size = s.image_size;
    job.config.adtr.epochs = s.epochs;
    job.config.diffusion.epochs = s.diffusion_epochs;
    job.config.tiling.tile = s.tile;
    job.config.smallest_defect = s.smallest_defect;
    job.config.region = s.region;
    auto& anomaly = job.config.adtr.anomaly;
    anomaly.mode = model::parse_training_mode(s.training_mode).value_or(model::TrainingMode::Auto);
    anomaly.synthetic = s.synthetic_defects;
    anomaly.synthetic_share = s.synthetic_share;
    if (s.synthetic_generators)  // what the Synthetic Defects panel shows; none: every generator at its defaults
        for (const auto& g : *s.synthetic_generators)
            anomaly.synthetic_mix.generators.push_back({g.id, 1.0, g.params});
    if (anomaly.mode != model::TrainingMode::NormalOnly)
        job.defects = markedDefects();
    if (s.task == project::ProjectTask::Classification) {
        // The paper's one-class setting at the project's size; nothing is localised, so the whole image,
        // no tiles, no region, and no synthetic defects (they are local, these anomalies are whole images).
        const auto sizes = project::image_size_range(s.task);
        engine::apply_tiny_image_settings(
            job.config, s.image_size >= sizes.min && s.image_size <= sizes.max ? s.image_size : sizes.preferred);
        job.config.tiling.tile = 0;
        job.config.smallest_defect = 0;
        job.config.region = {};
        anomaly.synthetic = false;
    }
    if (!refineFrom.isEmpty()) {
        job.config.adtr.start_from = refineFrom.toStdString();
        job.config.adtr.epochs = adtr::AdtrOptions::kRefinementEpochs;
    }
    if (m_adjust)
        m_adjust(job.config);
    job.modelPath = refineFrom.isEmpty() ? newModelPath(QString::fromStdString(job.config.method))
                                         : refinedModelPath(refineFrom);
    m_cancel->store(false);
    m_running = true;
    m_stage.clear();
    m_secondsLeft = -1.0;
    Q_EMIT runningChanged(true);
    Q_EMIT started();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job] { worker->run(job); }, Qt::QueuedConnection);
    return true;
}

void TrainingController::cancel() {
    if (m_running)
        m_cancel->store(true);
}

void TrainingController::onProgress(const TrainingProgress& p) {
    if (p.stage != m_stage) {
        m_stage = p.stage;
        m_stageClock.start();
    }
    double fraction = 0.0;
    for (const StageSpan& span : k_spans) {
        if (p.stage == QLatin1String(span.stage)) {
            const double inStage = p.total > 0 ? double(p.done) / double(p.total) : 0.0;
            fraction = span.from + (span.to - span.from) * inStage;
        }
    }
    // The time left in this stage at its pace so far; training dominates, so that is what users see most.
    m_secondsLeft = -1.0;
    if (p.done > 0 && p.total > p.done)
        m_secondsLeft = m_stageClock.elapsed() / 1000.0 / double(p.done) * double(p.total - p.done);

    QString text;
    if (p.stage == QLatin1String("loading"))
        text = tr("Reading images %1 of %2").arg(p.done + 1).arg(p.total);
    else if (p.stage == QLatin1String("features"))
        text = tr("Extracting features %1 of %2").arg(p.done).arg(p.total);
    else if (p.stage == QLatin1String("training")) {
        static const QRegularExpression k_epoch(QStringLiteral("epoch (\\d+)/(\\d+)"));
        const auto m = k_epoch.match(p.detail);
        const int epoch = m.hasMatch() ? m.captured(1).toInt() : 0;
        text = m.hasMatch() ? tr("Training, epoch %1 of %2").arg(epoch).arg(m.captured(2)) : tr("Training");
        Q_EMIT lossReported(int(p.done), p.loss, epoch);
    } else if (p.stage == QLatin1String("positions"))
        text = tr("Checking the scoring on held-out images with synthetic defects");
    else if (p.stage == QLatin1String("thresholds"))
        text = tr("Setting thresholds from held-out normal images");
    else if (p.stage == QLatin1String("saving"))
        text = tr("Saving the model");
    else
        text = p.stage;
    Q_EMIT progressed(fraction, text, m_secondsLeft);
}

void TrainingController::onFinished(TrainingOutcome outcome, const QString& message,
                                    const QString& modelPath) {
    m_running = false;
    m_secondsLeft = -1.0;
    if (outcome == TrainingOutcome::Finished && m_session->isOpen() &&
        QFileInfo(modelPath).absolutePath() == QDir(m_session->modelsFolder()).absolutePath()) {
        auto settings = m_session->project().settings;
        settings.active_model = QFileInfo(modelPath).fileName().toStdString();
        m_session->setSettings(settings);
    }
    Q_EMIT runningChanged(false);
    Q_EMIT finished(outcome, message, modelPath);
}

}  // namespace kensa::ui
