#pragma once
// Filters and sorts the review rows: by the model's verdict, a minimum score, and the reviewer's decision.
// Re-filters when verdicts change (a threshold moved), so "NG only" follows the slider.

#include <QSortFilterProxyModel>

#include <limits>

namespace kensa::ui {

class ReviewModel;

class ReviewFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class VerdictFilter { All, Ng, Ok, Failed };
    enum class DecisionFilter { All, Pending, Reviewed, ReviewedNg, ReviewedOk };

    explicit ReviewFilterProxy(ReviewModel* model, QObject* parent = nullptr);

    void setVerdictFilter(VerdictFilter f);
    void setDecisionFilter(DecisionFilter f);
    void setMinimumScore(double score);  // -infinity: no minimum
    VerdictFilter verdictFilter() const { return m_verdict; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    ReviewModel* m_model;
    VerdictFilter m_verdict = VerdictFilter::All;
    DecisionFilter m_decision = DecisionFilter::All;
    double m_minScore = -std::numeric_limits<double>::infinity();
};

}  // namespace kensa::ui
