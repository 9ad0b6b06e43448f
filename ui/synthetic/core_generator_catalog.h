#pragma once
// GeneratorCatalog on core's synthetic-defect registry (kensa/data/synthetic/registry.h): the generators
// the app offers. Names, descriptions and parameter labels are translated here; core's English
// descriptions (with units) become the parameter tooltips.

#include "synthetic/generator_catalog.h"

#include <QCoreApplication>

namespace kensa::ui {

class CoreGeneratorCatalog : public GeneratorCatalog {
    Q_DECLARE_TR_FUNCTIONS(CoreGeneratorCatalog)
public:
    CoreGeneratorCatalog();
    QVector<GeneratorInfo> generators() const override { return m_generators; }
    // Thread-safe: a fresh core generator per call. Core's errors (a value out of range, a minimum above
    // its maximum) come back in SyntheticSample::error.
    SyntheticSample generate(const QString& generatorId, const QVariantMap& parameters, const QImage& base,
                             quint64 seed) const override;

private:
    QVector<GeneratorInfo> m_generators;
};

}  // namespace kensa::ui
