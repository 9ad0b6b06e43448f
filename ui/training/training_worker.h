#pragma once
// Trains one model (of the project's method) off the GUI thread. Lives on TrainingController's QThread; run() reads the normal
// images and the marked defects with their masks, calls core's engine::train and writes the model into the
// project's models/ folder (atomically, only when training completed). Progress goes out as queued signals;
// cancelling is a flag the core's progress callback checks after every batch or optimiser step.

#include <kensa/engine/training.h>

#include <QImage>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace kensa::ui {

// A marked defect the model trains on (ADTR+): the image, its mask (0/255 PNG) and defect type. In an
// image-classification project an anomalous image has no mask: the whole image is the anomaly (mask and
// maskPixels both empty), which ADTR+'s image-level loss needs and nothing more.
struct DefectJob {
    QString image;
    QString recordedPath;  // as the model records it (project::recorded_image_path)
    QString mask;       // the 0/255 PNG in the project folder; empty: the whole image
    QImage maskPixels;  // the mask as drawn in this session, if it is open (newer than the file can be)
    QString defectType;

    bool wholeImage() const { return mask.isEmpty() && maskPixels.isNull(); }  // image classification's
};

struct TrainingJob {
    QStringList images;        // normal training images
    QStringList recordedPaths;  // one per image, as the model records it (project::recorded_image_path)
    QList<DefectJob> defects;  // marked defects (used in anomaly-available mode)
    QString modelPath;         // where the finished model goes (models/<name>.kensa)
    engine::TrainingConfig config;
};

// One progress report. stage: "loading", "features", "training", "thresholds", "saving".
struct TrainingProgress {
    QString stage;
    qint64 done = 0;
    qint64 total = 0;
    double loss = 0.0;  // "training" only: the last step's loss
    QString detail;     // core's detail, e.g. "epoch 2/10"
};

enum class TrainingOutcome { Finished, Cancelled, Failed };

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(std::shared_ptr<std::atomic<bool>> cancel) : m_cancel(std::move(cancel)) {}

public Q_SLOTS:
    void run(const kensa::ui::TrainingJob& job);

Q_SIGNALS:
    void progress(const kensa::ui::TrainingProgress& p);
    // message: a summary on success, the reason on failure; modelPath only on success.
    void finished(kensa::ui::TrainingOutcome outcome, const QString& message, const QString& modelPath);

private:
    bool report(const TrainingProgress& p);  // false when cancelled

    std::shared_ptr<std::atomic<bool>> m_cancel;
};

}  // namespace kensa::ui

Q_DECLARE_METATYPE(kensa::ui::TrainingJob)
Q_DECLARE_METATYPE(kensa::ui::TrainingProgress)
Q_DECLARE_METATYPE(kensa::ui::TrainingOutcome)
