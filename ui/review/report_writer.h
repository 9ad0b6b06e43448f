#pragma once
// The inspection report: a CSV with one line per image (score, verdict, reviewer decision), a
// self-contained HTML summary (metrics, verdict counts and confusion matrix at the thresholds used, the
// model's settings and training record, the plots as embedded PNGs, the worst-scoring images with their
// heatmap and outline) and the same as an A4 PDF for printing (report_pdf.h). The files are written
// together (kensa::write_files_atomically): all three are renamed into place only once each is complete, so
// a failure (a full disk) leaves the previous report as it was. Building the HTML and the PDF decodes the worst images: call write() off the GUI
// thread (it uses QImage only, never QPixmap).

#include "review/batch_results.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QList>
#include <QString>

#include <utility>
#include <vector>

namespace kensa::ui {

struct ReportRow {
    QString image;      // path
    QString label;      // normal, the defect type, or empty
    float score = 0.f;  // NaN when the image failed
    QString verdict;    // OK, NG or failed (the model at the image threshold)
    QString decision;   // the reviewer's: ng, ok or empty
    QString error;
};

struct ReportPlot {
    QString title;
    QByteArray png;
};

struct ReportData {
    QString projectName;
    QString modelName;
    QDateTime generated;
    float imageThreshold = 0.f, pixelThreshold = 0.f;
    float defaultImageThreshold = 0.f, defaultPixelThreshold = 0.f;
    int reviewed = 0;
    BatchResultsPtr results;       // scores, maps, evaluation (read-only, shared)
    QList<ReportRow> rows;         // one per image of results, in its order
    QList<ReportPlot> plots;       // on screen colours (HTML)
    QList<ReportPlot> printPlots;  // black and white (PDF; ReviewPlots::Style::Print); empty: `plots`
    int worstImages = 8;
};

// One of the worst images, drawn for the report: the image with the outline of what is at or above the
// pixel threshold, and its heatmap with the same outline (for imageLevelOnly: the plain image in both).
struct ReportImage {
    QImage outlined;
    QImage heatmap;  // blended over the image, or the map alone (ReportWriter::worstImage)
    QString error;   // why the image could not be read (both images are then null)
};

class ReportWriter {
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)
public:
    // An image-classification project's results: no pixel threshold, pixel metrics or heatmaps in the report.
    static bool imageLevelOnly(const ReportData& data) { return data.results && data.results->imageLevelOnly; }
    // RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted; a header line first.
    static QString csv(const QList<ReportRow>& rows);
    static QString html(const ReportData& data);
    // Writes the CSV, the HTML and (unless pdfPath is empty) the PDF, all or none; returns an empty string, or
    // what went wrong (naming the file).
    static QString write(const ReportData& data, const QString& htmlPath, const QString& csvPath,
                         const QString& pdfPath = {});
    // The CSV and the PDF written beside an HTML report: same name, .csv / .pdf.
    static QString csvPathFor(const QString& htmlPath);
    static QString pdfPathFor(const QString& htmlPath);

    // Parts the HTML and the PDF share.
    // The model's settings and training record as (what, value) lines, from the bundle's description.
    static QList<std::pair<QString, QString>> modelFacts(const ReportData& data);
    // Indices into data.results of the up to data.worstImages highest-scoring inspected images, worst first.
    static std::vector<size_t> worstImageOrder(const ReportData& data);
    // Image i drawn fitted in `side` px, its heatmap in `colormap` (an OpenCV cv::ColormapTypes value):
    // blended over the image as in the app (overlay), or the map alone, opaque, on the model's colour scale.
    static ReportImage worstImage(const ReportData& data, size_t i, int side, int colormap,
                                  bool overlay = true);
    // A number for reports: `decimals` after the point in the current locale, "–" for NaN.
    static QString number(double v, int decimals = 3);
};

}  // namespace kensa::ui
