#include "main/app_setup.h"

#include "main/language.h"
#include "main/main_window.h"
#include "main/project_actions.h"
#include "main/screenshot_demo.h"

#include <kensa/base/version.h>
#include <kensa/project/project_file.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QLocale>
#include <QStyleFactory>
#include <QTranslator>

namespace kensa::ui {

void setUpApplication(QApplication& app) {
    QApplication::setOrganizationName(QStringLiteral("Kensa"));
    QApplication::setApplicationName(QStringLiteral("Kensa"));
    QApplication::setApplicationVersion(QString::fromLatin1(version()));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/kensa.svg")));
    // Fusion looks the same on every desktop, which keeps screenshots and the manual consistent.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    // The language chosen in View ▸ Language, else the system's: the default locale (numbers, dates) and
    // the translations. Needs the names above (QSettings).
    const QLocale locale = language::startupLocale();
    QLocale::setDefault(locale);
    for (QTranslator* t : language::loadTranslators(locale, &app))
        QApplication::installTranslator(t);
}

CommandLine parseCommandLine(QApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Visual anomaly inspection for quality engineers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"),
                                 QApplication::translate("main", "Project folder to open."),
                                 QStringLiteral("[project]"));
    QCommandLineOption sample(QStringLiteral("sample"),
                              QApplication::translate("main", "Open the sample project."));
    QCommandLineOption demo(QStringLiteral("screenshot-demo"), QString(), QStringLiteral("stage"));
    demo.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption shot(QStringLiteral("screenshot"), QString(), QStringLiteral("file"));
    shot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sample, demo, shot});
    parser.process(app);
    CommandLine out;
    if (!parser.positionalArguments().isEmpty()) {
        out.project = parser.positionalArguments().first();
        // A project's own file names its folder: file managers open projects through it (kensa.desktop).
        const QFileInfo file(out.project);
        if (file.fileName() == QLatin1String(project::k_project_file_name) && file.isFile())
            out.project = file.absolutePath();
    }
    out.sample = parser.isSet(sample);
    out.demo = parser.value(demo);
    out.screenshot = parser.value(shot);
    return out;
}

void applyCommandLine(MainWindow& window, const CommandLine& options) {
    if (!options.demo.isEmpty()) {
        runScreenshotDemo(window, options.demo, options.screenshot, options.project);
        return;
    }
    if (options.sample)
        window.projectActions()->openSampleProject();
    else if (!options.project.isEmpty())
        window.projectActions()->openFolder(options.project);
}

}  // namespace kensa::ui
