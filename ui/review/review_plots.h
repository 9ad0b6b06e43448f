#pragma once
// The batch's plots, following the shared thresholds: image ROC and pixel ROC with their AUROC, the PRO
// curve with AU-PRO up to its FPR limit, and a histogram of normal vs defective image scores. A marker
// (a line on the histogram) shows where the current threshold operates; moving a slider moves only the
// markers (QCustomPlot through plot_style.h).

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

    explicit ReviewPlots(ThresholdState* thresholds, QWidget* parent = nullptr);

    void setResults(BatchResultsPtr results);
    QCustomPlot* plot(Plot p) const { return m_plots[p]; }
    // The marker's position on a plot (x, y), for tests; the histogram's is (threshold, 0).
    QPointF markerPosition(Plot p) const;
    // Each plot as PNG at `size` (for reports).
    QList<ReportPlot> renderPngs(QSize size) const;

private:
    void rebuild();
    void updateMarkers();
    QCustomPlot* makePlot(const QString& xLabel, const QString& yLabel);

    ThresholdState* m_thresholds;
    BatchResultsPtr m_results;
    QCustomPlot* m_plots[PlotCount] = {};
    QString m_titles[PlotCount];
    QCPGraph* m_markers[PlotCount] = {};  // one-point graphs (not on the histogram)
    QCPItemStraightLine* m_thresholdLine = nullptr;
    QLabel* m_empty;
};

}  // namespace kensa::ui
