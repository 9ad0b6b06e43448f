// Kills a process with SIGKILL while it autosaves strokes (kensa_autosave_helper), several times, and checks
// that the project still opens and holds every stroke reported as saved.
#include "ui_test_support.h"

#include <kensa/data/image_io.h>
#include <kensa/project/annotation_store.h>
#include <kensa/project/project_file.h>
#include <kensa/project/project_images.h>

#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace kensa;

class TestAutosaveCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedMidAutosaveLeavesAnIntactProject() {
        QTemporaryDir tmp;
        // A large image: each autosave writes a ~1 MB mask and the project file, so a kill lands mid-write.
        test::writeImage(tmp.filePath(QStringLiteral("img")), QStringLiteral("big.png"), {1024, 1024});
        const std::string folder = tmp.filePath(QStringLiteral("project")).toStdString();
        auto created = project::create_project(folder);
        QVERIFY(created.ok());
        project::Project p = std::move(created).take();
        QVERIFY(project::add_image_folder(p, tmp.filePath(QStringLiteral("img")).toStdString(),
                                          project::ImageRole::Train)
                    .ok());
        project::save_project(p, folder);

        int confirmed = -1;
        for (int round = 0; round < 4; ++round) {
            QProcess helper;
            helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            helper.start(QStringLiteral(KENSA_AUTOSAVE_HELPER), {QString::fromStdString(folder)});
            QVERIFY(helper.waitForStarted());
            // Let it save a few strokes, then kill it at a random moment inside the next ones.
            const int target = confirmed + 3 + round * 2;
            QByteArray out;
            while (confirmed < target) {
                QVERIFY2(helper.waitForReadyRead(20000), "the helper stopped reporting saves");
                out += helper.readAll();
                for (const QByteArray& line : out.split('\n')) {
                    if (line.startsWith("saved "))
                        confirmed = std::max(confirmed, line.mid(6).toInt());
                }
            }
            QTest::qWait(int(QRandomGenerator::global()->bounded(5, 60)));
            helper.kill();  // SIGKILL
            QVERIFY(helper.waitForFinished(10000));
            QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
            out += helper.readAll();
            for (const QByteArray& line : out.split('\n')) {
                if (line.startsWith("saved "))
                    confirmed = std::max(confirmed, line.mid(6).toInt());
            }

            // The project opens, and its mask holds every stroke reported saved.
            const auto loaded = project::load_project(folder);
            QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
            QCOMPARE(loaded->images.size(), size_t(1));
            QVERIFY(!loaded->images[0].mask.empty());
            const auto mask = project::load_mask(*loaded, folder, 0);
            QVERIFY2(mask.ok(), mask.ok() ? "" : mask.error().message().c_str());
            QCOMPARE(mask->rows, 1024);
            for (int y = 0; y <= confirmed; ++y)
                QVERIFY2(mask->at<uchar>(y, 0) == 255 && mask->at<uchar>(y, 1023) == 255,
                         qPrintable(QString::number(y)));
            QVERIFY(loaded->images[0].mask_pixels >= qint64(confirmed) * 1024);
            qInfo("round %d: killed after stroke %d was saved", round, confirmed);
        }
    }
};

QTEST_GUILESS_MAIN(TestAutosaveCrash)
#include "test_autosave_crash.moc"
