// The Run dock on a hot folder: the active model inspects images as they are written into the folder,
// counters and the NG strip follow, results.csv and the OK/NG folders are written, Stop stops, and it cannot
// start without a model or a folder.
#include "run/run_panel.h"
#include "project/project_session.h"
#include "training_fixture.h"
#include "ui_test_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace kensa;
using namespace kensa::ui;

class TestRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsOnAHotFolderUntilStopped() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createLabelledProject(session, tmp), QString());
        RunPanel panel(&session);
        QCOMPARE(panel.outputEdit()->text(), QDir(session.folder()).filePath(QStringLiteral("runs")));
        const QString hot = tmp.filePath(QStringLiteral("hot"));
        QVERIFY(QDir().mkpath(hot));
        panel.sourceEdit()->setText(hot);
        QVERIFY(!panel.startButton()->isEnabled());  // no model yet
        QVERIFY(panel.startButton()->toolTip().contains(QStringLiteral("model")));

        QCOMPARE(test::trainTinyModel(session, 64, "patchcore"), QString());
        QVERIFY(panel.startButton()->isEnabled());
        panel.sortBox()->setChecked(true);
        QSignalSpy parts(panel.controller(), &RunController::partInspected);
        QSignalSpy stopped(panel.controller(), &RunController::stopped);
        panel.startButton()->click();
        QVERIFY(panel.stopButton()->isEnabled());
        QVERIFY(!panel.sourceEdit()->isEnabled());

        // A normal part and a defective one (a white square on the texture), written while it runs.
        QTest::qWait(500);
        QFile::copy(tmp.filePath(QStringLiteral("train/0.png")), hot + QStringLiteral("/a.png"));
        QImage defect(tmp.filePath(QStringLiteral("train/1.png")));
        QPainter(&defect).fillRect(QRect(20, 20, 18, 18), Qt::white);
        defect.save(hot + QStringLiteral("/b.png"));
        QTRY_COMPARE_WITH_TIMEOUT(parts.count(), 2, 30000);
        // The two may settle in either order (each once its write is complete).
        const bool bSecond = parts.at(1).at(0).value<RunPart>().name == QStringLiteral("b.png");
        const auto b = parts.at(bSecond ? 1 : 0).at(0).value<RunPart>();
        QCOMPARE(b.name, QStringLiteral("b.png"));
        QCOMPARE(parts.at(bSecond ? 0 : 1).at(0).value<RunPart>().name, QStringLiteral("a.png"));
        QVERIFY(b.ng);
        QVERIFY(!b.thumbnail.isNull());
        // The spy counts in the line's thread; the panel hears of each part through the event loop.
        QTRY_COMPARE(panel.ngStrip()->count(), 1);
        QTRY_VERIFY(panel.countsLabel()->text().startsWith(QStringLiteral("2 parts")));

        panel.stopButton()->click();
        QVERIFY(stopped.wait(10000));
        QVERIFY(stopped.first().at(0).value<RunSummary>().error.isEmpty());
        QVERIFY(panel.startButton()->isEnabled());
        const QString runs = panel.outputEdit()->text();
        QFile log(runs + QStringLiteral("/results.csv"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(log.readAll());
        QVERIFY2(text.contains(QStringLiteral("b.png,")) && text.contains(QStringLiteral(",NG,")), qPrintable(text));
        QVERIFY(QFile::exists(runs + QStringLiteral("/sorted/NG/b.png")));
        QVERIFY(QFile::exists(hot + QStringLiteral("/b.png")));  // copied: "move" was not ticked
        session.flush();
    }

    void aMissingFolderIsSaidBeforeStarting() {
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(session.create(tmp.filePath(QStringLiteral("p"))), QString());
        RunPanel panel(&session);
        RunSettings s;
        s.folder = tmp.filePath(QStringLiteral("nowhere"));
        s.output = tmp.filePath(QStringLiteral("out"));
        QVERIFY(!panel.controller()->cannotStartReason(s).isEmpty());
        QSignalSpy stopped(panel.controller(), &RunController::stopped);
        QVERIFY(!panel.controller()->start(s));
        QCOMPARE(stopped.count(), 1);
        QVERIFY(!stopped.first().at(0).value<RunSummary>().error.isEmpty());
    }
};

QTEST_MAIN(TestRun)
#include "test_run.moc"
