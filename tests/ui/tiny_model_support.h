#pragma once
// A tiny real model for ui tests (MobileNetV2 weights needed): trains on the session's normal training
// images through the app's own TrainingController, which makes it the project's active model.

#include "project/project_session.h"
#include "training/training_controller.h"

#include <kensa/engine/backbone_catalog.h>

#include <QSignalSpy>

namespace kensa::test {

inline bool backboneWeightsInstalled() {
    return !engine::find_backbone_weights(engine::kDefaultBackbone).empty();
}

// Trains for one epoch at `imageSize` px with a one-layer transformer; returns an empty string or why not.
inline QString trainTinyModel(ui::ProjectSession& session, int imageSize = 64) {
    auto settings = session.project().settings;
    settings.image_size = imageSize;
    settings.epochs = 1;
    session.setSettings(settings);
    ui::TrainingController trainer(&session);
    trainer.setConfigAdjustment([](engine::TrainingConfig& c) {
        c.features.threads = 1;
        c.adtr.hidden_dim = 64;
        c.adtr.heads = 4;
        c.adtr.encoder_layers = 1;
        c.adtr.decoder_layers = 1;
        c.adtr.feedforward_dim = 128;
    });
    QSignalSpy trained(&trainer, &ui::TrainingController::finished);
    if (!trainer.start())
        return trained.isEmpty() ? QStringLiteral("training did not start")
                                 : trained.first().at(1).toString();
    if (!trained.wait(180000))
        return QStringLiteral("training did not finish within 3 minutes");
    if (trained.first().at(0).value<ui::TrainingOutcome>() != ui::TrainingOutcome::Finished)
        return QStringLiteral("training failed: ") + trained.first().at(1).toString();
    return {};
}

}  // namespace kensa::test
