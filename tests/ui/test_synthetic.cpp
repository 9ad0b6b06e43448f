// The synthetic-defect panel: an honest empty state without generators; with a catalog (a test double
// standing in for core's registry), parameter editors and a live preview grid.
#include "project/project_session.h"
#include "synthetic/synthetic_panel.h"
#include "ui_test_support.h"

#include <kensa/project/project_images.h>

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace kensa;
using namespace kensa::ui;

namespace {

// Paints a square of the "size" parameter at a seed-dependent place: enough to see parameters reach
// the generator. Lives in the test only.
class SquareCatalog : public GeneratorCatalog {
public:
    QVector<GeneratorInfo> generators() const override {
        GeneratorParameter size{QStringLiteral("size"),
                                QStringLiteral("Size"),
                                {},
                                GeneratorParameter::Type::Integer,
                                1,
                                32,
                                8,
                                {}};
        GeneratorParameter strength{QStringLiteral("strength"),
                                    QStringLiteral("Strength"),
                                    {},
                                    GeneratorParameter::Type::Real,
                                    0,
                                    1,
                                    0.5,
                                    {}};
        return {{QStringLiteral("square"),
                 QStringLiteral("Square"),
                 QStringLiteral("A square"),
                 {size, strength}}};
    }
    SyntheticSample generate(const QString&, const QVariantMap& params, const QImage& base,
                             quint64 seed) const override {
        SyntheticSample s;
        s.image = base.copy();
        s.mask = QImage(base.size(), QImage::Format_Grayscale8);
        s.mask.fill(0);
        const int n = params.value(QStringLiteral("size")).toInt();
        const int x = int(seed % quint64(std::max(1, base.width() - n)));
        for (int y = 0; y < n && y < base.height(); ++y) {
            for (int i = 0; i < n; ++i) {
                s.image.setPixelColor(x + i, y, Qt::black);
                s.mask.scanLine(y)[x + i] = 255;
            }
        }
        lastSize = n;
        return s;
    }
    mutable std::atomic<int> lastSize{0};
};

}  // namespace

class TestSynthetic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    void emptyCatalogSaysSo() {
        ProjectSession session;
        SyntheticPanel panel(defaultGeneratorCatalog(), &session);
        panel.show();
        QVERIFY(panel.isEmptyState());
        bool found = false;
        for (QLabel* l : panel.findChildren<QLabel*>())
            found |= l->isVisible() && l->text().contains(QStringLiteral("No synthetic-defect generators"));
        QVERIFY(found);
    }

    void catalogGivesEditorsAndPreview() {
        QTemporaryDir tmp;
        for (int i = 0; i < 3; ++i)
            test::writeImage(tmp.filePath(QStringLiteral("img")), QStringLiteral("%1.png").arg(i), {48, 48},
                             i);
        ProjectSession session;
        QCOMPARE(session.create(tmp.filePath(QStringLiteral("p"))), QString());
        auto catalog = std::make_shared<SquareCatalog>();
        SyntheticPanel panel(catalog, &session);
        panel.resize(500, 700);
        panel.show();
        QVERIFY(!panel.isEmptyState());
        QCOMPARE(panel.generatorList()->count(), 1);
        QCOMPARE(panel.findChildren<QSpinBox*>().size(), 1);

        QSignalSpy updated(&panel, &SyntheticPanel::previewUpdated);
        project::Project found;
        QVERIFY(project::add_image_folder(found, tmp.filePath(QStringLiteral("img")).toStdString(),
                                          project::ImageRole::Train)
                    .ok());
        session.mergeImages(found);
        QVERIFY(updated.wait(10000));
        QCOMPARE(panel.previewGrid()->count(), SyntheticPanel::k_samples);

        // Changing a parameter in its editor regenerates the preview with the new value.
        panel.findChildren<QSpinBox*>().first()->setValue(20);
        QVERIFY(updated.wait(10000));
        QCOMPARE(catalog->lastSize.load(), 20);
        QCOMPARE(panel.parameters(QStringLiteral("square")).value(QStringLiteral("size")).toInt(), 20);

        // Unchecking every generator empties the grid and says why.
        panel.generatorList()->item(0)->setCheckState(Qt::Unchecked);
        QTRY_COMPARE_WITH_TIMEOUT(panel.previewGrid()->count(), 0, 5000);
    }
};

QTEST_MAIN(TestSynthetic)
#include "test_synthetic.moc"
