#include "review/comparison_view.h"

#include "number_format.h"
#include "plot_style.h"
#include "project/project_session.h"
#include "review/comparison_controller.h"
#include "training/model_list_model.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace kensa::ui {

namespace {

// Distinct, colour-blind friendly (Okabe-Ito) curve colours.
const QColor k_colours[] = {QColor(0, 114, 178), QColor(213, 94, 0), QColor(0, 158, 115), QColor(204, 121, 167),
                            QColor(230, 159, 0), QColor(86, 180, 233), QColor(0, 0, 0)};

QString percent(double v) {
    return decimalText(100.0 * v, 2);
}

}  // namespace

ComparisonView::ComparisonView(ProjectSession* session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_models(new ModelListModel(session, this)),
      m_controller(new ComparisonController(session, this)),
      m_list(new QListWidget(this)),
      m_compare(new QPushButton(tr("Compare"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_makeActive(new QPushButton(tr("Make active"), this)),
      m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)),
      m_table(new QTableWidget(0, 6, this)),
      m_imageLevelNote(new QLabel(tr("Pixel AUROC, AU-PRO and their curves do not apply to image classification: "
                                     "tiny images are scored whole, without defect masks."),
                                  this)) {
    m_imageLevelNote->setWordWrap(true);
    m_imageLevelNote->setForegroundRole(QPalette::PlaceholderText);
    m_imageLevelNote->setVisible(false);
    m_list->setToolTip(tr("Tick the models to compare on the project's test images"));
    m_compare->setToolTip(tr("Inspect the test images with every ticked model; images any of them trained on "
                             "are left out for all"));
    m_makeActive->setToolTip(tr("Use the model selected in the table for inspection"));
    m_status->setWordWrap(true);
    m_table->setHorizontalHeaderLabels(
        {tr("Model"), tr("Method"), tr("Image AUROC"), tr("Pixel AUROC"), tr("AU-PRO"), tr("Images")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();

    const QString titles[PlotCount] = {tr("Image ROC"), tr("Pixel ROC"), tr("PRO (FPR up to 0.3)")};
    const QString yLabels[PlotCount] = {tr("True-positive rate"), tr("True-positive rate"), tr("Per-region overlap")};
    auto* plots = new QHBoxLayout;
    for (int p = 0; p < PlotCount; ++p) {
        auto* plot = new QCustomPlot(this);
        applyPlotStyle(plot, palette());
        plot->setMinimumSize(200, 130);
        plot->xAxis->setLabel(tr("False-positive rate"));
        plot->yAxis->setLabel(yLabels[p]);
        plot->xAxis->setRange(0, p == Pro ? 0.3 : 1.0);
        plot->yAxis->setRange(0, 1.0);
        plot->plotLayout()->insertRow(0);
        QFont bold = font();
        bold.setBold(true);
        plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, titles[p], bold));
        plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
        m_plots[p] = plot;
        plots->addWidget(plot);
    }

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_compare);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_makeActive);
    auto* top = new QHBoxLayout;
    top->addWidget(m_list, 1);
    top->addWidget(m_table, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_imageLevelNote);
    layout->addLayout(plots, 1);

    connect(m_models, &QAbstractItemModel::modelReset, this, &ComparisonView::refreshModels);
    connect(m_list, &QListWidget::itemChanged, this, &ComparisonView::updateState);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ComparisonView::updateState);
    connect(m_compare, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Comparing…"));
        m_controller->start(tickedModels());
        updateState();
    });
    connect(m_cancel, &QPushButton::clicked, m_controller, &ComparisonController::cancel);
    connect(m_controller, &ComparisonController::progressed, this, [this](int model, int models, int done, int total) {
        const int per = std::max(total, 1);
        m_progress->setRange(0, std::max(1, models * per));
        m_progress->setValue(model * per + done);
        m_status->setText(tr("Model %1 of %2: %3 of %4 images").arg(model + 1).arg(models).arg(done).arg(total));
    });
    connect(m_controller, &ComparisonController::finished, this, [this](bool ok, const QString& message) {
        m_status->setText(ok ? QString() : message.isEmpty() ? tr("Comparison cancelled.") : message);
        showResults();
        updateState();
    });
    connect(m_controller, &ComparisonController::cleared, this, [this] {
        showResults();
        updateState();
    });
    connect(m_makeActive, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_controller->models().size() || !m_session->isOpen() ||
            QFileInfo(m_controller->models()[row].path).absolutePath() != QDir(m_session->modelsFolder()).absolutePath())
            return;
        auto settings = m_session->project().settings;
        settings.active_model = m_controller->models()[row].name.toStdString();
        m_session->setSettings(settings);
    });
    connect(session, &ProjectSession::opened, this, &ComparisonView::applyTask);
    connect(session, &ProjectSession::settingsChanged, this, &ComparisonView::applyTask);
    refreshModels();
    showResults();
    applyTask();
}

void ComparisonView::applyTask() {
    const bool imageLevel = m_session->isOpen() &&
                            m_session->project().settings.task == project::ProjectTask::Classification;
    m_imageLevelNote->setVisible(imageLevel);
    m_plots[PixelRoc]->setVisible(!imageLevel);
    m_plots[Pro]->setVisible(!imageLevel);
    m_table->setColumnHidden(PixelAurocColumn, imageLevel);
    m_table->setColumnHidden(AuproColumn, imageLevel);
}

void ComparisonView::refreshModels() {
    const QStringList ticked = tickedModels();
    m_list->clear();
    for (int r = 0; r < m_models->rowCount(); ++r) {
        const QString path = m_models->index(r).data(ModelListModel::PathRole).toString();
        auto* item = new QListWidgetItem(QFileInfo(path).fileName(), m_list);
        item->setData(Qt::UserRole, path);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(ticked.contains(path) ? Qt::Checked : Qt::Unchecked);
    }
    updateState();
}

QStringList ComparisonView::tickedModels() const {
    QStringList paths;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            paths << m_list->item(i)->data(Qt::UserRole).toString();
    return paths;
}

void ComparisonView::showResults() {
    const auto& models = m_controller->models();
    m_table->setRowCount(int(models.size()));
    for (QCustomPlot* plot : m_plots)
        plot->clearGraphs();
    for (int i = 0; i < models.size(); ++i) {
        const ComparedModel& m = models[i];
        const auto* evaluation = m.results && m.results->run.evaluation ? &*m.results->run.evaluation : nullptr;
        const metrics::MetricSet all = evaluation ? evaluation->overall : metrics::MetricSet{};
        const QStringList cells{QStringLiteral("%1  %2").arg(i + 1).arg(m.name),
                                m.method,
                                percent(all.image_auroc),
                                percent(all.pixel_auroc),
                                percent(all.aupro),
                                QString::number(m.results ? qsizetype(m.results->images.size()) : 0)};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
        const QPen pen(k_colours[i % std::size(k_colours)], 2);
        const std::vector<metrics::CurvePoint>* curves[PlotCount] = {&all.image_roc, &all.pixel_roc, &all.pro};
        for (int p = 0; p < PlotCount; ++p) {
            QCPGraph* graph = m_plots[p]->addGraph();
            graph->setPen(pen);
            graph->setName(QStringLiteral("%1 %2").arg(i + 1).arg(m.method));  // the table's row
            setCurve(graph, *curves[p]);
        }
    }
    m_plots[ImageRoc]->legend->setVisible(!models.isEmpty());
    for (QCustomPlot* plot : m_plots)
        plot->replot();
}

void ComparisonView::updateState() {
    const bool running = m_controller->isRunning();
    const auto ticked = tickedModels().size();
    m_compare->setEnabled(!running && ticked >= 2);
    m_compare->setToolTip(ticked < 2 ? tr("Tick at least two models") : tr("Compare the ticked models"));
    m_cancel->setEnabled(running);
    m_list->setEnabled(!running);
    m_makeActive->setEnabled(!running && m_table->currentRow() >= 0 &&
                             m_table->currentRow() < m_controller->models().size());
    if (!running)
        m_progress->setValue(m_progress->minimum());
}

}  // namespace kensa::ui
