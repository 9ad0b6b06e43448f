#pragma once
// The batch's plots, following the shared thresholds: image ROC and pixel ROC with their AUROC, the PRO
// curve with AU-PRO up to its FPR limit, and a histogram of normal vs defective image scores. A marker
// (a line on the histogram) shows where the current threshold operates; moving a slider moves only the
// markers (QCustomPlot through plot_style.h). For an image-classification run the pixel plots are hidden
// and a note says why.

#include "review/batch_results.h"
#include "review/report_writer.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QLabel;

namespace kensa::ui {

class ThresholdState;

class ReviewPlots : public QWidget {
    Q_OBJECT
public:
    enum Plot { ImageRoc, PixelRoc, Pro, Histogram, PlotCount };
    // Print: black on white, told apart by line style, width and grey level rather than colour (the PDF
    // report, which may be printed in black and white).
    enum class Style { Screen, Print };

    explicit ReviewPlots(ThresholdState* thresholds, QWidget* parent = nullptr);
    ReviewPlots(ThresholdState* thresholds, Style style, QWidget* parent = nullptr);

    void setResults(BatchResultsPtr results);
    QCustomPlot* plot(Plot p) const { return m_plots[p]; }
    // Shown instead of the pixel ROC and PRO plots when the results are image-level only.
    QLabel* notApplicableNote() const { return m_notApplicable; }
    // The marker's position on a plot (x, y), for tests; the histogram's is (threshold, 0).
    QPointF markerPosition(Plot p) const;
    // Each plot as PNG at `size` (logical pixels, drawn at `scale` times that), for reports; Style::Print
    // draws them in the print style, whatever this widget's own style.
    QList<ReportPlot> renderPngs(QSize size, Style style = Style::Screen, double scale = 2.0) const;

private:
    void rebuild();
    void updateMarkers();
    QCustomPlot* makePlot(const QString& xLabel, const QString& yLabel);

    ThresholdState* m_thresholds;
    bool m_print = false;
    BatchResultsPtr m_results;
    QCustomPlot* m_plots[PlotCount] = {};
    QString m_titles[PlotCount];
    QCPGraph* m_markers[PlotCount] = {};  // one-point graphs (not on the histogram)
    QCPItemStraightLine* m_thresholdLine = nullptr;
    QLabel* m_empty;
    QLabel* m_notApplicable;  // the pixel plots' place in an image-classification run
};

}  // namespace kensa::ui
