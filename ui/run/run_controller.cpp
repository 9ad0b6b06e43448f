#include "run/run_controller.h"

#include "image_convert.h"
#include "project/project_session.h"

#include <kensa/engine/inspector.h>
#include <kensa/live/line_run.h>
#include <kensa/postprocess/heatmap.h>

#include <QDir>
#include <QFileInfo>

#include <filesystem>

#include <opencv2/imgproc.hpp>

namespace kensa::ui {

namespace {

constexpr int kThumbnailSide = 160;

// The part with its heatmap and outline as a QImage thumbnail.
QImage heatmapThumbnail(const cv::Mat& image, const cv::Mat& map, float pixelThreshold) {
    cv::Mat rgb, asFloat;
    cv::cvtColor(postprocess::heatmap_thumbnail(image, map, pixelThreshold, kThumbnailSide), rgb, cv::COLOR_BGR2RGB);
    rgb.convertTo(asFloat, CV_32F, 1.0 / 255.0);
    return image_from_mat(asFloat);
}

}  // namespace

RunController::RunController(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_stop(std::make_shared<std::atomic<bool>>(false)) {
    qRegisterMetaType<RunPart>();
    qRegisterMetaType<RunSummary>();
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(session, &ProjectSession::aboutToClose, this, &RunController::stop);
    m_thread.setObjectName(QStringLiteral("kensa-line"));
    m_thread.start();
}

RunController::~RunController() {
    m_stop->store(true);
    m_thread.quit();
    m_thread.wait();  // the loop sees the flag within one part or poll
}

QString RunController::activeModelPath() const {
    if (!m_session->isOpen() || m_session->project().settings.active_model.empty())
        return {};
    return QDir(m_session->modelsFolder()).filePath(QString::fromStdString(m_session->project().settings.active_model));
}

QString RunController::cannotStartReason(const RunSettings& s) const {
    if (!m_session->isOpen())
        return tr("Open a project first.");
    if (m_running)
        return tr("The line is running.");
    if (activeModelPath().isEmpty() || !QFileInfo::exists(activeModelPath()))
        return tr("Train a model (or make one active) first.");
    if (s.folder.isEmpty() == s.camera.isEmpty())
        return tr("Choose a folder to watch or a camera.");
    if (!s.folder.isEmpty() && !QFileInfo(s.folder).isDir())
        return tr("The folder %1 does not exist.").arg(s.folder);
    if (s.output.isEmpty())
        return tr("Choose where the results go.");
    return {};
}

bool RunController::start(const RunSettings& settings) {
    if (const QString reason = cannotStartReason(settings); !reason.isEmpty()) {
        Q_EMIT stopped({0, 0, 0, 0, 0, 0, 0, reason});
        return false;
    }
    m_stop->store(false);
    m_running = true;
    Q_EMIT runningChanged(true);
    const QString model = activeModelPath();
    // Image classification: the part itself, crisp — a map over a tiny image marks nothing to look at.
    const bool plainThumbnails = m_session->project().settings.task == project::ProjectTask::Classification;
    const auto started = std::filesystem::file_time_type::clock::now();  // before the model loads
    QMetaObject::invokeMethod(
        m_worker,
        [this, settings, model, started, plainThumbnails, stop = m_stop] {
            RunSummary summary;
            try {
                auto inspector = engine::Inspector::load(model.toStdString());
                const float pixelThreshold = inspector.bundle().thresholds.pixel;
                live::LineRecorder recorder({settings.output.toStdString(), settings.sortInto.toStdString(),
                                             settings.move, 256},
                                            inspector.bundle().thresholds);
                live::LineRunConfig config;
                config.folder = settings.folder.toStdString();
                config.camera = settings.camera.toStdString();
                config.existing = settings.existing;
                config.started = started;
                config.fps = settings.fps;
                config.queue = settings.queue;
                live::LineCallbacks callbacks;
                callbacks.keep_going = [stop] { return !stop->load(); };
                callbacks.on_warning = [this](const std::string& m) { Q_EMIT warning(QString::fromStdString(m)); };
                callbacks.on_part = [this, pixelThreshold, plainThumbnails](const live::LinePart& p, bool ng) {
                    RunPart part{QString::fromStdString(p.name), p.result ? p.result->score : 0.f, ng,
                                 QString::fromStdString(p.error), p.latency_ms, {}};
                    if (p.result)
                        part.thumbnail = plainThumbnails ? thumbnail_from_mat(p.image, kThumbnailSide)
                                                         : heatmapThumbnail(p.image, p.result->map, pixelThreshold);
                    Q_EMIT partInspected(part);
                };
                const auto stats = live::run_line(inspector, recorder, config, callbacks);
                const auto& c = recorder.counts();
                summary = {stats.parts, c.ok, c.ng, c.errors, stats.dropped, stats.skipped, stats.seconds,
                           QString::fromStdString(stats.source_end)};
            } catch (const std::exception& e) {
                summary.error = QString::fromStdString(e.what());
            }
            QMetaObject::invokeMethod(this, [this, summary] {
                m_running = false;
                Q_EMIT runningChanged(false);
                Q_EMIT stopped(summary);
            });
        },
        Qt::QueuedConnection);
    return true;
}

void RunController::stop() {
    m_stop->store(true);
}

}  // namespace kensa::ui
