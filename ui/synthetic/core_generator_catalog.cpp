#include "synthetic/core_generator_catalog.h"

#include "image_convert.h"

#include <kensa/data/synthetic/registry.h>

#include <QHash>

#include <exception>

namespace kensa::ui {

namespace {

namespace syn = kensa::data::synthetic;

// Translated names and descriptions of core's generators, by id; an id not listed here (a generator
// added to core later) falls back to core's English text.
QPair<QString, QString> generatorText(const std::string& id) {
    using C = CoreGeneratorCatalog;
    static const QHash<QString, QPair<const char*, const char*>> k_text = {
        {QStringLiteral("confetti"),
         {QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Confetti noise"),
          QT_TRANSLATE_NOOP("CoreGeneratorCatalog",
                            "Small squares and blobs of random colour, white or noise at random places.")}},
        {QStringLiteral("cutpaste_patch"),
         {QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "CutPaste patch"),
          QT_TRANSLATE_NOOP("CoreGeneratorCatalog",
                            "A rectangle of the image itself, colour-jittered, pasted elsewhere.")}},
        {QStringLiteral("cutpaste_scar"),
         {QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "CutPaste scar"),
          QT_TRANSLATE_NOOP("CoreGeneratorCatalog",
                            "A thin, rotated strip of the image itself pasted elsewhere.")}},
        {QStringLiteral("perlin_texture"),
         {QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Perlin texture"),
          QT_TRANSLATE_NOOP("CoreGeneratorCatalog",
                            "Irregular Perlin-noise regions filled with a foreign texture (DRAEM).")}},
        {QStringLiteral("scratch"),
         {QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Scratches"),
          QT_TRANSLATE_NOOP("CoreGeneratorCatalog",
                            "Thin curved strokes, darker or lighter than the surface.")}},
    };
    const auto it = k_text.constFind(QString::fromStdString(id));
    if (it == k_text.constEnd())
        return {};
    return {C::tr(it->first), C::tr(it->second)};
}

// Translated labels of the parameters, by field name (shared across generators).
QString parameterLabel(const std::string& name) {
    static const QHash<QString, const char*> k_labels = {
        {QStringLiteral("min_count"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Count, fewest")},
        {QStringLiteral("max_count"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Count, most")},
        {QStringLiteral("min_size"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Size, smallest")},
        {QStringLiteral("max_size"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Size, largest")},
        {QStringLiteral("min_area"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Area, smallest")},
        {QStringLiteral("max_area"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Area, largest")},
        {QStringLiteral("min_width"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Width, thinnest")},
        {QStringLiteral("max_width"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Width, widest")},
        {QStringLiteral("min_length"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Length, shortest")},
        {QStringLiteral("max_length"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Length, longest")},
        {QStringLiteral("min_opacity"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Opacity, least")},
        {QStringLiteral("max_opacity"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Opacity, greatest")},
        {QStringLiteral("min_strength"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Strength, least")},
        {QStringLiteral("max_strength"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Strength, greatest")},
        {QStringLiteral("min_scale_log2"),
         QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Noise scale, coarsest")},
        {QStringLiteral("max_scale_log2"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Noise scale, finest")},
        {QStringLiteral("max_aspect"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Elongation, most")},
        {QStringLiteral("max_rotation"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Rotation, largest")},
        {QStringLiteral("blob_share"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Share of blobs")},
        {QStringLiteral("white_share"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Share of white")},
        {QStringLiteral("noise_share"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Share of noise")},
        {QStringLiteral("dark_share"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Share of dark")},
        {QStringLiteral("parallel_share"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Share of parallel")},
        {QStringLiteral("edge_blur"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Edge blur")},
        {QStringLiteral("colour_jitter"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Colour jitter")},
        {QStringLiteral("threshold"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Noise threshold")},
        {QStringLiteral("curvature"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Curvature")},
    };
    const QString key = QString::fromStdString(name);
    const auto it = k_labels.constFind(key);
    if (it != k_labels.constEnd())
        return CoreGeneratorCatalog::tr(*it);
    QString label = key;  // a parameter added to core later: "max_foo" -> "Max foo"
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    return label.isEmpty() ? label : label.left(1).toUpper() + label.mid(1);
}

// Translated labels of min_X/max_X pairs' rows, by X.
QString rangeLabel(const QString& quantity) {
    static const QHash<QString, const char*> k_labels = {
        {QStringLiteral("count"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Count")},
        {QStringLiteral("size"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Size")},
        {QStringLiteral("area"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Area")},
        {QStringLiteral("width"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Width")},
        {QStringLiteral("length"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Length")},
        {QStringLiteral("opacity"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Opacity")},
        {QStringLiteral("strength"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Strength")},
        {QStringLiteral("scale_log2"), QT_TRANSLATE_NOOP("CoreGeneratorCatalog", "Noise scale")},
    };
    const auto it = k_labels.constFind(quantity);
    return it == k_labels.constEnd() ? QString() : CoreGeneratorCatalog::tr(*it);
}

// The unit, read off core's description ("..., px on a 256-px image", "..., degrees").
QString unitSuffix(const std::string& description) {
    if (description.find("px on a 256-px image") != std::string::npos)
        return CoreGeneratorCatalog::tr(" px");
    if (description.find("degrees") != std::string::npos)
        return QStringLiteral("°");
    return {};
}

GeneratorParameter parameterFrom(const syn::ParamSpec& spec) {
    GeneratorParameter p;
    p.id = QString::fromStdString(spec.name);
    p.label = parameterLabel(spec.name);
    p.help = QString::fromStdString(spec.description);
    p.type = spec.type == syn::ParamType::Integer ? GeneratorParameter::Type::Integer
                                                  : GeneratorParameter::Type::Real;
    p.suffix = unitSuffix(spec.description);
    if (p.id.startsWith(QLatin1String("min_")) || p.id.startsWith(QLatin1String("max_"))) {
        p.groupLabel = rangeLabel(p.id.mid(4));
        if (!p.groupLabel.isEmpty())
            p.group = p.id.mid(4);
    }
    p.minimum = spec.min;
    p.maximum = spec.max;
    p.defaultValue = p.type == GeneratorParameter::Type::Integer ? QVariant(int(spec.default_value))
                                                                 : QVariant(spec.default_value);
    return p;
}

}  // namespace

CoreGeneratorCatalog::CoreGeneratorCatalog() {
    for (const syn::GeneratorInfo& g : syn::generator_catalog()) {
        const auto [name, description] = generatorText(g.id);
        GeneratorInfo info;
        info.id = QString::fromStdString(g.id);
        info.name = name.isEmpty() ? QString::fromStdString(g.display_name) : name;
        info.description = description.isEmpty() ? QString::fromStdString(g.description) : description;
        for (const syn::ParamSpec& spec : g.params)
            info.parameters.append(parameterFrom(spec));
        m_generators.append(info);
    }
}

SyntheticSample CoreGeneratorCatalog::generate(const QString& generatorId, const QVariantMap& parameters,
                                               const QImage& base, quint64 seed) const {
    try {
        auto generator = syn::make_generator(generatorId.toStdString());
        for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it)
            generator->set_param(it.key().toStdString(), it.value().toDouble());
        const syn::SyntheticDefect defect = generator->apply(mat_from_image(base), seed);
        return {image_from_mat(defect.image), mask_from_mat(defect.mask), {}};
    } catch (const std::exception& e) {
        return {{}, {}, QString::fromStdString(e.what())};
    }
}

std::shared_ptr<const GeneratorCatalog> defaultGeneratorCatalog() {
    static const auto k_catalog = std::make_shared<const CoreGeneratorCatalog>();
    return k_catalog;
}

}  // namespace kensa::ui
