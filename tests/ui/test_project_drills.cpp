// Project folder drills (issue 21): a read-only project folder, one made read-only while open, a project moved
// while closed, a project open in another window, images deleted while the project is open. Each gives a message that names the folder or
// file, and loses nothing (not even its place in the recent projects, unless it is gone).
#include "canvas/annotation_canvas.h"
#include "canvas/annotation_controller.h"
#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"
#include "main/main_window.h"
#include "main/project_actions.h"
#include "main/recent_projects.h"
#include "project/project_session.h"
#include "autosave_failure_drill.h"
#include "mask_strokes.h"
#include "ui_test_support.h"
#include "../support/read_only_folder.h"
#include "../support/unprivileged.h"

#include <kensa/project/annotation_store.h>
#include <kensa/project/project_file.h>
#include <kensa/project/project_images.h>

#include <QApplication>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>
#include <cstdio>

using namespace kensa;
using namespace kensa::ui;

namespace {

// Before main, while the process has one thread: a folder can then be remounted read-only (see
// read_only_folder.h).
[[maybe_unused]] const bool k_mountNamespace = [] {
    std::string ignored;
    return test::enter_private_mount_namespace(ignored);
}();

// Adds every image of folder to the open project.
bool addFolder(ProjectSession& session, const QString& folder) {
    project::Project found;
    if (!project::add_image_folder(found, folder.toStdString(), project::ImageRole::Train).ok())
        return false;
    return session.mergeImages(found) > 0;
}

}  // namespace

class TestProjectDrills : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    // A folder the user may read but not write (as root, checked as "nobody"): refused with a message naming
    // it, since every change is saved as it is made; nothing in it is touched.
    void aReadOnlyProjectFolderIsRefusedWithAMessage() {
        QTemporaryDir tmp;
        const QString folder = tmp.filePath(QStringLiteral("line3"));
        {
            ProjectSession session;
            QCOMPARE(session.create(folder), QString());
        }
        const QString file = QDir(folder).filePath(QString::fromLatin1(project::k_project_file_name));
        const QByteArray before = test::readAll(file);
        QVERIFY(::chmod(tmp.path().toLocal8Bit().constData(), 0755) == 0);
        QVERIFY(::chmod(folder.toLocal8Bit().constData(), 0555) == 0);
        const int code = test::exit_code_unprivileged([&folder] {
            ProjectSession session;
            const QString error = session.open(folder);
            std::fprintf(stderr, "opening a read-only project: %s\n", qPrintable(error));
            return error.contains(folder) && error.contains(QStringLiteral("cannot create a lock file")) &&
                           !session.isOpen()
                       ? 0
                       : 1;
        });
        ::chmod(folder.toLocal8Bit().constData(), 0755);
        if (code == test::kCannotDropRoot)
            QSKIP("root could not become nobody here (no CAP_SETUID): a read-only folder binds no root");
        QCOMPARE(code, 0);
        QVERIFY(test::readAll(file) == before);
        QVERIFY(!QFile::exists(QDir(folder).filePath(QStringLiteral(".kensa-project.lock"))));
    }

    // Made read-only while open (a share remounted read-only, the write permission taken away): the changes
    // made meanwhile are reported as not saved, naming the file and the reason, nothing on disk changes, and
    // once the folder is writable again the next change saves them all.
    void aProjectMadeReadOnlyWhileOpenLosesNothing() {
        QTemporaryDir tmp;
        const QString folder = tmp.filePath(QStringLiteral("line3"));
        test::ReadOnlyFolder readOnly(folder.toStdString());
        test::checkAFailedAutosaveLosesNothing(folder, tmp.filePath(QStringLiteral("img")),
                                               {[&readOnly] { return readOnly.make_read_only(); },
                                                [&readOnly] { return readOnly.error_text(); },
                                                [&readOnly] { readOnly.make_writable(); }});
        qInfo("read-only: %s", readOnly.mechanism().c_str());
    }

    // Renamed while closed: the old path says it does not exist; the new one opens with its images (inside
    // the folder: stored relative; outside: absolute), its masks and its active model.
    void aProjectMovedWhileClosedOpensWhereItIsNow() {
        QTemporaryDir tmp;
        const QString before = tmp.filePath(QStringLiteral("line3")), after = tmp.filePath(QStringLiteral("line3-2026"));
        test::writeImage(QDir(before).filePath(QStringLiteral("images")), QStringLiteral("a.png"), {64, 48});
        test::writeImage(tmp.filePath(QStringLiteral("shared")), QStringLiteral("c.png"), {64, 48}, 2);
        {
            ProjectSession session;
            QCOMPARE(session.create(before), QString());
            QVERIFY(addFolder(session, QDir(before).filePath(QStringLiteral("images"))));
            QVERIFY(addFolder(session, tmp.filePath(QStringLiteral("shared"))));
            test::markRow(session.openDocument(0, mask_ops::blankMask({64, 48})), 5);
            QFile model(QDir(session.modelsFolder()).filePath(QStringLiteral("padim.kensa")));
            QVERIFY(QDir().mkpath(session.modelsFolder()) && model.open(QIODevice::WriteOnly));
            model.close();
            auto settings = session.project().settings;
            settings.active_model = "padim.kensa";
            session.setSettings(settings);
        }  // closed
        QVERIFY(QDir().rename(before, after));

        ProjectSession session;
        const QString gone = session.open(before);
        QVERIFY2(gone.contains(before) && gone.contains(QStringLiteral("does not exist")), qPrintable(gone));
        QCOMPARE(session.open(after), QString());
        QCOMPARE(session.imageCount(), 2);
        QCOMPARE(session.imagePath(0), QDir(after).filePath(QStringLiteral("images/a.png")));
        QCOMPARE(session.imagePath(1), tmp.filePath(QStringLiteral("shared/c.png")));
        const auto mask = project::load_mask(session.project(), after.toStdString(), 0);
        QVERIFY2(mask.ok(), mask.ok() ? "" : mask.error().message().c_str());
        QCOMPARE(int(mask->at<uchar>(5, 0)), 255);
        QCOMPARE(session.project().settings.active_model, std::string("padim.kensa"));
        QVERIFY(QFile::exists(QDir(session.modelsFolder()).filePath(QStringLiteral("padim.kensa"))));
    }

    // Recent projects: one that cannot be opened because another window has it stays in the list (it used
    // to be removed); one that is gone (moved) leaves it. Each time the message names the folder.
    void aRecentProjectThatCannotBeOpenedLeavesTheListOnlyWhenGone() {
        QTemporaryDir tmp;
        const QString busy = tmp.filePath(QStringLiteral("busy")), moved = tmp.filePath(QStringLiteral("moved"));
        ProjectSession other;  // another window
        QCOMPARE(other.create(busy), QString());
        {
            ProjectSession session;
            QCOMPARE(session.create(moved), QString());
        }
        recent_projects::add(moved);
        recent_projects::add(busy);
        MainWindow w;
        const auto openAndReadMessage = [&w, this](const QString& folder) {
            QString shown;
            QTimer::singleShot(0, this, [&shown] {
                if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                    shown = box->text();
                    box->accept();
                }
            });
            return w.projectActions()->openFolder(folder) ? QString() : shown;
        };
        const QString refused = openAndReadMessage(busy);
        QVERIFY2(refused.contains(QStringLiteral("open in another Kensa")), qPrintable(refused));
        QVERIFY(recent_projects::list().contains(busy));

        QVERIFY(QDir().rename(moved, moved + QStringLiteral("-elsewhere")));
        const QString gone = openAndReadMessage(moved);
        QVERIFY2(gone.contains(moved) && gone.contains(QStringLiteral("does not exist")), qPrintable(gone));
        QVERIFY(!recent_projects::list().contains(moved));
        QVERIFY(recent_projects::list().contains(busy));
        recent_projects::remove(busy);
    }

    // An image deleted while the project is open: showing it says which file and why; its entry, label and
    // mask stay in the project through later saves, and it shows again once the file is back.
    void imagesDeletedWhileOpenAreNamedAndKept() {
        QTemporaryDir tmp;
        const QString images = tmp.filePath(QStringLiteral("img"));
        test::writeImage(images, QStringLiteral("a.png"), {64, 48});
        const QString deleted = test::writeImage(images, QStringLiteral("b.png"), {64, 48}, 1);
        const QByteArray content = test::readAll(deleted);
        const QString folder = tmp.filePath(QStringLiteral("project"));
        ProjectSession session;
        QCOMPARE(session.create(folder), QString());
        QVERIFY(addFolder(session, images));
        test::markRow(session.openDocument(1, mask_ops::blankMask({64, 48})), 7);
        session.flush();

        QVERIFY(QFile::remove(deleted));
        AnnotationCanvas canvas;
        AnnotationController controller(&session, &canvas);
        QSignalSpy failed(&controller, &AnnotationController::loadFailed);
        controller.showRow(1);
        QVERIFY(failed.wait(10000));
        const QString why = failed.first().at(1).toString();
        QVERIFY2(why.contains(deleted) && why.contains(QStringLiteral("file not found")), qPrintable(why));

        session.setFlagged(0, true);  // later changes save the project again
        session.flush();
        const auto loaded = project::load_project(folder.toStdString());
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->images.size(), size_t(2));
        QCOMPARE(QString::fromStdString(loaded->images[1].path.string()), deleted);
        QCOMPARE(loaded->images[1].label, project::Label::Defect);
        QVERIFY(project::load_mask(*loaded, folder.toStdString(), 1).ok());

        QFile back(deleted);  // the file restored: it shows again, with its mask
        QVERIFY(back.open(QIODevice::WriteOnly) && back.write(content) == content.size());
        back.close();
        QSignalSpy loadedRow(&controller, &AnnotationController::loaded);
        controller.showRow(0);
        controller.showRow(1);
        QTRY_VERIFY_WITH_TIMEOUT(!loadedRow.isEmpty() && loadedRow.last().at(0).toInt() == 1, 10000);
        session.close();
    }
};

QTEST_MAIN(TestProjectDrills)
#include "test_project_drills.moc"
