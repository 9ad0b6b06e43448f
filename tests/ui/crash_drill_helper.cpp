// Test helper for test_ui_crash_drills: does one of the app's writes in a loop, forever, through the app's own
// code, printing a line after each is on disk, until the test kills it with SIGKILL.
//   review FOLDER        records a reviewer decision on image after image of the project (as the review
//                        panel does: through the session, which autosaves the project file); prints
//                        "decided <row> <ng|ok>" once the project file holds it.
//   export SOURCE DEST   exports the model SOURCE to DEST (the Export button's function); prints
//                        "exporting <n>" before and "exported <n>" after each.
#include "project/autosaver.h"
#include "project/project_session.h"
#include "training/model_export.h"

#include <kensa/project/project.h>

#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace kensa;
using namespace kensa::ui;

namespace {

// The decision the drill records on row in its pass-th pass over the project: alternating, so every pass
// changes every row.
project::ReviewDecision decisionFor(int row, int pass) {
    return (row + pass) % 2 == 0 ? project::ReviewDecision::Ng : project::ReviewDecision::Ok;
}

int review(const QString& folder) {
    ProjectSession session;
    if (const QString error = session.open(folder); !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QObject::connect(session.autosaver(), &Autosaver::failed, [](const QString& e) {
        std::fprintf(stderr, "%s\n", qPrintable(e));
        std::exit(1);
    });
    for (int step = 0;; ++step) {
        const int row = step % session.imageCount(), pass = step / session.imageCount();
        const auto decision = decisionFor(row, pass);
        session.setReviewDecision(row, decision);
        QEventLoop loop;
        QObject::connect(session.autosaver(), &Autosaver::saved, &loop, &QEventLoop::quit);
        if (session.autosaver()->isBusy())
            loop.exec();
        std::printf("decided %d %s\n", row, project::to_string(decision));
        std::fflush(stdout);
    }
}

int exportForever(const QString& source, const QString& destination) {
    for (long n = 0;; ++n) {
        std::printf("exporting %ld\n", n);
        std::fflush(stdout);
        if (const QString error = exportModel(source, destination); !error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("exported %ld\n", n);
        std::fflush(stdout);
    }
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc == 3 && std::strcmp(argv[1], "review") == 0)
        return review(QString::fromLocal8Bit(argv[2]));
    if (argc == 4 && std::strcmp(argv[1], "export") == 0)
        return exportForever(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    std::fprintf(stderr, "usage: kensa_crash_drill_helper review FOLDER | export SOURCE DEST\n");
    return 2;
}
