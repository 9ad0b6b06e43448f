#include "canvas/mask_ops.h"

#include <QTest>

using namespace kensa::ui;

class TestMaskOps : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void segmentCoversPixelsWithinTheRadius() {
        QImage m = mask_ops::blankMask({20, 10});
        // Pixel centres of row 5 lie on the segment; those of rows 4 and 6 and of x = 1 and 13 are 1.0 away.
        const QRect r = mask_ops::paintSegment(m, {2.5, 5.5}, {12.5, 5.5}, 0.9, 255);
        QVERIFY(r.contains(QRect(2, 5, 11, 1)));
        QCOMPARE(mask_ops::countSet(m), qint64(11));
        QCOMPARE(int(m.constScanLine(0)[0]), 0);
        QCOMPARE(int(m.constScanLine(5)[7]), 255);
        QCOMPARE(int(m.constScanLine(5)[13]), 0);
    }
    void polygonFillsPixelCentresInside() {
        QImage m = mask_ops::blankMask({10, 10});
        mask_ops::fillPolygon(m, QPolygonF({{2, 2}, {6, 2}, {6, 5}, {2, 5}}), 255);
        QCOMPARE(mask_ops::countSet(m), qint64(4 * 3));
        QCOMPARE(int(m.constScanLine(2)[2]), 255);
        QCOMPARE(int(m.constScanLine(5)[2]), 0);
        QCOMPARE(int(m.constScanLine(2)[6]), 0);
    }
    void floodFillStopsAtBoundaries() {
        QImage m = mask_ops::blankMask({8, 8});
        for (int i = 0; i < 8; ++i)
            m.scanLine(i)[4] = 255;  // a wall at x = 4
        const QRect r = mask_ops::floodFill(m, {1, 1}, 255);
        QCOMPARE(r, QRect(0, 0, 4, 8));
        QCOMPARE(mask_ops::countSet(m), qint64(8 * 5));
        QCOMPARE(mask_ops::floodFill(m, {1, 1}, 255), QRect());  // nothing to do
        mask_ops::floodFill(m, {0, 0}, 0);                       // clears the connected marked area
        QCOMPARE(mask_ops::countSet(m), qint64(0));
    }
    void copyIntoRestoresARegion() {
        QImage m = mask_ops::blankMask({6, 6});
        QImage patch = mask_ops::blankMask({2, 3});
        patch.fill(255);
        mask_ops::copyInto(m, QRect(1, 2, 2, 3), patch);
        QCOMPARE(mask_ops::countSet(m), qint64(6));
        QCOMPARE(int(m.constScanLine(4)[2]), 255);
    }
};

QTEST_GUILESS_MAIN(TestMaskOps)
#include "test_mask_ops.moc"
