#pragma once
// The autosave drill that a full disk and a folder made read-only share (issue 21): a project with one image
// and a saved stroke; then writes fail; a stroke and a flag made meanwhile are reported as not saved (the
// message names the mask file and the reason), the files stay byte for byte with nothing new beside them;
// once writes work again, the next change (a label) writes everything, the stroke and flag made meanwhile too.

#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"
#include "project/autosaver.h"
#include "project/project_session.h"
#include "mask_strokes.h"
#include "ui_test_support.h"

#include <kensa/project/annotation_store.h>
#include <kensa/project/project_file.h>
#include <kensa/project/project_images.h>

#include <QDir>
#include <QDirIterator>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <string>

namespace kensa::test {

struct WriteFailure {
    std::function<std::string()> begin;      // from now on writes fail; "" or why they cannot (the test skips)
    std::function<std::string()> errorText;  // what a failed write says
    std::function<void()> end;               // writes work again
};

// Every file and folder under folder, relative, sorted.
inline QStringList entriesUnder(const QString& folder) {
    QStringList names;
    for (QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        names << QDir(folder).relativeFilePath(it.next());
    names.sort();
    return names;
}

// Creates the project at folder (its image in imageFolder) and runs the drill. QTest failures and skips
// return from here: callers return after it.
inline void checkAFailedAutosaveLosesNothing(const QString& folder, const QString& imageFolder,
                                             const WriteFailure& failure) {
    writeImage(imageFolder, QStringLiteral("part.png"), {256, 256});
    ui::ProjectSession session;
    QCOMPARE(session.create(folder), QString());
    project::Project found;
    QVERIFY(project::add_image_folder(found, imageFolder.toStdString(), project::ImageRole::Train).ok());
    QCOMPARE(session.mergeImages(found), 1);
    ui::MaskDocument* doc = session.openDocument(0, ui::mask_ops::blankMask({256, 256}));
    markRow(doc, 10);
    session.flush();
    QTRY_VERIFY(!session.autosaver()->isBusy());
    const QString projectFile = QDir(folder).filePath(QString::fromLatin1(project::k_project_file_name));
    const QString maskFile = QDir(folder).filePath(QString::fromStdString(session.image(0).mask.generic_string()));
    const QByteArray previousProject = readAll(projectFile), previousMask = readAll(maskFile);
    QVERIFY(!previousProject.isEmpty() && !previousMask.isEmpty());
    const QStringList before = entriesUnder(folder);

    if (const std::string why = failure.begin(); !why.empty())
        QSKIP(qPrintable(QStringLiteral("writes cannot be made to fail here: ") + QString::fromStdString(why)));
    QSignalSpy failed(&session, &ui::ProjectSession::saveFailed);
    markRow(doc, 100);  // a stroke and a flag that cannot be written
    session.setFlagged(0, true);
    QVERIFY(failed.wait(10000));
    const QString message = failed.first().at(0).toString();
    QVERIFY2(message.contains(maskFile) && message.contains(QString::fromStdString(failure.errorText())),
             qPrintable(message));
    QTRY_VERIFY(!session.autosaver()->isBusy());
    QCOMPARE(entriesUnder(folder), before);  // no .partial, nothing new
    QVERIFY(readAll(projectFile) == previousProject);
    QVERIFY(readAll(maskFile) == previousMask);

    failure.end();
    QSignalSpy saved(session.autosaver(), &ui::Autosaver::saved);
    session.setLabel(0, project::Label::Defect, QStringLiteral("dent"));
    QVERIFY(saved.wait(10000));
    QTRY_VERIFY(!session.autosaver()->isBusy());
    const auto loaded = project::load_project(folder.toStdString());
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
    QVERIFY(loaded->images[0].flagged);
    QCOMPARE(loaded->images[0].defect_type, std::string("dent"));
    const auto mask = project::load_mask(*loaded, folder.toStdString(), 0);
    QVERIFY(mask.ok());
    QCOMPARE(int(mask->at<uchar>(10, 0)), 255);
    QCOMPARE(int(mask->at<uchar>(100, 0)), 255);  // the stroke made while writes failed
    QVERIFY(loaded->images[0].mask_pixels >= 2 * 256);
    session.close();
}

}  // namespace kensa::test
