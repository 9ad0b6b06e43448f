#pragma once
// The bundled sample project: on first use the sample product (core's generate_sample_product) is written
// into the user's data folder and a project importing it is created next to it; later it simply opens.

#include <kensa/base/progress.h>
#include <kensa/base/result.h>

#include <QString>

#include <string>

namespace kensa::ui {

// <user data>/sample (e.g. ~/.local/share/Kensa/sample); override with $KENSA_SAMPLE_DIR (tests, demos).
QString sampleProjectRoot();

// Makes sure <root>/project is a project importing <root>/product (generating it if needed) and returns
// the project folder. Slow the first time (seconds): run it off the GUI thread. Cancellable via progress.
Result<std::string> prepareSampleProject(const QString& root, const ProgressCallback& progress);

}  // namespace kensa::ui
