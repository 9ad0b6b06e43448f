#pragma once
// A project ready to train in the ui tests: `count` generated normal training images in a fresh project,
// and the tiny transformer on one thread (../support/tiny_adtr.h).

#include "../support/tiny_adtr.h"
#include "project/project_session.h"
#include "ui_test_support.h"

#include <kensa/engine/adtr_training.h>
#include <kensa/project/project_images.h>

#include <QTemporaryDir>

namespace kensa::test {

// Creates a project in <tmp>/p holding `count` normal 80 x 64 training images from <tmp>/good. Returns an
// empty string on success, else what failed.
inline QString createTrainableProject(ui::ProjectSession& session, const QTemporaryDir& tmp, int count = 12) {
    const QString good = tmp.filePath(QStringLiteral("good"));
    for (int i = 0; i < count; ++i)
        writeImage(good, QStringLiteral("%1.png").arg(i), {80, 64}, i);
    if (const QString error = session.create(tmp.filePath(QStringLiteral("p"))); !error.isEmpty())
        return error;
    project::Project found;
    if (const auto added = project::add_image_folder(found, good.toStdString(), project::ImageRole::Train);
        !added.ok())
        return QString::fromStdString(added.error().message());
    return session.mergeImages(found) == count ? QString() : QStringLiteral("images were not added");
}

// For TrainingController::setConfigAdjustment.
inline void useTinyModel(engine::TrainingConfig& config) {
    config.features.threads = 1;
    use_tiny_transformer(config.adtr);
}

}  // namespace kensa::test
