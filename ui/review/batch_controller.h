#pragma once
// Batch inspection of the open project with its active model: the test images (all images when the
// project has none) run through core's engine::run_inspection on a QtConcurrent worker, with progress
// and a cancel flag core checks after every batch. The GUI thread only receives queued progress and the
// finished results; results are dropped when the model or the project changes.

#include "review/batch_results.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <set>
#include <string>

namespace kensa::ui {

class ProjectSession;
class ThresholdState;

struct BatchOutcome {
    std::shared_ptr<BatchResults> results;  // null when cancelled or failed
    QString error;                          // why it failed (empty when cancelled)
};

class BatchController : public QObject {
    Q_OBJECT
public:
    BatchController(ProjectSession* session, ThresholdState* thresholds, QObject* parent = nullptr);
    ~BatchController() override;  // cancels a running batch and waits for it (at most one batch of images)

    bool isRunning() const { return m_watcher.isRunning(); }
    BatchResultsPtr results() const { return m_results; }
    // Empty when a batch can start, else why not (for the user).
    QString cannotStartReason() const;
    // The images a batch inspects (project rows): the test images, or every image without any.
    QList<int> batchRows() const;
    bool start();  // false (and finished with the reason) when it cannot start
    void cancel();
    void setMapSide(int pixels) { m_mapSide = pixels; }  // long side of the kept maps
    // Inspect with this model instead of the active one (the comparison view); empty: the active model.
    void setModelPath(const QString& path) { m_modelPath = path; }
    // Also leave out these images (as models record them: project::recorded_image_path), e.g. what other
    // models being compared trained on, so every model is evaluated on the same images.
    void setAlsoExcluded(std::set<std::string> images) { m_alsoExcluded = std::move(images); }

Q_SIGNALS:
    void started(int images);
    void progressed(int done, int total, const QString& stage);
    // ok: results() holds the new results; else message says why (empty: cancelled).
    void finished(bool ok, const QString& message);
    void resultsChanged();  // new results, or none (model or project changed)

private:
    QString activeModelPath() const;
    void clearResults();
    void onFinished();

    ProjectSession* m_session;
    ThresholdState* m_thresholds;
    QFutureWatcher<BatchOutcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    BatchResultsPtr m_results;
    QElapsedTimer m_clock;
    int m_mapSide = 128;
    QString m_modelPath;
    std::set<std::string> m_alsoExcluded;
};

}  // namespace kensa::ui
