#pragma once
// The live training-loss curve: one point per optimiser step (faint) and the running mean per epoch
// (bold), on a log scale once the loss spans a decade. QCustomPlot stays inside loss_plot.cpp.

#include <QWidget>

class QCustomPlot;
class QCPGraph;

namespace kensa::ui {

class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget* parent = nullptr);

    void clear();
    void addStep(int step, double loss, int epoch);
    int pointCount() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    void rescale();

    QCustomPlot* m_plot;
    QCPGraph* m_steps;
    QCPGraph* m_epochs;
    int m_epoch = -1;
    double m_epochSum = 0.0;
    int m_epochCount = 0;
    int m_epochFirstStep = 0;
};

}  // namespace kensa::ui
