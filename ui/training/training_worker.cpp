#include "training/training_worker.h"

#include <kensa/base/error.h>
#include <kensa/data/image_io.h>
#include <kensa/model/model_bundle.h>

#include <QFileInfo>

#include <exception>
#include <filesystem>

namespace kensa::ui {

bool TrainingWorker::report(const TrainingProgress& p) {
    if (m_cancel->load())
        return false;
    Q_EMIT progress(p);
    return true;
}

void TrainingWorker::run(const TrainingJob& job) {
    try {
        std::vector<cv::Mat> images;
        images.reserve(size_t(job.images.size()));
        for (qsizetype i = 0; i < job.images.size(); ++i) {
            if (!report({QStringLiteral("loading"), i, job.images.size(), 0.0, {}}))
                throw Cancelled();
            auto image = data::read_image(job.images[i].toStdString());
            if (!image)
                throw Error(image.error().message());
            images.push_back(std::move(*image));
        }
        const auto result = engine::train_adtr(images, job.config, [this](const Progress& p) {
            return report({QString::fromStdString(p.stage), p.done, p.total, p.value,
                           QString::fromStdString(p.detail)});
        });
        if (!report({QStringLiteral("saving"), 0, 1, 0.0, {}}))
            throw Cancelled();
        // save_bundle writes a temporary file and renames it: models/ never holds half a model.
        model::save_bundle(std::filesystem::path(job.modelPath.toStdString()), result.bundle);
        const QString summary =
            tr("Trained on %1 normal images (%2 held out for thresholds) in %3 s; final loss %4.")
                .arg(result.train_images)
                .arg(result.holdout_images)
                .arg(qRound(result.feature_seconds + result.training_seconds))
                .arg(result.epoch_losses.empty() ? 0.0 : result.epoch_losses.back(), 0, 'g', 4);
        Q_EMIT finished(TrainingOutcome::Finished, summary, job.modelPath);
    } catch (const Cancelled&) {
        Q_EMIT finished(TrainingOutcome::Cancelled, tr("Training cancelled; no model was written."), {});
    } catch (const std::exception& e) {
        Q_EMIT finished(TrainingOutcome::Failed, QString::fromStdString(e.what()), {});
    }
}

}  // namespace kensa::ui
