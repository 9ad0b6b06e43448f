#include "training/loss_plot.h"

#include "plot_style.h"

#include <QVBoxLayout>

#include <cmath>

namespace kensa::ui {

LossPlot::LossPlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)) {
    const QPalette pal = palette();
    applyPlotStyle(m_plot, pal);
    m_plot->setMinimumHeight(160);
    m_plot->xAxis->setLabel(tr("Step"));
    m_plot->yAxis->setLabel(tr("Loss"));
    m_steps = m_plot->addGraph();
    m_steps->setName(tr("each step"));
    m_steps->setPen(QPen(QColor(21, 101, 192, 90), 1));
    m_epochs = m_plot->addGraph();
    m_epochs->setName(tr("epoch mean"));
    m_epochs->setPen(QPen(QColor(21, 101, 192), 2.2));
    m_epochs->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 200));
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setFont(font());
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    clear();
}

void LossPlot::clear() {
    m_steps->data()->clear();
    m_epochs->data()->clear();
    m_epoch = -1;
    m_epochSum = 0.0;
    m_epochCount = 0;
    m_plot->yAxis->setScaleType(QCPAxis::stLinear);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_plot->xAxis->setRange(0, 10);
    m_plot->yAxis->setRange(0, 1);
    m_plot->replot();
}

int LossPlot::pointCount() const {
    return m_steps->dataCount();
}

void LossPlot::addStep(int step, double loss, int epoch) {
    if (!std::isfinite(loss) || loss <= 0)
        return;
    m_steps->addData(step, loss);
    if (epoch != m_epoch) {
        m_epoch = epoch;
        m_epochSum = 0.0;
        m_epochCount = 0;
        m_epochFirstStep = step;
    }
    m_epochSum += loss;
    ++m_epochCount;
    // The epoch's point sits at its last step so far and moves along as the epoch goes on.
    const double mean = m_epochSum / m_epochCount;
    if (m_epochCount > 1)
        m_epochs->data()->removeAfter(m_epochFirstStep - 0.5);
    m_epochs->addData(step, mean);
    rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::rescale() {
    bool found = false;
    const QCPRange y = m_steps->data()->valueRange(found);
    if (!found)
        return;
    const bool log = y.upper / y.lower >= 10.0;
    if (log && m_plot->yAxis->scaleType() != QCPAxis::stLogarithmic) {
        m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    }
    m_plot->xAxis->setRange(0, std::max(10.0, m_steps->data()->at(m_steps->dataCount() - 1)->key * 1.05));
    if (log)
        m_plot->yAxis->setRange(y.lower / 1.3, y.upper * 1.3);
    else
        m_plot->yAxis->setRange(std::max(0.0, y.lower - 0.1 * y.size()), y.upper + 0.1 * y.size() + 1e-9);
}

}  // namespace kensa::ui
