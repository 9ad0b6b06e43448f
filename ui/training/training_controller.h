#pragma once
// Runs training for the open project: builds the job from the project's normal training images and
// settings, runs TrainingWorker on its own QThread, turns raw progress into a fraction of the whole run
// with an estimate of the time left, and lists the result in the project's models/ folder. The GUI
// thread never waits for training; cancel() only sets a flag (core stops at its next batch or step).

#include "training/training_worker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

#include <functional>

namespace kensa::ui {

class ProjectSession;

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(ProjectSession* session, QObject* parent = nullptr);
    ~TrainingController() override;  // cancels a running training and waits for its thread

    bool isRunning() const { return m_running; }
    // The project's normal training images (role train, label normal).
    QStringList trainingImages() const;
    // The project's marked defects: images labelled defect with a mask of their own that marks pixels
    // (imported ground truth is for evaluation, not training). In an image-classification project: the
    // training images labelled anomalous, each a whole-image anomaly (no mask) for ADTR+'s image-level loss.
    QList<DefectJob> markedDefects() const;
    // How the model records the image of a row (project::recorded_image_path).
    QString recordedPath(int row) const;
    // Empty when training can start, else why not (for the user).
    QString cannotStartReason() const;
    // Starts training with the project's settings. Returns false (and emits finished with
    // TrainingOutcome::Failed and the reason) when it cannot start.
    bool start();
    // Starts a refinement of the ADTR model `model` (adtr::AdtrOptions::start_from): its transformer is the
    // starting point, its backbone and input size are kept, the project's defects and synthetic defects as
    // set, kRefinementEpochs epochs (the recipe `kensa-cli train --refine` uses). The new model becomes
    // active like any other.
    bool refine(const QString& model);
    // Empty when the model can be refined now, else why not (for the user). cannotStart: cannotStartReason(),
    // when the caller has it already (it lists the project's images).
    QString cannotRefineReason() const;
    QString cannotRefineReason(const QString& cannotStart) const;
    // Adjusts core's config after the project's settings are applied, for every later start() (tests
    // use it for tiny models; a later "advanced settings" dialog can too).
    void setConfigAdjustment(std::function<void(engine::TrainingConfig&)> adjust) {
        m_adjust = std::move(adjust);
    }
    void cancel();

    // Estimated seconds left, or -1 while unknown.
    double secondsLeft() const { return m_secondsLeft; }

Q_SIGNALS:
    void started();
    // fraction: 0..1 of the whole run; text: the stage for the user.
    void progressed(double fraction, const QString& text, double secondsLeft);
    void lossReported(int step, double loss, int epoch);
    void finished(kensa::ui::TrainingOutcome outcome, const QString& message, const QString& modelPath);
    void runningChanged(bool running);

private:
    QList<int> trainingRows() const;  // normal training images
    bool startJob(const QString& reason, const QString& refineFrom);
    void onProgress(const TrainingProgress& p);
    void onFinished(TrainingOutcome outcome, const QString& message, const QString& modelPath);
    QString freeModelPath(const QString& stem) const;  // models/<stem>.kensa, or <stem>-2.kensa, ... if taken
    QString newModelPath(const QString& method) const;  // models/<method>-<backbone>-<size>px-<time>.kensa
    QString refinedModelPath(const QString& start) const;  // models/<start's name>-refined[-N].kensa

    ProjectSession* m_session;
    QThread m_thread;
    TrainingWorker* m_worker;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
    QString m_stage;
    QElapsedTimer m_stageClock;
    double m_secondsLeft = -1.0;
    std::function<void(engine::TrainingConfig&)> m_adjust;
};

}  // namespace kensa::ui
