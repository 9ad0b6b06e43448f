#include "inspection/inspection_controller.h"

#include "image_convert.h"
#include "project/project_session.h"

#include <kensa/data/image_io.h>
#include <kensa/engine/inspector.h>

#include <QDir>
#include <QtConcurrent/QtConcurrent>

#include <cmath>
#include <exception>

namespace kensa::ui {

InspectionController::InspectionController(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session) {
    connect(&m_loader, &QFutureWatcher<LoadedModel>::finished, this, &InspectionController::onLoaded);
    connect(&m_runner, &QFutureWatcher<InspectionResult>::finished, this, &InspectionController::onInspected);
    connect(session, &ProjectSession::opened, this, &InspectionController::reloadModel);
    connect(session, &ProjectSession::closed, this, &InspectionController::reloadModel);
    connect(session, &ProjectSession::settingsChanged, this, [this] {
        const QString active = QString::fromStdString(m_session->project().settings.active_model);
        const QString path = active.isEmpty() ? QString() : QDir(m_session->modelsFolder()).filePath(active);
        if (path != m_model.path)
            reloadModel();
    });
    if (session->isOpen())
        reloadModel();
}

InspectionController::~InspectionController() {
    // The futures hold only their own data; wait so none outlives the watchers (at most one image).
    m_loader.waitForFinished();
    m_runner.waitForFinished();
}

float InspectionController::defaultImageThreshold() const {
    return m_model.inspector ? m_model.inspector->bundle().thresholds.image : NAN;
}

model::RegionOfInterest InspectionController::region() const {
    return m_model.inspector ? m_model.inspector->bundle().region : model::RegionOfInterest{};
}

float InspectionController::defaultPixelThreshold() const {
    return m_model.inspector ? m_model.inspector->bundle().thresholds.pixel : NAN;
}

std::optional<float> InspectionController::f1ImageThreshold() const {
    return m_model.inspector ? m_model.inspector->bundle().thresholds.image_f1_optimal : std::nullopt;
}

std::optional<float> InspectionController::f1PixelThreshold() const {
    return m_model.inspector ? m_model.inspector->bundle().thresholds.pixel_f1_optimal : std::nullopt;
}

void InspectionController::reloadModel() {
    const QString active =
        m_session->isOpen() ? QString::fromStdString(m_session->project().settings.active_model) : QString();
    if (active.isEmpty()) {
        m_model = {};
        Q_EMIT modelChanged();
        return;
    }
    const QString path = QDir(m_session->modelsFolder()).filePath(active);
    m_loader.setFuture(QtConcurrent::run([path] {
        try {
            // One thread: inspection of one image is short, and the machine may be training meanwhile.
            auto inspector =
                std::make_shared<engine::Inspector>(engine::Inspector::load(path.toStdString(), 1));
            return LoadedModel{std::move(inspector), path, {}};
        } catch (const std::exception& e) {
            return LoadedModel{nullptr, path, QString::fromStdString(e.what())};
        }
    }));
}

void InspectionController::onLoaded() {
    LoadedModel loaded = m_loader.result();
    if (!loaded.error.isEmpty()) {
        m_model = {};
        Q_EMIT modelChanged();
        Q_EMIT modelFailed(loaded.error);
        return;
    }
    m_model = std::move(loaded);
    Q_EMIT modelChanged();
}

void InspectionController::inspect(const QString& imagePath) {
    if (!m_model.inspector || imagePath.isEmpty())
        return;
    if (m_runner.isRunning()) {
        // Only the latest request matters; the one running already answers a request for its own image
        // with the same model (the view appearing and the dock being raised both ask).
        const bool running = imagePath == m_runningPath && m_model.inspector == m_runningInspector;
        m_pending = running ? QString() : imagePath;
        return;
    }
    ++m_inspections;
    auto inspector = m_model.inspector;
    m_runningPath = imagePath;
    m_runningInspector = inspector;
    m_runner.setFuture(QtConcurrent::run([inspector, imagePath] {
        InspectionResult r;
        r.imagePath = imagePath;
        auto image = data::read_image(imagePath.toStdString());
        if (!image) {
            r.error = QString::fromStdString(image.error().message());
            return r;
        }
        try {
            auto results = inspector->inspect({*image}, {}, 1);
            r.map = results.front().map;
            r.score = results.front().score;
            r.image = image_from_mat(*image);
        } catch (const std::exception& e) {
            r.error = QString::fromStdString(e.what());
        }
        return r;
    }));
}

void InspectionController::onInspected() {
    m_runningInspector.reset();  // an earlier model is not kept alive for its identity
    m_runningPath.clear();
    Q_EMIT inspected(m_runner.result());
    if (!m_pending.isEmpty())
        inspect(std::exchange(m_pending, QString()));
}

}  // namespace kensa::ui
