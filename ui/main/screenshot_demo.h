#pragma once
// A scripted state of the app for screenshots and visual checks (hidden --screenshot-demo option):
// "main": the sample project open with a defect image selected; "canvas": additionally zoomed in with a
// brush stroke drawn and a polygon being drawn, sent as real mouse events to the canvas; "synthetic": the
// synthetic-defect panel in front; "start": no project; "training", "inspection", "review": a model being
// trained, then trained and inspecting; "run": a trained model on a hot folder the sample's test images are
// written into; "report": as "review", then Export report… to `saveTo` (the HTML
// path; the CSV and the PDF beside it) and quit.

#include <QString>

namespace kensa::ui {

class MainWindow;

// Opens the sample project (or `project`, a folder, when set: e.g. an image-classification project for the
// "main" and "review" stages) and sets up `stage`; when `saveTo` is set, grabs the window into it and quits.
void runScreenshotDemo(MainWindow& window, const QString& stage, const QString& saveTo, const QString& project = {});

}  // namespace kensa::ui
