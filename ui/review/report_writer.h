#pragma once
// The inspection report: a CSV with one line per image (score, verdict, reviewer decision) and a
// self-contained HTML summary (metrics, verdict counts and confusion matrix at the thresholds used, the
// plots as embedded PNGs, the worst-scoring images with their heatmap and outline). Both files are
// written atomically (QSaveFile). Building the HTML decodes the worst images: call it off the GUI thread.

#include "review/batch_results.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

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
    BatchResultsPtr results;  // scores, maps, evaluation (read-only, shared)
    QList<ReportRow> rows;    // one per image of results, in its order
    QList<ReportPlot> plots;
    int worstImages = 8;
};

class ReportWriter {
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)
public:
    // RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted; a header line first.
    static QString csv(const QList<ReportRow>& rows);
    static QString html(const ReportData& data);
    // Writes both files; returns an empty string, or what went wrong (naming the file).
    static QString write(const ReportData& data, const QString& htmlPath, const QString& csvPath);
    // The CSV written beside an HTML report: same name, .csv.
    static QString csvPathFor(const QString& htmlPath);
};

}  // namespace kensa::ui
