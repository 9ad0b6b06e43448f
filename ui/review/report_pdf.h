#pragma once
// The inspection report as a PDF for printing, written with Qt's own QPdfWriter and QPainter: A4 portrait,
// a header (project, model) and a footer (date, "Page n of m") on every page; the summary, thresholds,
// confusion matrix and metrics as bordered tables, the model's settings and training record, the plots in
// their print style (ReportData::printPlots) and the worst images, each beside its outline and heatmap.
//
// Laid out in two passes: blocks are measured and placed on pages first (a block never splits across a page;
// a long table splits between rows and repeats its header; a heading stays with what follows), then painted,
// so the footer knows the page count. Black-and-white safe: black text and borders, grey fills, plots told
// apart by line style, outlines black with a white core, a heatmap whose lightness rises with the value.
// Uses QImage, QPdfWriter and QPainter only (no QPixmap): call it off the GUI thread, as ReportWriter::write.

#include "review/report_writer.h"

#include <QCoreApplication>
#include <QString>

namespace kensa::ui {

class ReportPdf {
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)  // one set of texts with the HTML's
public:
    // Writes the PDF atomically (QSaveFile); returns an empty string, or what went wrong, naming the file.
    static QString write(const ReportData& data, const QString& path);
    // Renders the PDF meant for `path` into an open device (ReportWriter writes it beside the HTML and the
    // CSV, all or none); returns an empty string, or what went wrong, naming path.
    static QString render(const ReportData& data, const QString& path, QIODevice* device);
};

}  // namespace kensa::ui
