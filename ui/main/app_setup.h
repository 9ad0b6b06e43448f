#pragma once
// Application-wide set-up for the kensa executable: names (for QSettings and data folders), style,
// translations, and the command line.

#include <QString>

class QApplication;

namespace kensa::ui {

class MainWindow;

struct CommandLine {
    QString project;      // a project folder to open
    bool sample = false;  // open the sample project
    QString demo;         // hidden: "main", "canvas", ..., a scripted state for screenshots (screenshot_demo.h)
    QString screenshot;   // hidden: save the window to this file once the demo is set up, then quit
                          // (demo "report": the HTML report's path; CSV and PDF beside it)
};

void setUpApplication(QApplication& app);
CommandLine parseCommandLine(QApplication& app);
void applyCommandLine(MainWindow& window, const CommandLine& options);

}  // namespace kensa::ui
