// The thumbnail browser with 5,000 images: loading, filters, unreadable files listed with the reason,
// keyboard navigation, and that nothing on the GUI thread takes long.
#include "browser/image_browser.h"
#include "browser/image_filter_proxy.h"
#include "browser/image_list_model.h"
#include "browser/thumbnail_cache.h"
#include "canvas/annotation_canvas.h"
#include "canvas/annotation_controller.h"
#include "main/main_window.h"
#include "main/project_actions.h"
#include "project/project_session.h"
#include "ui_test_support.h"

#include <QComboBox>
#include <QDirIterator>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QListWidget>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kensa;
using namespace kensa::ui;

class TestBrowser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase() { test::removeThumbnailCache(); }
    void initTestCase() {
        test::isolateSettings();
        QVERIFY(m_tmp.isValid());
        const QString normal = m_tmp.filePath(QStringLiteral("normal"));
        QDir().mkpath(normal);
        // Larger than a thumbnail: only those are kept on disk (a tiny image decodes faster than its file).
        QImage img(128, 96, QImage::Format_RGB888);
        for (int i = 0; i < k_count; ++i) {
            img.fill(QColor::fromHsv(i % 360, 160, 200));
            QVERIFY(
                img.save(QDir(normal).filePath(QStringLiteral("img%1.png").arg(i, 5, 10, QLatin1Char('0')))));
        }
        const QString review = m_tmp.filePath(QStringLiteral("review"));
        test::writeImage(review, QStringLiteral("ok.png"), {24, 24});
        for (const char* bad : {"truncated.png", "text.jpg"}) {
            QFile f(QDir(review).filePath(QString::fromLatin1(bad)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("this is not an image");
        }
    }

    void fiveThousandImages() {
        MainWindow w;
        w.resize(1400, 900);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        ProjectSession* session = w.session();
        QCOMPARE(session->create(m_tmp.filePath(QStringLiteral("project"))), QString());

        QSignalSpy appended(session, &ProjectSession::imagesAppended);
        w.projectActions()->addFolder(m_tmp.filePath(QStringLiteral("normal")), project::ImageRole::Train);
        QVERIFY(appended.wait(30000));
        w.projectActions()->addFolder(m_tmp.filePath(QStringLiteral("review")), project::ImageRole::Test);
        QVERIFY(appended.wait(30000));
        QCOMPARE(session->imageCount(), k_count + 3);

        ImageBrowser* browser = w.browser();
        ImageFilterProxy* proxy = browser->proxy();
        QCOMPARE(proxy->rowCount(), k_count + 3);

        // Unreadable files are found in the background and listed with the reason; nothing crashes.
        QTRY_COMPARE_WITH_TIMEOUT(w.thumbnails()->errors().size(), 2, 120000);
        const QString reason =
            w.thumbnails()->errors().value(m_tmp.filePath(QStringLiteral("review/text.jpg")));
        QVERIFY2(reason.contains(QStringLiteral("text.jpg")), qPrintable(reason));
        auto* issues = w.findChild<QDockWidget*>(QStringLiteral("issues"));
        QVERIFY(issues && issues->isVisible());
        QCOMPARE(static_cast<QListWidget*>(issues->widget())->count(), 2);

        // Thumbnails were kept on disk for the next time the project opens.
        const QString cacheDir =
            QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/thumbnails");
        w.thumbnails()->waitForIdle();
        int cached = 0;
        for (QDirIterator it(cacheDir, {QStringLiteral("*.jpg")}, QDir::Files, QDirIterator::Subdirectories);
             it.hasNext(); it.next())
            ++cached;
        QVERIFY2(cached >= k_count, qPrintable(QString::number(cached)));

        // Filtering 5,003 rows is quick enough for the GUI thread.
        const auto timeFilter = [&](ImageFilterProxy::Show show) {
            QElapsedTimer t;
            t.start();
            browser->showFilter()->setCurrentIndex(browser->showFilter()->findData(int(show)));
            return t.elapsed();
        };
        QVERIFY(timeFilter(ImageFilterProxy::Show::Unlabelled) < 250);
        QCOMPARE(proxy->rowCount(), 3);  // test images start unlabelled
        timeFilter(ImageFilterProxy::Show::Unreadable);
        QCOMPARE(proxy->rowCount(), 2);
        timeFilter(ImageFilterProxy::Show::Normal);
        QCOMPARE(proxy->rowCount(), k_count);

        // A change to one image (which queues the whole project file for the background writer) stays far
        // below the GUI thread's 30 ms budget with 5,003 images.
        {
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < 10; ++i)
                session->setFlagged(100, i % 2 == 0);
            qInfo("label change with autosave queued: %.2f ms", t.nsecsElapsed() / 1e7);
            QVERIFY(t.elapsed() < 10 * 30);
            session->flush();
        }

        // Labelling re-filters; flags too.
        const int ok = session->imageCount() - 3 + 0;  // review/ok.png comes first (sorted)
        session->setLabel(ok, project::Label::Defect, QStringLiteral("dent"));
        session->setFlagged(7, true);
        timeFilter(ImageFilterProxy::Show::Defect);
        QCOMPARE(proxy->rowCount(), 1);
        timeFilter(ImageFilterProxy::Show::Flagged);
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(browser->currentRow() == 7 || proxy->mapToSource(proxy->index(0, 0)).row() == 7, true);
        timeFilter(ImageFilterProxy::Show::All);
        QVERIFY(timeFilter(ImageFilterProxy::Show::All) < 250);

        // Scrolling through the whole list stays responsive (each step well under the 30 ms budget on
        // average, thumbnails being made elsewhere).
        QListView* view = browser->view();
        QElapsedTimer t;
        t.start();
        const int steps = 40;
        for (int i = 0; i <= steps; ++i) {
            view->verticalScrollBar()->setValue(view->verticalScrollBar()->maximum() * i / steps);
            view->repaint();
        }
        const qint64 perStep = t.elapsed() / (steps + 1);
        qInfo("scroll step: %lld ms", perStep);
        QVERIFY(perStep < 60);

        // Keyboard: arrows in the list and Page Down/Up anywhere move through the images.
        browser->setCurrentRow(0);
        QTRY_COMPARE_WITH_TIMEOUT(w.annotation()->currentRow(), 0, 10000);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(browser->currentRow(), 1);
        QTest::keyClick(&w, Qt::Key_PageDown);
        QCOMPARE(browser->currentRow(), 2);
        QTest::keyClick(&w, Qt::Key_PageUp);
        QCOMPARE(browser->currentRow(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(w.annotation()->currentRow(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(w.canvas()->document() != nullptr, 10000);

        // Keyboard labelling: N marks normal, F flags.
        w.canvas()->setFocus();
        QTest::keyClick(w.canvas(), Qt::Key_F);
        QVERIFY(session->image(1).flagged);
        view->setFocus();  // the shortcuts work from the list too (no type-ahead search takes the key)
        QTest::keyClick(view, Qt::Key_U);
        QCOMPARE(session->image(1).label, project::Label::Unlabelled);
        QTest::keyClick(view, Qt::Key_D);
        QCOMPARE(session->image(1).label, project::Label::Defect);
        QTest::keyClick(view, Qt::Key_N);
        QCOMPARE(session->image(1).label, project::Label::Normal);
        QCOMPARE(browser->currentRow(), 1);

        // An unreadable image opens as a message with the reason, not a crash.
        browser->setCurrentRow(session->imageCount() - 1);  // text.jpg (sorted last)
        QTRY_VERIFY_WITH_TIMEOUT(
            w.canvas()->document() == nullptr && w.annotation()->currentRow() == session->imageCount() - 1,
            10000);
        session->close();
    }

private:
    static constexpr int k_count = 5000;
    QTemporaryDir m_tmp;
};

QTEST_MAIN(TestBrowser)
#include "test_browser.moc"
