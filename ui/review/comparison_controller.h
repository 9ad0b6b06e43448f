#pragma once
// Compares trained models of the open project: each ticked model inspects the project's test images in
// turn (BatchController, off the GUI thread, cancellable), all on the same images — any image one of them
// trained on is left out for every one — so their ROC and PRO curves and metrics can be read side by side.

#include "inspection/threshold_state.h"
#include "review/batch_controller.h"
#include "review/batch_results.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <set>
#include <string>

namespace kensa::ui {

class ProjectSession;

struct ComparedModel {
    QString path;
    QString name;    // file name
    QString method;  // the method's display name ("PatchCore")
    BatchResultsPtr results;
};

class ComparisonController : public QObject {
    Q_OBJECT
public:
    explicit ComparisonController(ProjectSession* session, QObject* parent = nullptr);
    ~ComparisonController() override;  // cancels and waits for the running model (one batch of images)

    bool isRunning() const { return m_running; }
    // Starts comparing; false (and finished with the reason) when it cannot.
    bool start(const QStringList& modelPaths);
    void cancel();
    const QList<ComparedModel>& models() const { return m_models; }  // complete after finished(true)

Q_SIGNALS:
    void progressed(int model, int models, int done, int total);
    void finished(bool ok, const QString& message);  // message empty when cancelled
    void cleared();  // the results are gone (the project closed)

private:
    struct Prepared {
        QList<ComparedModel> models;
        std::set<std::string> trainedOn;  // by any of them
        QString error;
    };
    void onPrepared();
    void runNext();
    void onBatchFinished(bool ok, const QString& message);
    void stop(bool ok, const QString& message);

    ProjectSession* m_session;
    ThresholdState m_thresholds;  // the comparison's own: it must not move the window's sliders
    BatchController m_batch;
    QFutureWatcher<Prepared> m_prepare;
    QList<ComparedModel> m_models;
    int m_next = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

}  // namespace kensa::ui
