#pragma once
// Exporting a trained model: the project's .kensa file, checked and copied to where the user wants it, so
// `kensa-cli infer` or another Kensa can use it on another machine (the bundle carries the backbone's
// weights, thresholds and map settings: same images, same maps).

#include <QString>

namespace kensa::ui {

// Checks that `source` is a complete, uncorrupted model (format, version, checksum) and writes a copy to
// `destination` atomically (a crash leaves the old file or the whole new one). Returns an empty string on
// success, else the reason, naming the file. Reads the whole model: call it off the GUI thread.
QString exportModel(const QString& source, const QString& destination);

}  // namespace kensa::ui
