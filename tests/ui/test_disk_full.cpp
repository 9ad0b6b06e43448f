// Disk-full drills of the app (issue 21). Autosave: strokes and labels made while the project's disk is full
// are reported as not saved, the files on disk stay as they were with nothing half-written beside them, and
// once there is room the next change writes everything, the strokes made meanwhile included. Training: the
// model that does not fit is a clear failure naming it and the reason, nothing is left in models/, the active
// model stays; with room again the next training works.
#include "autosave_failure_drill.h"
#include "project/autosaver.h"
#include "project/project_session.h"
#include "training_fixture.h"
#include "ui_test_support.h"
#include "../support/full_disk.h"

#include <kensa/project/project_file.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kensa;
using namespace kensa::ui;

namespace {

// Before main, while the process has one thread: the full disk can then be a tmpfs (see FullDisk::prepare).
[[maybe_unused]] const bool k_mountNamespace = (test::FullDisk::prepare(), true);

}  // namespace

class TestDiskFull : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void autosaveOnAFullDiskLosesNothing() {
        QTemporaryDir tmp;
        test::FullDisk disk(tmp.filePath(QStringLiteral("disk")).toStdString());
        qInfo("full disk: %s", disk.mechanism().c_str());
        test::checkAFailedAutosaveLosesNothing(
            tmp.filePath(QStringLiteral("disk/project")), tmp.filePath(QStringLiteral("img")),
            {[&disk] { return disk.fill(); }, [&disk] { return disk.error_text(); }, [&disk] { disk.free_space(); }});
    }

    void trainingOnAFullDiskKeepsTheActiveModel() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed");
        QTemporaryDir tmp;
        test::FullDisk disk(tmp.filePath(QStringLiteral("disk")).toStdString());
        qInfo("full disk: %s", disk.mechanism().c_str());
        const QString folder = tmp.filePath(QStringLiteral("disk/project"));
        ProjectSession session;
        QCOMPARE(test::createTrainableProject(session, tmp, 10, folder), QString());
        QCOMPARE(test::trainTinyModel(session), QString());
        session.flush();
        QTRY_VERIFY(!session.autosaver()->isBusy());
        const std::string active = session.project().settings.active_model;
        QVERIFY(!active.empty());
        const QString activeFile = QDir(session.modelsFolder()).filePath(QString::fromStdString(active));
        const QString projectFile = QDir(folder).filePath(QString::fromLatin1(project::k_project_file_name));
        const QByteArray previousModel = test::readAll(activeFile), previousProject = test::readAll(projectFile);
        const auto before = disk.entries();

        if (const std::string why = disk.fill(); !why.empty())
            QSKIP(qPrintable(QStringLiteral("no way to make a disk full here: ") + QString::fromStdString(why)));
        TrainingController trainer(&session);
        trainer.setConfigAdjustment(test::useTinyModel);
        QSignalSpy finished(&trainer, &TrainingController::finished);
        QVERIFY(trainer.start());
        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.first().at(0).value<TrainingOutcome>(), TrainingOutcome::Failed);
        const QString message = finished.first().at(1).toString();
        QVERIFY2(message.contains(session.modelsFolder()) && message.contains(QStringLiteral(".kensa: write failed: ")) &&
                     message.contains(QString::fromStdString(disk.error_text())) &&
                     !message.contains(QStringLiteral(".partial")),
                 qPrintable(message));
        QVERIFY(finished.first().at(2).toString().isEmpty());
        QCOMPARE(session.project().settings.active_model, active);
        QTRY_VERIFY(!session.autosaver()->isBusy());
        QCOMPARE(disk.entries(), before);  // no new model, no .partial
        QVERIFY(test::readAll(activeFile) == previousModel);
        QVERIFY(test::readAll(projectFile) == previousProject);

        disk.free_space();
        finished.clear();
        QVERIFY(trainer.start());
        QVERIFY(finished.wait(180000));
        QCOMPARE(finished.first().at(0).value<TrainingOutcome>(), TrainingOutcome::Finished);
        QVERIFY(session.project().settings.active_model != active);
        QVERIFY(QFile::exists(finished.first().at(2).toString()));
        session.close();
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "test_disk_full.moc"
