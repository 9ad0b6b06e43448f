#include "training/catalog_texts.h"

#include <QHash>

namespace kensa::ui {

namespace {

QString lookup(const QHash<QString, const char*>& texts, const std::string& id, const std::string& fallback) {
    const auto it = texts.constFind(QString::fromStdString(id));
    return it == texts.constEnd() ? QString::fromStdString(fallback) : CatalogTexts::tr(it.value());
}

}  // namespace

QString CatalogTexts::methodSummary(const std::string& id, const std::string& coreSummary) {
    static const QHash<QString, const char*> k_summary = {
        {QStringLiteral("adtr"),
         QT_TRANSLATE_NOOP("CatalogTexts", "a transformer rebuilds the backbone's features of normal parts and fails "
                                           "on defects; learns from marked and synthetic defects too (ADTR+)")},
        {QStringLiteral("patchcore"),
         QT_TRANSLATE_NOOP("CatalogTexts",
                           "distance of each patch to the nearest of a coreset of normal patches (Roth et al. 2022)")},
        {QStringLiteral("padim"),
         QT_TRANSLATE_NOOP("CatalogTexts", "Mahalanobis distance to a Gaussian of normal features at each position "
                                           "(Defard et al. 2021)")},
        {QStringLiteral("spade"),
         QT_TRANSLATE_NOOP("CatalogTexts", "nearest normal images by a deep feature, then each position's distance to "
                                           "their feature pyramids (Cohen & Hoshen 2020)")},
        {QStringLiteral("diffusion"),
         QT_TRANSLATE_NOOP("CatalogTexts", "noises each image and denoises it back; scores where the denoiser "
                                           "disagrees with the image (Lu et al. 2023)")},
    };
    return lookup(k_summary, id, coreSummary);
}

QString CatalogTexts::backboneName(const std::string& id, const std::string& coreName) {
    static const QHash<QString, const char*> k_name = {
        {QStringLiteral("mobilenet_v2"), QT_TRANSLATE_NOOP("CatalogTexts", "MobileNetV2 (ImageNet, offline default)")},
        {QStringLiteral("efficientnet_b4"),
         QT_TRANSLATE_NOOP("CatalogTexts", "EfficientNet-B4 (torchvision, the paper's backbone)")},
        {QStringLiteral("resnet18"), QT_TRANSLATE_NOOP("CatalogTexts", "ResNet-18 (torchvision)")},
        {QStringLiteral("resnet34"), QT_TRANSLATE_NOOP("CatalogTexts", "ResNet-34 (torchvision)")},
    };
    return lookup(k_name, id, coreName);
}

QString CatalogTexts::backboneDescription(const std::string& id, const std::string& coreDescription) {
    static const QHash<QString, const char*> k_description = {
        {QStringLiteral("mobilenet_v2"),
         QT_TRANSLATE_NOOP("CatalogTexts", "blocks 2/5/10 of Keras MobileNetV2: 24+32+96 channels at strides 4/8/16")},
        {QStringLiteral("efficientnet_b4"),
         QT_TRANSLATE_NOOP("CatalogTexts", "torchvision features.1/2/3/5: 24+32+56+160 channels at strides 2/4/8/16")},
        {QStringLiteral("resnet18"),
         QT_TRANSLATE_NOOP("CatalogTexts", "layer1-3: 64+128+256 channels at strides 4/8/16")},
        {QStringLiteral("resnet34"),
         QT_TRANSLATE_NOOP("CatalogTexts", "layer1-3: 64+128+256 channels at strides 4/8/16")},
    };
    return lookup(k_description, id, coreDescription);
}

}  // namespace kensa::ui
