#pragma once
// Training in the ui tests: a project with `count` generated normal training images, the tiny transformer
// on one thread (../support/tiny_adtr.h), and a tiny real model trained through the app's own
// TrainingController (MobileNetV2 weights needed).

#include "../support/tiny_adtr.h"
#include "../support/tiny_denoiser.h"
#include "project/project_session.h"
#include "training/training_controller.h"
#include "ui_test_support.h"

#include <kensa/engine/training.h>
#include <kensa/features/backbone_catalog.h>
#include <kensa/project/project_images.h>

#include <QFile>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace kensa::test {

// Creates a project in <tmp>/p (or `folder`) holding `count` normal 80 x 64 training images from <tmp>/good.
// Returns an empty string on success, else what failed.
inline QString createTrainableProject(ui::ProjectSession& session, const QTemporaryDir& tmp, int count = 12,
                                      const QString& folder = {}) {
    const QString good = tmp.filePath(QStringLiteral("good"));
    for (int i = 0; i < count; ++i)
        writeImage(good, QStringLiteral("%1.png").arg(i), {80, 64}, i);
    if (const QString error = session.create(folder.isEmpty() ? tmp.filePath(QStringLiteral("p")) : folder);
        !error.isEmpty())
        return error;
    project::Project found;
    if (const auto added = project::add_image_folder(found, good.toStdString(), project::ImageRole::Train);
        !added.ok())
        return QString::fromStdString(added.error().message());
    return session.mergeImages(found) == count ? QString() : QStringLiteral("images were not added");
}

// Creates a project in <tmp>/p with 12 normal 64 x 64 training images and 10 test images: 4 normal, 4 with a
// bright square and its mask (defect type "square"), 1 unlabelled, 1 unreadable (labelled normal). Returns an
// empty string on success, else what failed.
inline QString createLabelledProject(ui::ProjectSession& session, const QTemporaryDir& tmp) {
    if (const QString error = session.create(tmp.filePath(QStringLiteral("p"))); !error.isEmpty())
        return error;
    project::Project found;
    for (int i = 0; i < 12; ++i) {
        project::ImageEntry e;
        e.path = writeImage(tmp.filePath(QStringLiteral("train")), QStringLiteral("%1.png").arg(i), {64, 64}, i)
                     .toStdString();
        e.label = project::Label::Normal;
        found.images.push_back(e);
    }
    for (int i = 0; i < 10; ++i) {
        const QString name = QStringLiteral("t%1.png").arg(i);
        QString path = writeImage(tmp.filePath(QStringLiteral("test")), name, {64, 64}, 20 + i);
        project::ImageEntry e;
        e.role = project::ImageRole::Test;
        e.label = i < 4 || i == 9 ? project::Label::Normal
                  : i < 8         ? project::Label::Defect
                                  : project::Label::Unlabelled;
        if (e.label == project::Label::Defect) {
            QImage img(path);
            QPainter(&img).fillRect(QRect(20, 20, 18, 18), Qt::white);
            img.save(path);
            QImage mask(64, 64, QImage::Format_Grayscale8);
            mask.fill(0);
            QPainter(&mask).fillRect(QRect(20, 20, 18, 18), Qt::white);
            const QString maskPath = tmp.filePath(QStringLiteral("test/t%1_mask.png").arg(i));
            mask.save(maskPath);
            e.defect_type = "square";
            e.source_mask = maskPath.toStdString();
        }
        if (i == 9) {
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                return QStringLiteral("cannot write ") + path;
            f.write("not an image");
        }
        e.path = path.toStdString();
        found.images.push_back(e);
    }
    project::ensure_defect_type(found, "square");
    return session.mergeImages(found) == int(found.images.size()) ? QString() : QStringLiteral("images were not added");
}

// For TrainingController::setConfigAdjustment.
inline void useTinyModel(engine::TrainingConfig& config) {
    config.features.threads = 1;
    use_tiny_transformer(config.adtr.model);
    use_tiny_denoiser(config.diffusion);
}

inline bool backboneWeightsInstalled() {
    return !engine::find_backbone_weights(engine::kDefaultBackbone).empty();
}

// What a training run through a controller gave: the configuration the engine received, the finished
// message and the model's path; `error` says why there is no model.
struct CapturedTraining {
    engine::TrainingConfig config;
    QString message;
    QString modelPath;
    QString error;
};

// Trains with `trainer` and the tiny models, keeping the configuration the engine received.
inline CapturedTraining trainCapturingConfig(ui::TrainingController& trainer) {
    CapturedTraining out;
    trainer.setConfigAdjustment([&out](engine::TrainingConfig& config) {
        useTinyModel(config);
        out.config = config;
    });
    QSignalSpy trained(&trainer, &ui::TrainingController::finished);
    if (!trainer.start()) {
        out.error = trained.isEmpty() ? QStringLiteral("training did not start") : trained.first().at(1).toString();
    } else if (!trained.wait(180000)) {
        out.error = QStringLiteral("training did not finish within 3 minutes");
    } else if (trained.first().at(0).value<ui::TrainingOutcome>() != ui::TrainingOutcome::Finished) {
        out.error = QStringLiteral("training failed: ") + trained.first().at(1).toString();
    } else {
        out.message = trained.first().at(1).toString();
        out.modelPath = trained.first().at(2).toString();
    }
    trainer.setConfigAdjustment(useTinyModel);  // the capture above refers to `out`
    return out;
}

// Trains for one epoch at `imageSize` px with the tiny transformer (or the given method), which makes it the
// project's active model; returns an empty string or why not.
inline QString trainTinyModel(ui::ProjectSession& session, int imageSize = 64, const std::string& method = "adtr") {
    auto settings = session.project().settings;
    settings.method = method;
    settings.image_size = imageSize;
    settings.epochs = 1;
    session.setSettings(settings);
    ui::TrainingController trainer(&session);
    return trainCapturingConfig(trainer).error;
}

}  // namespace kensa::test
