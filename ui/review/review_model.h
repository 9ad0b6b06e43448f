#pragma once
// The rows of a batch inspection for review: one per inspected image with its truth (label), score, the
// model's verdict at the shared image threshold, and the reviewer's decision (kept in the project, so it
// is saved with it). A threshold change only re-emits the verdict column; the model never runs again.

#include "review/batch_results.h"

#include <kensa/project/project.h>

#include <QAbstractTableModel>

namespace kensa::ui {

class ProjectSession;
class ThresholdState;

enum class Verdict { Failed = -1, Ok = 0, Ng = 1 };

class ReviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ImageColumn, TruthColumn, ScoreColumn, VerdictColumn, DecisionColumn, ColumnCount };
    enum Role {
        ScoreRole = Qt::UserRole + 1,  // float; NaN for images that failed
        VerdictRole,                   // int(Verdict)
        DecisionRole,                  // int(project::ReviewDecision)
        ProjectRowRole,                // int
        PendingRole,                   // bool: NG and not reviewed yet ("flagged")
    };

    ReviewModel(ProjectSession* session, ThresholdState* thresholds, QObject* parent = nullptr);

    void setResults(BatchResultsPtr results);
    const BatchResultsPtr& results() const { return m_results; }
    // Core's counts at the current image threshold (binary search over scores sorted once).
    postprocess::VerdictCounts counts() const;
    int reviewedCount() const;
    int failedCount() const { return m_results ? m_results->run.failed : 0; }

    Verdict verdict(int row) const;
    project::ReviewDecision decision(int row) const;
    int projectRow(int row) const;
    // Sets the reviewer's decision on the image of `row` (saved with the project).
    void setDecision(int row, project::ReviewDecision decision);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString verdictText(Verdict v);
    static QString decisionText(project::ReviewDecision d);

Q_SIGNALS:
    void verdictsChanged();  // the threshold moved (rows may change verdict)
    void decisionsChanged();

private:
    ProjectSession* m_session;
    ThresholdState* m_thresholds;
    BatchResultsPtr m_results;
};

}  // namespace kensa::ui
