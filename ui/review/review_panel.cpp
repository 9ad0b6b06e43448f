#include "review/review_panel.h"

#include "inspection/threshold_state.h"
#include "number_format.h"
#include "project/project_session.h"
#include "review/batch_controller.h"
#include "review/report_writer.h"
#include "review/review_model.h"
#include "review/review_plots.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include <cmath>
#include <limits>

namespace kensa::ui {

namespace {

constexpr double k_noMinimum = -1e9;  // the min-score box's "any" value

QString metricText(double v) {
    return decimalText(v, 3);
}

}  // namespace

ReviewPanel::ReviewPanel(ProjectSession* session, ThresholdState* thresholds, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_thresholds(thresholds),
      m_batch(new BatchController(session, thresholds, this)),
      m_model(new ReviewModel(session, thresholds, this)),
      m_proxy(new ReviewFilterProxy(m_model, this)) {
    m_run = new QPushButton(QIcon(QStringLiteral(":/icons/model.svg")), tr("Inspect test images"), this);
    m_run->setToolTip(tr("Run the active model over the project's test images (all images if it has none)"));
    m_cancel = new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("Cancel"), this);
    m_cancel->setEnabled(false);
    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);

    m_verdictFilter = new QComboBox(this);
    m_verdictFilter->addItem(tr("All verdicts"), int(ReviewFilterProxy::VerdictFilter::All));
    m_verdictFilter->addItem(tr("NG only"), int(ReviewFilterProxy::VerdictFilter::Ng));
    m_verdictFilter->addItem(tr("OK only"), int(ReviewFilterProxy::VerdictFilter::Ok));
    m_verdictFilter->addItem(tr("Failed only"), int(ReviewFilterProxy::VerdictFilter::Failed));
    m_decisionFilter = new QComboBox(this);
    m_decisionFilter->addItem(tr("Any review"), int(ReviewFilterProxy::DecisionFilter::All));
    m_decisionFilter->addItem(tr("Not reviewed"), int(ReviewFilterProxy::DecisionFilter::Pending));
    m_decisionFilter->addItem(tr("Reviewed"), int(ReviewFilterProxy::DecisionFilter::Reviewed));
    m_decisionFilter->addItem(tr("Reviewed NG"), int(ReviewFilterProxy::DecisionFilter::ReviewedNg));
    m_decisionFilter->addItem(tr("Reviewed OK"), int(ReviewFilterProxy::DecisionFilter::ReviewedOk));
    m_minScore = new QDoubleSpinBox(this);
    m_minScore->setRange(k_noMinimum, 1e9);
    m_minScore->setDecimals(3);
    m_minScore->setSingleStep(0.1);
    m_minScore->setSpecialValueText(tr("any score"));
    m_minScore->setValue(k_noMinimum);
    m_minScore->setKeyboardTracking(false);
    m_minScore->setToolTip(tr("Show only images scoring at least this"));

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ReviewModel::ScoreColumn, Qt::DescendingOrder);  // worst first
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setAlternatingRowColors(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(ReviewModel::ImageColumn, QHeaderView::Stretch);
    for (int c = ReviewModel::TruthColumn; c < ReviewModel::ColumnCount; ++c)
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);

    const auto action = [this](const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);  // only while the review has focus
        a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        addAction(a);
        return a;
    };
    m_next = action(tr("Next flagged"), Qt::Key_Space, tr("The next NG image not reviewed yet"));
    m_confirm = action(tr("Confirm NG"), Qt::Key_X, tr("The part is defective, as the model says"));
    m_override = action(tr("Override to OK"), Qt::Key_O, tr("The part is good, whatever the model says"));
    m_clear = action(tr("Clear"), Qt::Key_Backspace, tr("Forget the decision on this image"));
    m_export = new QAction(tr("Export report…"), this);
    m_export->setToolTip(
        tr("A CSV of every image, and an HTML page and a PDF for printing with metrics, plots, the model and "
           "the worst images"));
    connect(m_next, &QAction::triggered, this, &ReviewPanel::selectNextFlagged);
    connect(m_confirm, &QAction::triggered, this, [this] { decide(project::ReviewDecision::Ng); });
    connect(m_override, &QAction::triggered, this, [this] { decide(project::ReviewDecision::Ok); });
    connect(m_clear, &QAction::triggered, this, [this] { decide(project::ReviewDecision::None); });
    connect(m_export, &QAction::triggered, this, &ReviewPanel::exportReportWithDialog);

    auto* runRow = new QHBoxLayout;
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progress, 1);
    runRow->addStretch();
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_verdictFilter);
    filterRow->addWidget(m_decisionFilter);
    filterRow->addWidget(new QLabel(tr("Score ≥"), this));
    filterRow->addWidget(m_minScore);
    filterRow->addStretch(1);
    auto* reviewRow = new QHBoxLayout;
    for (QAction* a : {m_next, m_confirm, m_override, m_clear, m_export}) {
        auto* b = new QToolButton(this);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setAutoRaise(false);
        if (a == m_export)
            reviewRow->addStretch(1);
        reviewRow->addWidget(b);
    }
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 8);
    v->addLayout(runRow);
    v->addWidget(m_status);
    v->addWidget(m_summary);
    v->addLayout(filterRow);
    v->addLayout(reviewRow);
    v->addWidget(m_table, 1);

    connect(m_run, &QPushButton::clicked, m_batch, &BatchController::start);
    connect(m_cancel, &QPushButton::clicked, m_batch, &BatchController::cancel);
    connect(m_batch, &BatchController::started, this, [this](int images) {
        m_run->setEnabled(false);
        m_cancel->setEnabled(true);
        m_progress->setRange(0, std::max(1, images));
        m_progress->setValue(0);
        m_progress->setFormat(tr("%v / %m images"));
        m_progress->show();
        m_status->setText(tr("Inspecting %n image(s)…", nullptr, images));
    });
    connect(m_batch, &BatchController::progressed, this, [this](int done, int total, const QString& stage) {
        if (stage == QLatin1String("inspecting")) {
            m_progress->setRange(0, std::max(1, total));
            m_progress->setValue(done);
        } else {
            m_progress->setFormat(tr("Computing metrics…"));
        }
    });
    connect(m_batch, &BatchController::finished, this, [this](bool ok, const QString& message) {
        m_run->setEnabled(true);
        m_cancel->setEnabled(false);
        m_progress->hide();
        if (ok) {
            const auto& r = *m_batch->results();
            QString text = tr("%n image(s) inspected in %1 s.", nullptr, int(r.images.size()))
                               .arg(decimalText(r.seconds, 1));
            if (r.trainedOn > 0)
                text +=
                    QLatin1Char(' ') + tr("%n image(s) the model trained on left out.", nullptr, r.trainedOn);
            m_status->setText(text);
        } else {
            m_status->setText(message.isEmpty() ? tr("Inspection cancelled.") : message);
        }
    });
    connect(m_batch, &BatchController::resultsChanged, this, &ReviewPanel::onResultsChanged);
    connect(m_model, &ReviewModel::verdictsChanged, this, &ReviewPanel::updateSummary);
    connect(m_model, &ReviewModel::decisionsChanged, this, &ReviewPanel::updateSummary);
    connect(m_verdictFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setVerdictFilter(ReviewFilterProxy::VerdictFilter(m_verdictFilter->currentData().toInt()));
    });
    connect(m_decisionFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setDecisionFilter(
            ReviewFilterProxy::DecisionFilter(m_decisionFilter->currentData().toInt()));
    });
    connect(m_minScore, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        m_proxy->setMinimumScore(v <= k_noMinimum ? -std::numeric_limits<double>::infinity() : v);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        const int row = currentSourceRow();
        if (row >= 0)
            Q_EMIT imageSelected(m_model->projectRow(row));
    });
    onResultsChanged();
}

void ReviewPanel::setPlots(ReviewPlots* plots) {
    m_plots = plots;
    plots->setResults(m_batch->results());
    connect(m_batch, &BatchController::resultsChanged, plots,
            [this, plots] { plots->setResults(m_batch->results()); });
}

void ReviewPanel::onResultsChanged() {
    m_model->setResults(m_batch->results());
    m_table->sortByColumn(m_table->horizontalHeader()->sortIndicatorSection(),
                          m_table->horizontalHeader()->sortIndicatorOrder());
    if (!m_batch->results())
        m_status->setText(tr("Run the active model over the test images to review its verdicts."));
    updateSummary();
    updateActions();
}

void ReviewPanel::updateSummary() {
    const BatchResultsPtr& r = m_model->results();
    m_summary->setVisible(r != nullptr);
    if (!r) {
        m_summary->clear();
        return;
    }
    const postprocess::VerdictCounts c = m_model->counts();
    QString text = tr("<b>%1</b> images &nbsp;·&nbsp; <b style='color:#c62828'>%2 NG</b> &nbsp;·&nbsp; "
                      "<b style='color:#2e7d32'>%3 OK</b>")
                       .arg(r->images.size())
                       .arg(c.ng)
                       .arg(c.ok);
    if (m_model->failedCount() > 0)
        text += tr(" &nbsp;·&nbsp; %1 failed").arg(m_model->failedCount());
    text += tr(" &nbsp;·&nbsp; reviewed %1").arg(m_model->reviewedCount());
    if (c.normal() + c.defect() > 0) {
        text += tr("<br>Labelled: %1 of %2 defects caught, %3 of %4 normal flagged")
                    .arg(c.true_ng)
                    .arg(c.defect())
                    .arg(c.false_ng)
                    .arg(c.normal());
    }
    if (r->run.evaluation && r->imageLevelOnly) {
        text += tr("<br>Image AUROC %1 &nbsp;·&nbsp; pixel metrics do not apply to image classification")
                    .arg(metricText(r->run.evaluation->overall.image_auroc));
    } else if (r->run.evaluation) {
        const auto& o = r->run.evaluation->overall;
        text += tr("<br>Image AUROC %1 &nbsp;·&nbsp; pixel AUROC %2 &nbsp;·&nbsp; AU-PRO@%3 %4")
                    .arg(metricText(o.image_auroc), metricText(o.pixel_auroc))
                    .arg(significantText(r->run.evaluation->pro_fpr_limit, 6), metricText(o.aupro));
    } else if (!r->run.evaluation_error.empty()) {
        text += QStringLiteral("<br>") +
                tr("No metrics: %1").arg(QString::fromStdString(r->run.evaluation_error).toHtmlEscaped());
    }
    m_summary->setText(text);
}

void ReviewPanel::updateActions() {
    const bool any = m_model->rowCount() > 0;
    const bool current = currentSourceRow() >= 0;
    m_next->setEnabled(any);
    for (QAction* a : {m_confirm, m_override, m_clear})
        a->setEnabled(current);
    m_export->setEnabled(any && !m_exporting);
}

int ReviewPanel::currentSourceRow() const {
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? m_proxy->mapToSource(i).row() : -1;
}

void ReviewPanel::selectSourceRow(int row) {
    const QModelIndex i = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!i.isValid())
        return;
    m_table->setCurrentIndex(i);
    m_table->scrollTo(i);
}

int ReviewPanel::nextPendingSourceRow(int afterProxyRow) const {
    const int n = m_proxy->rowCount();
    for (int k = 1; k <= n; ++k) {
        const int p = (afterProxyRow + k) % n;
        if (p < 0)
            continue;
        const QModelIndex i = m_proxy->index(p, 0);
        if (i.data(ReviewModel::PendingRole).toBool())
            return m_proxy->mapToSource(i).row();
    }
    return -1;
}

void ReviewPanel::selectNextFlagged() {
    const QModelIndex cur = m_table->currentIndex();
    const int row = nextPendingSourceRow(cur.isValid() ? cur.row() : -1);
    if (row < 0) {
        m_status->setText(tr("No flagged image left to review."));
        return;
    }
    selectSourceRow(row);
}

void ReviewPanel::decide(project::ReviewDecision decision) {
    const int row = currentSourceRow();
    if (row < 0)
        return;
    // Found before deciding: a "not reviewed" filter hides this row as soon as it is decided.
    const int next = nextPendingSourceRow(m_table->currentIndex().row());
    m_model->setDecision(row, decision);
    if (decision != project::ReviewDecision::None && next >= 0 && next != row)
        selectSourceRow(next);
    else if (m_proxy->mapFromSource(m_model->index(row, 0)).isValid())
        selectSourceRow(row);
}

void ReviewPanel::exportReportWithDialog() {
    const QString suggested =
        QDir(m_session->folder()).filePath(tr("%1-inspection-report.html").arg(m_session->name()));
    QString path = QFileDialog::getSaveFileName(this, tr("Export Inspection Report"), suggested,
                                                tr("Report as HTML, PDF and CSV (*.html *.pdf)"));
    if (path.isEmpty())
        return;
    // One name for the three files: whichever of them the user typed, the HTML's path stands for the set.
    for (const QLatin1String extension : {QLatin1String(".html"), QLatin1String(".pdf"), QLatin1String(".csv")})
        if (path.endsWith(extension, Qt::CaseInsensitive)) {
            path.chop(extension.size());
            break;
        }
    exportReport(path + QStringLiteral(".html"));
}

void ReviewPanel::exportReport(const QString& htmlPath) {
    const BatchResultsPtr results = m_model->results();
    if (!results || m_exporting) {
        Q_EMIT reportWritten(htmlPath, tr("Nothing to report: run an inspection first."));
        return;
    }
    // Everything the writer needs is gathered here, on the GUI thread; the writer decodes images elsewhere.
    ReportData data;
    data.projectName = m_session->name();
    data.modelName = QFileInfo(results->modelPath).fileName();
    data.generated = QDateTime::currentDateTime();
    data.imageThreshold = m_thresholds->image();
    data.pixelThreshold = m_thresholds->pixel();
    data.defaultImageThreshold = m_thresholds->defaultImage();
    data.defaultPixelThreshold = m_thresholds->defaultPixel();
    data.reviewed = m_model->reviewedCount();
    data.results = results;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const BatchImage& image = results->images[size_t(r)];
        ReportRow row;
        row.image = image.path;
        row.label = m_model->index(r, ReviewModel::TruthColumn).data().toString();
        if (row.label == QStringLiteral("–"))
            row.label.clear();
        row.score = results->scores[size_t(r)];
        const Verdict v = m_model->verdict(r);
        row.verdict = v == Verdict::Ng   ? QStringLiteral("NG")
                      : v == Verdict::Ok ? QStringLiteral("OK")
                                         : QStringLiteral("failed");
        const auto d = m_model->decision(r);
        row.decision =
            d == project::ReviewDecision::None ? QString() : QString::fromLatin1(project::to_string(d));
        row.error = QString::fromStdString(results->run.images[size_t(r)].error);
        data.rows << row;
    }
    if (m_plots) {
        data.plots = m_plots->renderPngs(QSize(560, 400));
        data.printPlots = m_plots->renderPngs(QSize(380, 260), ReviewPlots::Style::Print, 3.5);
    }
    m_exporting = true;
    updateActions();
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, htmlPath] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_exporting = false;
        updateActions();
        m_status->setText(error.isEmpty()
                              ? tr("Report written: %1 (and its .pdf and .csv)").arg(QDir::toNativeSeparators(htmlPath))
                              : error);
        Q_EMIT reportWritten(htmlPath, error);
    });
    watcher->setFuture(QtConcurrent::run([data = std::move(data), htmlPath] {
        return ReportWriter::write(data, htmlPath, ReportWriter::csvPathFor(htmlPath),
                                   ReportWriter::pdfPathFor(htmlPath));
    }));
}

}  // namespace kensa::ui
