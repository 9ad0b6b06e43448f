#include "review/comparison_controller.h"

#include "project/project_session.h"

#include <kensa/methods/registry.h>
#include <kensa/methods/training.h>
#include <kensa/model/model_bundle.h>

#include <QFileInfo>
#include <QtConcurrent/QtConcurrent>

namespace kensa::ui {

ComparisonController::ComparisonController(ProjectSession* session, QObject* parent)
    : QObject(parent), m_session(session), m_batch(session, &m_thresholds) {
    connect(&m_prepare, &QFutureWatcher<Prepared>::finished, this, &ComparisonController::onPrepared);
    connect(&m_batch, &BatchController::progressed, this, [this](int done, int total, const QString&) {
        Q_EMIT progressed(m_next, int(m_models.size()), done, total);
    });
    connect(&m_batch, &BatchController::finished, this, &ComparisonController::onBatchFinished);
    connect(session, &ProjectSession::aboutToClose, this, [this] {
        cancel();
        m_models.clear();  // another project's models mean nothing in the next one
        Q_EMIT cleared();
    });
}

ComparisonController::~ComparisonController() {
    cancel();
    m_prepare.waitForFinished();
}

bool ComparisonController::start(const QStringList& modelPaths) {
    QString reason;
    if (!m_session->isOpen())
        reason = tr("Open a project first.");
    else if (m_running)
        reason = tr("A comparison is running.");
    else if (modelPaths.size() < 2)
        reason = tr("Tick at least two models to compare.");
    if (!reason.isEmpty()) {
        Q_EMIT finished(false, reason);
        return false;
    }
    m_running = true;
    m_cancelled = false;
    m_models.clear();
    m_next = 0;
    // The models' records say what each trained on: read off the GUI thread (a model file can be 100+ MB).
    m_prepare.setFuture(QtConcurrent::run([modelPaths] {
        Prepared p;
        try {
            for (const QString& path : modelPaths) {
                const auto bundle = model::load_bundle(path.toStdString());
                const auto& method = engine::method(bundle.method);
                p.models.append({path, QFileInfo(path).fileName(),
                                 QString::fromUtf8(method.name().data(), qsizetype(method.name().size())), {}});
                for (const auto& image : engine::evaluation_exclusions(bundle.training_json))
                    p.trainedOn.insert(image);
            }
        } catch (const std::exception& e) {
            p.error = QString::fromStdString(e.what());
        }
        return p;
    }));
    return true;
}

void ComparisonController::cancel() {
    m_cancelled = true;
    m_batch.cancel();
}

void ComparisonController::onPrepared() {
    Prepared p = m_prepare.result();
    if (m_cancelled)
        return stop(false, {});
    if (!p.error.isEmpty())
        return stop(false, p.error);
    m_models = p.models;
    m_batch.setAlsoExcluded(std::move(p.trainedOn));
    runNext();
}

void ComparisonController::runNext() {
    if (m_next >= m_models.size())
        return stop(true, {});
    m_batch.setModelPath(m_models[m_next].path);
    if (!m_batch.start())
        return;  // finished(false, why) has reached onBatchFinished
}

void ComparisonController::onBatchFinished(bool ok, const QString& message) {
    if (!m_running)
        return;
    if (!ok || m_cancelled)
        return stop(false, m_cancelled ? QString() : tr("%1: %2").arg(m_models[m_next].name, message));
    m_models[m_next].results = m_batch.results();
    ++m_next;
    runNext();
}

void ComparisonController::stop(bool ok, const QString& message) {
    m_running = false;
    if (!ok)
        m_models.clear();
    Q_EMIT finished(ok, message);
}

}  // namespace kensa::ui
