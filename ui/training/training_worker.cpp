#include "training/training_worker.h"

#include "image_convert.h"
#include "number_format.h"

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
        const qsizetype total = job.images.size() + job.defects.size();
        const auto load = [&](qsizetype done, const QString& path, auto reader) {
            if (!report({QStringLiteral("loading"), done, total, 0.0, {}}))
                throw Cancelled();
            auto loaded = reader(std::filesystem::path(path.toStdString()));
            if (!loaded)
                throw Error(loaded.error().message());
            return std::move(*loaded);
        };
        engine::TrainingData data;
        data.normal.reserve(size_t(job.images.size()));
        for (qsizetype i = 0; i < job.images.size(); ++i)
            data.normal.push_back(load(i, job.images[i], data::read_image));
        for (const QString& name : job.recordedPaths)
            data.normal_paths.push_back(name.toStdString());
        for (qsizetype i = 0; i < job.defects.size(); ++i) {
            const DefectJob& d = job.defects[i];
            engine::DefectSample sample;
            sample.image = load(job.images.size() + i, d.image, data::read_image);
            // A mask drawn moments ago may still be on its way to disk: the session's copy is the truth.
            if (d.wholeImage())
                sample.mask = cv::Mat(sample.image.size(), CV_8UC1, cv::Scalar(255));
            else if (!d.maskPixels.isNull())
                sample.mask = mat_from_mask(d.maskPixels);
            else
                sample.mask = load(job.images.size() + i, d.mask, data::read_mask);
            sample.defect_type = d.defectType.toStdString();
            sample.path = d.recordedPath.toStdString();  // recorded in the model: evaluation leaves it out
            data.defects.push_back(std::move(sample));
        }
        engine::TrainingConfig config = job.config;
        if (!config.adtr.start_from.empty()) {
            // A refinement keeps the model's backbone and input size, whatever the panel shows now (core
            // refuses a model that does not fit the settings).
            const auto start = model::load_bundle(config.adtr.start_from);
            config.features.backbone = start.backbone;
            config.features.image_size = start.image_size;
        }
        const auto result = engine::train(data, config, [this](const Progress& p) {
            return report({QString::fromStdString(p.stage), p.done, p.total, p.value,
                           QString::fromStdString(p.detail)});
        });
        if (!report({QStringLiteral("saving"), 0, 1, 0.0, {}}))
            throw Cancelled();
        // save_bundle writes a temporary file and renames it: models/ never holds half a model.
        model::save_bundle(std::filesystem::path(job.modelPath.toStdString()), result.bundle);
        const QString defects =
            result.mode == model::TrainingMode::NormalOnly
                ? tr("normal-only")
                : !job.defects.isEmpty() && job.defects.front().wholeImage()
                ? tr("anomaly-available: %n anomalous image(s)", nullptr, int(job.defects.size()))
                : tr("anomaly-available: %n marked defect(s)", nullptr, int(job.defects.size())) +
                      (job.config.adtr.anomaly.synthetic ? tr(" and synthetic defects") : QString());
        QString summary = tr("Trained (%4) on %1 normal images (%2 held out for thresholds) in %3 s.")
                              .arg(result.train_images)
                              .arg(result.holdout_images)
                              .arg(qRound(result.feature_seconds + result.training_seconds))
                              .arg(defects);
        if (!result.epoch_losses.empty())  // iterative methods (ADTR)
            summary +=
                QLatin1Char(' ') + tr("Final loss %1.").arg(significantText(result.epoch_losses.back(), 4));
        if (!job.config.adtr.start_from.empty())
            summary += QLatin1Char(' ') + tr("Refined from %1.")
                                              .arg(QFileInfo(QString::fromStdString(job.config.adtr.start_from.string()))
                                                       .fileName());
        QString warnings;
        for (const auto& warning : result.warnings)
            warnings += QLatin1Char(' ') + tr("Note: %1").arg(QString::fromStdString(warning));
        Q_EMIT finished(TrainingOutcome::Finished, summary + warnings, job.modelPath);
    } catch (const Cancelled&) {
        Q_EMIT finished(TrainingOutcome::Cancelled, tr("Training cancelled; no model was written."), {});
    } catch (const std::exception& e) {
        Q_EMIT finished(TrainingOutcome::Failed, QString::fromStdString(e.what()), {});
    }
}

}  // namespace kensa::ui
