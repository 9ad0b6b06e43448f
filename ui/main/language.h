#pragma once
// The app's language: View ▸ Language offers the system's (the default), English and Japanese; the choice
// is kept in QSettings ("ui/language": empty, "en" or "ja") and applied at the next start, when
// setUpApplication() makes it the default QLocale (numbers and dates follow it) and loads its translations.

#include <QList>
#include <QLocale>
#include <QString>

class QMenu;
class QTranslator;
class QObject;
class QWidget;

namespace kensa::ui::language {

// The stored choice: "" (the system's language), "en" or "ja"; anything else reads as "".
QString stored();
void store(const QString& code);

// The locale the app starts in: the stored language, else the system's.
QLocale startupLocale();

// Qt's own and Kensa's translations for `locale` (Kensa's English file supplies the plural forms), owned
// by `parent`; install them with QCoreApplication::installTranslator.
QList<QTranslator*> loadTranslators(const QLocale& locale, QObject* parent);

// The View ▸ Language menu: one checkable entry per choice (object names "language-system", "language-en",
// "language-ja"); choosing another stores it and says, in a window-modal message, that it applies at the
// next start.
QMenu* createMenu(QWidget* parent);

}  // namespace kensa::ui::language
