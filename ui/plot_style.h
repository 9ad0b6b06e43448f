#pragma once
// The one way Kensa's plots include QCustomPlot and look: qcustomplot.h uses the `signals` and `foreach`
// keywords, which QT_NO_KEYWORDS (kensa_ui) removes, so it is included here with both defined; and every
// plot gets the same palette-following axes and grid.

#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef foreach
#undef signals

#include <kensa/metrics/curve.h>

#include <vector>

namespace kensa::ui {

// Background, axes, ticks, labels and a dotted grid in the colours of `palette`.
void applyPlotStyle(QCustomPlot* plot, const QPalette& palette);

// A recorded curve (ROC, PRO) as the graph's data.
void setCurve(QCPGraph* graph, const std::vector<metrics::CurvePoint>& points);

}  // namespace kensa::ui
