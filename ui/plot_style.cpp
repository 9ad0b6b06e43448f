#include "plot_style.h"

namespace kensa::ui {

void applyPlotStyle(QCustomPlot* plot, const QPalette& pal) {
    plot->setBackground(pal.brush(QPalette::Base));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(pal.color(QPalette::Mid)));
        axis->setTickPen(QPen(pal.color(QPalette::Mid)));
        axis->setSubTickPen(QPen(pal.color(QPalette::Midlight)));
        axis->setTickLabelColor(pal.color(QPalette::Text));
        axis->setLabelColor(pal.color(QPalette::Text));
        axis->grid()->setPen(QPen(pal.color(QPalette::Midlight), 0, Qt::DotLine));
    }
}

void setCurve(QCPGraph* graph, const std::vector<metrics::CurvePoint>& points) {
    QVector<double> x, y;
    for (const auto& p : points) {
        x << p.x;
        y << p.y;
    }
    graph->setData(x, y, true);
}

}  // namespace kensa::ui
