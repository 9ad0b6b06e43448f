#pragma once
// What the synthetic-defect panel needs from a source of defect generators, kept small so that core's
// generator registry (core/kensa/data/synthetic/) is adapted to it in one class, CoreGeneratorCatalog.
// EmptyGeneratorCatalog is the honest "no generators" case (the panel then says so).

#include <QImage>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>
#include <QVector>

#include <memory>

namespace kensa::ui {

// One tunable parameter of a generator, described generically so the panel can build an editor for it.
struct GeneratorParameter {
    enum class Type { Real, Integer, Boolean, Choice };
    QString id;
    QString label;  // translated, for the user
    QString help;
    Type type = Type::Real;
    double minimum = 0.0;
    double maximum = 1.0;
    QVariant defaultValue;
    QStringList choices;  // Type::Choice
    QString suffix;       // unit shown after the value, e.g. " px"
    // Adjacent parameters with the same non-empty group (a lower and an upper bound) share one row,
    // labelled groupLabel (translated).
    QString group;
    QString groupLabel;
};

struct GeneratorInfo {
    QString id;
    QString name;         // translated
    QString description;  // translated
    QVector<GeneratorParameter> parameters;
};

// One synthetic sample: a normal image with a generated defect, and the defect's mask (0/255).
struct SyntheticSample {
    QImage image;
    QImage mask;
    QString error;  // non-empty when generating failed (shown in the sample's cell)
};

class GeneratorCatalog {
public:
    virtual ~GeneratorCatalog() = default;
    virtual QVector<GeneratorInfo> generators() const = 0;
    // Makes one sample from `base` (a normal image, Format_RGB888) with the given parameter values and
    // seed. Called off the GUI thread; must be thread-safe and not touch widgets.
    virtual SyntheticSample generate(const QString& generatorId, const QVariantMap& parameters,
                                     const QImage& base, quint64 seed) const = 0;
};

// A catalog without generators.
class EmptyGeneratorCatalog : public GeneratorCatalog {
public:
    QVector<GeneratorInfo> generators() const override { return {}; }
    SyntheticSample generate(const QString&, const QVariantMap&, const QImage&, quint64) const override {
        return {{}, {}, QStringLiteral("no generators")};
    }
};

// The catalog the app offers: CoreGeneratorCatalog (core's registry), shared and immutable.
std::shared_ptr<const GeneratorCatalog> defaultGeneratorCatalog();

}  // namespace kensa::ui
