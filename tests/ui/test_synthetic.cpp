// The synthetic-defect panel: an honest empty state without generators; with a catalog (a test double),
// parameter editors and a live preview grid; and the app's catalog on core's real generators.
#include "project/project_session.h"
#include "synthetic/core_generator_catalog.h"
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
        SyntheticPanel panel(std::make_shared<EmptyGeneratorCatalog>(), &session);
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

    void coreGeneratorsAreListed() {
        const auto catalog = defaultGeneratorCatalog();
        QVERIFY(dynamic_cast<const CoreGeneratorCatalog*>(catalog.get()));
        QStringList ids;
        for (const GeneratorInfo& g : catalog->generators()) {
            ids << g.id;
            QVERIFY2(!g.name.isEmpty() && !g.description.isEmpty(), qPrintable(g.id));
            QVERIFY2(!g.parameters.isEmpty(), qPrintable(g.id));
            for (const GeneratorParameter& p : g.parameters) {
                QVERIFY2(!p.label.contains(QLatin1Char('_')), qPrintable(p.id));  // a label, not a field name
                QVERIFY(!p.help.isEmpty());
                QVERIFY(p.minimum <= p.defaultValue.toDouble() && p.defaultValue.toDouble() <= p.maximum);
            }
        }
        QCOMPARE(ids, QStringList({QStringLiteral("confetti"), QStringLiteral("cutpaste_patch"),
                                   QStringLiteral("cutpaste_scar"), QStringLiteral("perlin_texture"),
                                   QStringLiteral("scratch")}));
    }

    void coreGeneratorsMakeDefectsAndMasks() {
        const auto catalog = defaultGeneratorCatalog();
        QImage base(64, 48, QImage::Format_RGB888);
        for (int y = 0; y < base.height(); ++y)
            for (int x = 0; x < base.width(); ++x)
                base.setPixelColor(x, y, QColor(100 + x, 90 + y, 120));
        for (const GeneratorInfo& g : catalog->generators()) {
            QVariantMap defaults;
            for (const GeneratorParameter& p : g.parameters)
                defaults.insert(p.id, p.defaultValue);
            const SyntheticSample a = catalog->generate(g.id, defaults, base, 7);
            QVERIFY2(a.error.isEmpty(), qPrintable(g.id + QStringLiteral(": ") + a.error));
            QCOMPARE(a.image.size(), base.size());
            QCOMPARE(a.mask.format(), QImage::Format_Grayscale8);
            QVERIFY2(test::countNonZero(a.mask) > 0, qPrintable(g.id));
            QVERIFY2(a.image != base.convertToFormat(a.image.format()), qPrintable(g.id));
            QCOMPARE(catalog->generate(g.id, defaults, base, 7).image, a.image);  // same seed, same pixels
        }
        // Core's checks come back as a message for the sample's cell.
        const SyntheticSample bad =
            catalog->generate(QStringLiteral("scratch"), {{QStringLiteral("min_count"), 1000}}, base, 1);
        QVERIFY(bad.image.isNull());
        QVERIFY2(bad.error.contains(QStringLiteral("min_count")), qPrintable(bad.error));
    }

    void panelShowsCoreSamplesWithMasks() {
        QTemporaryDir tmp;
        for (int i = 0; i < 4; ++i)
            test::writeImage(tmp.filePath(QStringLiteral("img")), QStringLiteral("%1.png").arg(i), {96, 96},
                             i);
        ProjectSession session;
        QCOMPARE(session.create(tmp.filePath(QStringLiteral("p"))), QString());
        SyntheticPanel panel(defaultGeneratorCatalog(), &session);
        panel.resize(500, 800);
        panel.show();
        QVERIFY(!panel.isEmptyState());
        QCOMPARE(panel.generatorList()->count(), 5);
        QSignalSpy updated(&panel, &SyntheticPanel::previewUpdated);
        project::Project found;
        QVERIFY(project::add_image_folder(found, tmp.filePath(QStringLiteral("img")).toStdString(),
                                          project::ImageRole::Train)
                    .ok());
        session.mergeImages(found);
        QVERIFY(updated.wait(20000));
        QCOMPARE(panel.previewGrid()->count(), SyntheticPanel::k_samples);
        QCOMPARE(panel.samples().size(), SyntheticPanel::k_samples);
        for (const SyntheticSample& s : panel.samples()) {
            QVERIFY2(s.error.isEmpty(), qPrintable(s.error));
            QCOMPARE(s.image.size(), QSize(96, 96));
            QVERIFY(test::countNonZero(s.mask) > 0);
        }
        // Only the checked generators are drawn from: uncheck all but scratches.
        for (int i = 0; i < panel.generatorList()->count(); ++i) {
            QListWidgetItem* item = panel.generatorList()->item(i);
            if (item->data(Qt::UserRole).toString() != QStringLiteral("scratch"))
                item->setCheckState(Qt::Unchecked);
        }
        QVERIFY(updated.wait(20000));
        QCOMPARE(panel.samples().size(), SyntheticPanel::k_samples);

        // The panel's state is the project's setting (what training draws), and comes back with it.
        panel.setParameter(QStringLiteral("scratch"), QStringLiteral("max_width"), 3.5);
        const auto& stored = session.project().settings.synthetic_generators;
        QVERIFY(stored.has_value());
        QCOMPARE(int(stored->size()), 1);
        QCOMPARE(QString::fromStdString(stored->front().id), QStringLiteral("scratch"));
        QCOMPARE(stored->front().params.at("max_width"), 3.5);
        SyntheticPanel again(defaultGeneratorCatalog(), &session);
        for (int i = 0; i < again.generatorList()->count(); ++i) {
            QListWidgetItem* item = again.generatorList()->item(i);
            QCOMPARE(item->checkState(),
                     item->data(Qt::UserRole).toString() == QStringLiteral("scratch") ? Qt::Checked : Qt::Unchecked);
        }
        QCOMPARE(again.parameters(QStringLiteral("scratch")).value(QStringLiteral("max_width")).toDouble(), 3.5);
        session.flush();
    }
};

QTEST_MAIN(TestSynthetic)
#include "test_synthetic.moc"
