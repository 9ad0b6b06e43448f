#pragma once
// Batch inspection and review: runs the active model over the project's test images (progress, cancel),
// sums up verdicts and metrics at the shared thresholds, and lists the images to go through fast from the
// keyboard: Space = next flagged (NG, not reviewed), X = confirm NG, O = override to OK, Backspace =
// clear the decision; a decision moves on to the next flagged image. Filters: verdict, review, minimum
// score. Selecting a row asks to show that image (imageSelected). Exports a CSV + HTML report.

#include "review/review_filter_proxy.h"

#include <kensa/project/project.h>

#include <QWidget>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace kensa::ui {

class BatchController;
class ProjectSession;
class ReviewModel;
class ReviewPlots;
class ThresholdState;

class ReviewPanel : public QWidget {
    Q_OBJECT
public:
    ReviewPanel(ProjectSession* session, ThresholdState* thresholds, QWidget* parent = nullptr);

    BatchController* batch() const { return m_batch; }
    ReviewModel* model() const { return m_model; }
    ReviewFilterProxy* proxy() const { return m_proxy; }
    QTableView* table() const { return m_table; }
    QLabel* summaryLabel() const { return m_summary; }
    QPushButton* runButton() const { return m_run; }
    QComboBox* verdictFilter() const { return m_verdictFilter; }
    QAction* nextFlaggedAction() const { return m_next; }
    QAction* confirmNgAction() const { return m_confirm; }
    QAction* overrideOkAction() const { return m_override; }
    // Plots that follow this panel's results and go into its reports (optional).
    void setPlots(ReviewPlots* plots);

    int currentSourceRow() const;  // -1 when none
    void selectSourceRow(int row);

public Q_SLOTS:
    void selectNextFlagged();
    void decide(project::ReviewDecision decision);  // on the current row, then the next flagged
    // Writes <path>.html and the CSV and PDF beside it off the GUI thread; reportWritten tells how it went.
    void exportReport(const QString& htmlPath);
    void exportReportWithDialog();

Q_SIGNALS:
    void imageSelected(int projectRow);
    void reportWritten(const QString& htmlPath, const QString& error);

private:
    void onResultsChanged();
    void updateSummary();
    void updateActions();
    int nextPendingSourceRow(int afterProxyRow) const;

    ProjectSession* m_session;
    ThresholdState* m_thresholds;
    BatchController* m_batch;
    ReviewModel* m_model;
    ReviewFilterProxy* m_proxy;
    ReviewPlots* m_plots = nullptr;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_status;
    QLabel* m_summary;
    QComboBox* m_verdictFilter;
    QComboBox* m_decisionFilter;
    QDoubleSpinBox* m_minScore;
    QTableView* m_table;
    QAction* m_next;
    QAction* m_confirm;
    QAction* m_override;
    QAction* m_clear;
    QAction* m_export;
    bool m_exporting = false;
};

}  // namespace kensa::ui
