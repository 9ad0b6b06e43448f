// Crash drills of the app's writes (issue 21): a process recording review decisions (each autosaves the
// project file) and a process exporting a model are killed with SIGKILL at random moments, again and again.
// Afterwards the project opens with every decision reported saved (at most the one in flight is lost), and
// the export's destination is the previous file or the whole model, never a part of it. Also: a project
// that another process has open is refused until that process dies.
#include "project/project_session.h"
#include "training/model_export.h"
#include "ui_test_support.h"

#include <kensa/base/atomic_file.h>
#include <kensa/model/model_bundle.h>
#include <kensa/project/project_file.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <functional>

using namespace kensa;

namespace {

// Starts the helper and reads its lines until `until` says stop; every line read is passed to it.
class Helper {
public:
    explicit Helper(const QStringList& args) {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(KENSA_CRASH_DRILL_HELPER), args);
    }
    bool started() { return m_process.waitForStarted(); }
    // Reads lines until until(line) is true; false when the helper stopped or went quiet for 20 s.
    bool readUntil(const std::function<bool(const QByteArray&)>& until) {
        for (;;) {
            while (m_process.canReadLine()) {
                if (until(m_process.readLine().trimmed()))
                    return true;
            }
            if (!m_process.waitForReadyRead(20000))
                return false;
        }
    }
    void kill(const std::function<void(const QByteArray&)>& eachLineLeft) {
        m_process.kill();  // SIGKILL
        m_process.waitForFinished(10000);
        while (m_process.canReadLine())
            eachLineLeft(m_process.readLine().trimmed());
    }
    QProcess::ExitStatus exitStatus() const { return m_process.exitStatus(); }
    qint64 processId() const { return m_process.processId(); }

private:
    QProcess m_process;
};

// A valid model file of about `megabytes` (load_bundle checks its format and checksum, not its method).
void writeModel(const QString& path, int megabytes, float value) {
    model::ModelBundle bundle;
    bundle.method = "padim";
    bundle.backbone = "resnet18";
    const size_t floats = size_t(megabytes) * 1024 * 1024 / 4;
    std::vector<std::byte> bytes(floats * 4);
    for (size_t i = 0; i < floats; ++i)
        std::memcpy(bytes.data() + i * 4, &value, 4);
    bundle.tensors.tensors.push_back({"padim.mean", io::DType::F32, {int64_t(floats)}, std::move(bytes)});
    model::save_bundle(path.toStdString(), bundle);
}

}  // namespace

class TestCrashDrills : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // A project of 3,000 images (a 0.5 MB project file, rewritten on every decision) reviewed decision by
    // decision; killed four times at random moments, reopened each time.
    void reviewKilledMidSaveLosesAtMostTheDecisionInFlight() {
        QTemporaryDir tmp;
        const std::string folder = tmp.filePath(QStringLiteral("project")).toStdString();
        auto created = project::create_project(folder);
        QVERIFY(created.ok());
        project::Project p = std::move(created).take();
        for (int i = 0; i < 3000; ++i) {
            project::ImageEntry e;
            e.path = std::filesystem::path(folder) / "lot" / ("part-" + std::to_string(100000 + i) + ".png");
            e.role = project::ImageRole::Test;
            p.images.push_back(e);
        }
        project::save_project(p, folder);

        int confirmed = -1;  // the last row the helper reported decided and saved
        const auto parse = [&confirmed](const QByteArray& line) {
            if (line.startsWith("decided "))
                confirmed = std::max(confirmed, line.split(' ').at(1).toInt());
        };
        for (int round = 0; round < 4; ++round) {
            Helper helper({QStringLiteral("review"), QString::fromStdString(folder)});
            QVERIFY(helper.started());
            const int target = confirmed + 5 + round * 3;
            QVERIFY2(helper.readUntil([&](const QByteArray& line) {
                         parse(line);
                         return confirmed >= target;
                     }),
                     "the helper stopped reporting decisions");
            QTest::qWait(int(QRandomGenerator::global()->bounded(0, 30)));
            helper.kill(parse);
            QCOMPARE(helper.exitStatus(), QProcess::CrashExit);

            const auto loaded = project::load_project(folder);
            QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message().c_str());
            QCOMPARE(loaded->images.size(), size_t(3000));
            for (int row = 0; row <= confirmed; ++row) {
                const auto want = row % 2 == 0 ? project::ReviewDecision::Ng : project::ReviewDecision::Ok;
                QVERIFY2(loaded->images[size_t(row)].review == want, qPrintable(QString::number(row)));
            }
            for (int row = confirmed + 2; row < 3000; ++row)  // confirmed + 1 may be on disk, unreported
                QVERIFY2(loaded->images[size_t(row)].review == project::ReviewDecision::None,
                         qPrintable(QString::number(row)));
            const auto partial = kensa::partial_path(std::filesystem::path(folder) / project::k_project_file_name);
            qInfo("round %d: killed after decision %d was saved%s", round, confirmed,
                  std::filesystem::exists(partial) ? " (mid-write: a .partial was left)" : "");
        }
    }

    // The same project opened while another Kensa process has it: refused, naming that process; once that
    // process is killed, its lock is stale and the project opens (taken over, nothing to clean up by hand).
    void aProjectOpenInAnotherProcessIsRefusedUntilThatOneDies() {
        QTemporaryDir tmp;
        const QString folder = tmp.filePath(QStringLiteral("project"));
        auto created = project::create_project(folder.toStdString());
        QVERIFY(created.ok());
        project::Project p = std::move(created).take();
        p.images.push_back({});
        p.images.back().path = (folder + QStringLiteral("/part.png")).toStdString();
        project::save_project(p, folder.toStdString());

        Helper helper({QStringLiteral("review"), folder});
        QVERIFY(helper.started());
        QVERIFY(helper.readUntil([](const QByteArray& line) { return line.startsWith("decided"); }));
        ui::ProjectSession session;
        const QString refused = session.open(folder);
        QVERIFY2(refused.contains(QStringLiteral("open in another Kensa (process %1").arg(helper.processId())),
                 qPrintable(refused));
        QVERIFY(!session.isOpen());
        helper.kill([](const QByteArray&) {});
        QCOMPARE(session.open(folder), QString());
        QCOMPARE(session.imageCount(), 1);
        QVERIFY(session.image(0).review != project::ReviewDecision::None);  // what the other one recorded
    }

    // A 24 MB model exported over an older export; killed at random moments during the copy, four times.
    // The destination is the old file or the whole new model; the next export replaces what a kill left.
    void exportKilledMidWriteLeavesTheOldFileOrTheWholeModel() {
        QTemporaryDir tmp;
        const QString source = tmp.filePath(QStringLiteral("project/models/padim.kensa"));
        const QString destination = tmp.filePath(QStringLiteral("shipped/line3.kensa"));
        writeModel(source, 24, 1.f);
        writeModel(destination, 24, 2.f);  // last week's export
        const QByteArray newer = test::readAll(source), older = test::readAll(destination);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(ui::exportModel(source, tmp.filePath(QStringLiteral("timing.kensa"))), QString());
        const int exportMs = int(timer.elapsed());

        int replaced = 0;
        for (int round = 0; round < 4; ++round) {
            Helper helper({QStringLiteral("export"), source, destination});
            QVERIFY(helper.started());
            QVERIFY(helper.readUntil([](const QByteArray& line) { return line == "exporting 0"; }));
            QTest::qWait(int(QRandomGenerator::global()->bounded(0, exportMs * 3 / 2 + 20)));
            helper.kill([](const QByteArray&) {});
            const QByteArray now = test::readAll(destination);
            QVERIFY2(now == older || now == newer, "the destination holds part of a model");
            replaced += now == newer;
            const bool midWrite = QFile::exists(QString::fromStdString(partial_path(destination.toStdString()).string()));
            qInfo("round %d: killed %s", round,
                  now == newer ? "after the rename" : midWrite ? "while writing" : "before writing");
            QFile out(destination);  // last week's export again, for the next round
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(older);
            out.close();
        }
        qInfo("%d of 4 kills came after the new model was in place (export took %d ms here)", replaced, exportMs);
        QCOMPARE(ui::exportModel(source, destination), QString());
        QVERIFY(test::readAll(destination) == newer);
        QVERIFY(!QFile::exists(QString::fromStdString(kensa::partial_path(destination.toStdString()).string())));
    }
};

QTEST_GUILESS_MAIN(TestCrashDrills)
#include "test_crash_drills.moc"
