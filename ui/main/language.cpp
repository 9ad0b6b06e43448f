#include "main/language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QTranslator>

namespace kensa::ui::language {

namespace {

const QString k_key = QStringLiteral("ui/language");

bool known(const QString& code) {
    return code == QLatin1String("en") || code == QLatin1String("ja");
}

}  // namespace

QString stored() {
    const QString code = QSettings().value(k_key).toString();
    return known(code) ? code : QString();
}

void store(const QString& code) {
    if (known(code))
        QSettings().setValue(k_key, code);
    else
        QSettings().remove(k_key);
}

QLocale startupLocale() {
    const QString code = stored();
    if (code == QLatin1String("ja"))
        return QLocale(QLocale::Japanese, QLocale::Japan);
    if (code == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale::system();
}

QList<QTranslator*> loadTranslators(const QLocale& locale, QObject* parent) {
    QList<QTranslator*> out;
    auto* qt = new QTranslator(parent);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        out << qt;
    else
        delete qt;
    // The locale's translation, else English (which supplies the plural forms, "1 image" / "5 images").
    auto* kensa = new QTranslator(parent);
    if (kensa->load(locale, QStringLiteral("kensa"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        kensa->load(QStringLiteral(":/i18n/kensa_en.qm")))
        out << kensa;
    else
        delete kensa;
    return out;
}

QMenu* createMenu(QWidget* parent) {
    auto* menu = new QMenu(QCoreApplication::translate("kensa::ui::language", "&Language"), parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(menu);
    const QString current = stored();
    // Language names in their own language, never translated: a user who picked one by mistake still finds
    // theirs.
    const std::pair<QString, QString> choices[] = {
        {QString(), QCoreApplication::translate("kensa::ui::language", "System default")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ja"), QStringLiteral("日本語")},
    };
    for (const auto& [code, text] : choices) {
        QAction* a = menu->addAction(text);
        a->setObjectName(QStringLiteral("language-") + (code.isEmpty() ? QStringLiteral("system") : code));
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        group->addAction(a);
    }
    QObject::connect(group, &QActionGroup::triggered, menu, [parent](QAction* a) {
        const QString code = a->data().toString();
        if (code == stored())
            return;
        store(code);
        auto* box = new QMessageBox(
            QMessageBox::Information, QCoreApplication::translate("kensa::ui::language", "Language"),
            QCoreApplication::translate("kensa::ui::language",
                                        "Kensa will use the new language the next time it starts."),
            QMessageBox::Ok, parent);
        box->setObjectName(QStringLiteral("languageMessage"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowModality(Qt::WindowModal);
        box->open();
    });
    return menu;
}

}  // namespace kensa::ui::language
