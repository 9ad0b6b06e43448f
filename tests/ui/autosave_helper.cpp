// Test helper for test_ui_autosave_crash: opens a project and, through the app's own session and autosaver,
// draws one horizontal line per stroke into image 0's mask, forever. After each stroke is on disk it prints
// "saved <row>" (rows 0..row are then complete). It continues from the rows already on disk, so it can be
// killed and restarted on the same project.
#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"
#include "image_convert.h"
#include "project/autosaver.h"
#include "project/project_session.h"

#include <kensa/project/annotation_store.h>

#include <QEventLoop>
#include <QGuiApplication>
#include <QImageReader>

#include <cstdio>

using namespace kensa;
using namespace kensa::ui;

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: kensa_autosave_helper PROJECT_FOLDER\n");
        return 2;
    }
    ProjectSession session;
    if (const QString error = session.open(QString::fromLocal8Bit(argv[1])); !error.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QSize size = QImageReader(session.imagePath(0)).size();
    auto existing = project::load_mask(session.project(), session.folder().toStdString(), 0);
    QImage start = existing && !existing->empty() ? mask_from_mat(*existing) : mask_ops::blankMask(size);
    int row = 0;
    while (row < start.height() && start.constScanLine(row)[0] == 255)
        ++row;
    MaskDocument* doc = session.openDocument(0, start);
    for (;; ++row) {
        const int y = row % size.height();
        const uchar value = (row / size.height()) % 2 == 0 ? 255 : 0;  // wrap around: clear, then mark again
        doc->beginEdit();
        doc->touched(mask_ops::paintSegment(doc->editableMask(), {0, y + 0.5}, {qreal(size.width()), y + 0.5},
                                            0.5, value));
        doc->endEdit(QStringLiteral("line"));
        QEventLoop loop;
        QObject::connect(session.autosaver(), &Autosaver::saved, &loop, &QEventLoop::quit);
        QObject::connect(session.autosaver(), &Autosaver::failed, &loop, [](const QString& e) {
            std::fprintf(stderr, "%s\n", qPrintable(e));
            std::exit(1);
        });
        if (session.autosaver()->isBusy())
            loop.exec();
        std::printf("saved %d\n", row);
        std::fflush(stdout);
    }
}
