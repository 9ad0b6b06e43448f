// Disk-full drill of the app's autosave (issue 21): strokes and labels made while the project's disk is full
// are reported as not saved, the files on disk stay as they were with nothing half-written beside them, and
// once there is room the next change writes everything, the strokes made meanwhile included.
#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"
#include "project/autosaver.h"
#include "project/project_session.h"
#include "mask_strokes.h"
#include "ui_test_support.h"
#include "../support/full_disk.h"

#include <kensa/project/annotation_store.h>
#include <kensa/project/project_file.h>
#include <kensa/project/project_images.h>

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
        const QString folder = tmp.filePath(QStringLiteral("disk/project"));
        test::writeImage(tmp.filePath(QStringLiteral("img")), QStringLiteral("part.png"), {256, 256});
        ProjectSession session;
        QCOMPARE(session.create(folder), QString());
        project::Project found;
        QVERIFY(project::add_image_folder(found, tmp.filePath(QStringLiteral("img")).toStdString(),
                                          project::ImageRole::Train)
                    .ok());
        QCOMPARE(session.mergeImages(found), 1);
        MaskDocument* doc = session.openDocument(0, mask_ops::blankMask({256, 256}));
        test::markRow(doc, 10);
        session.flush();
        const QString projectFile = QDir(folder).filePath(QString::fromLatin1(project::k_project_file_name));
        const QString maskFile =
            QDir(folder).filePath(QString::fromStdString(session.image(0).mask.generic_string()));
        const QByteArray previousProject = test::readAll(projectFile), previousMask = test::readAll(maskFile);
        QVERIFY(!previousProject.isEmpty() && !previousMask.isEmpty());
        const auto before = disk.entries();

        if (const std::string why = disk.fill(); !why.empty())
            QSKIP(qPrintable(QStringLiteral("no way to make a disk full here: ") + QString::fromStdString(why)));
        QSignalSpy failed(&session, &ProjectSession::saveFailed);
        test::markRow(doc, 100);  // a stroke and a flag that do not fit on the disk
        session.setFlagged(0, true);
        QVERIFY(failed.wait(10000));
        const QString message = failed.first().at(0).toString();
        QVERIFY2(message.contains(maskFile) && message.contains(QString::fromStdString(disk.error_text())),
                 qPrintable(message));
        QTRY_VERIFY(!session.autosaver()->isBusy());
        QCOMPARE(disk.entries(), before);  // no .partial, nothing new
        QVERIFY(test::readAll(projectFile) == previousProject);
        QVERIFY(test::readAll(maskFile) == previousMask);

        // Room again: the next change (not a stroke) writes the stroke and the flag made meanwhile too.
        disk.free_space();
        QSignalSpy saved(session.autosaver(), &Autosaver::saved);
        session.setLabel(0, project::Label::Defect, QStringLiteral("dent"));
        QVERIFY(saved.wait(10000));
        const auto loaded = project::load_project(folder.toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
        QVERIFY(loaded->images[0].flagged);
        QCOMPARE(loaded->images[0].defect_type, std::string("dent"));
        const auto mask = project::load_mask(*loaded, folder.toStdString(), 0);
        QVERIFY(mask.ok());
        QCOMPARE(int(mask->at<uchar>(10, 0)), 255);
        QCOMPARE(int(mask->at<uchar>(100, 0)), 255);  // the stroke made while the disk was full
        QVERIFY(loaded->images[0].mask_pixels >= 2 * 256);
        session.close();
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "test_disk_full.moc"
