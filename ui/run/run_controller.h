#pragma once
// Runs the project's active model on the line (core's live::run_line) on a thread of its own: a hot folder
// or a camera, until stopped. Each part comes back as a queued RunPart with a small heatmap thumbnail, so
// the GUI thread only shows results.

#include <QImage>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace kensa::ui {

class ProjectSession;

struct RunSettings {
    QString folder;    // a hot folder, or
    QString camera;    // a camera number, video file, image sequence or stream URL
    QString output;    // results.csv and thumbnails/
    QString sortInto;  // empty: parts stay; else OK/ and NG/ folders there
    bool move = false;
    bool existing = false;
    double fps = 0;
    int queue = 2;
};

struct RunPart {
    QString name;
    float score = 0;
    bool ng = false;
    QString error;  // non-empty: the part could not be inspected
    double latencyMs = 0;
    QImage thumbnail;  // the part with its heatmap and outline, at most 160 px
};

struct RunSummary {
    int parts = 0, ok = 0, ng = 0, errors = 0;
    long long dropped = 0, skipped = 0;
    double seconds = 0;
    QString error;  // why the run could not start or stopped early; empty otherwise
};

class RunController : public QObject {
    Q_OBJECT
public:
    explicit RunController(ProjectSession* session, QObject* parent = nullptr);
    ~RunController() override;

    QString activeModelPath() const;
    QString cannotStartReason(const RunSettings& settings) const;
    bool isRunning() const { return m_running; }

    bool start(const RunSettings& settings);  // false (and stopped() with the reason) when it cannot
    void stop();                              // takes effect within one part

Q_SIGNALS:
    void runningChanged(bool running);
    void partInspected(const kensa::ui::RunPart& part);
    void warning(const QString& message);
    void stopped(const kensa::ui::RunSummary& summary);

private:
    ProjectSession* m_session;
    QThread m_thread;
    QObject* m_worker = nullptr;  // lives on m_thread
    std::shared_ptr<std::atomic<bool>> m_stop;
    bool m_running = false;
};

}  // namespace kensa::ui

Q_DECLARE_METATYPE(kensa::ui::RunPart)
Q_DECLARE_METATYPE(kensa::ui::RunSummary)
