#include "review/review_filter_proxy.h"

#include "review/review_model.h"

#include <cmath>

namespace kensa::ui {

ReviewFilterProxy::ReviewFilterProxy(ReviewModel* model, QObject* parent)
    : QSortFilterProxyModel(parent), m_model(model) {
    setSourceModel(model);
    setDynamicSortFilter(false);  // re-sorted when a filter or the verdicts change, not on every edit
    connect(model, &ReviewModel::verdictsChanged, this, [this] {
        if (m_verdict != VerdictFilter::All)
            invalidateFilter();
    });
    connect(model, &ReviewModel::decisionsChanged, this, [this] {
        if (m_decision != DecisionFilter::All)
            invalidateFilter();
    });
}

void ReviewFilterProxy::setVerdictFilter(VerdictFilter f) {
    m_verdict = f;
    invalidateFilter();
}

void ReviewFilterProxy::setDecisionFilter(DecisionFilter f) {
    m_decision = f;
    invalidateFilter();
}

void ReviewFilterProxy::setMinimumScore(double score) {
    m_minScore = score;
    invalidateFilter();
}

bool ReviewFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const Verdict v = m_model->verdict(sourceRow);
    switch (m_verdict) {
        case VerdictFilter::Ng:
            if (v != Verdict::Ng)
                return false;
            break;
        case VerdictFilter::Ok:
            if (v != Verdict::Ok)
                return false;
            break;
        case VerdictFilter::Failed:
            if (v != Verdict::Failed)
                return false;
            break;
        case VerdictFilter::All:
            break;
    }
    const auto d = m_model->decision(sourceRow);
    switch (m_decision) {
        case DecisionFilter::Pending:
            if (d != project::ReviewDecision::None)
                return false;
            break;
        case DecisionFilter::Reviewed:
            if (d == project::ReviewDecision::None)
                return false;
            break;
        case DecisionFilter::ReviewedNg:
            if (d != project::ReviewDecision::Ng)
                return false;
            break;
        case DecisionFilter::ReviewedOk:
            if (d != project::ReviewDecision::Ok)
                return false;
            break;
        case DecisionFilter::All:
            break;
    }
    if (std::isfinite(m_minScore)) {
        const double score = m_model->index(sourceRow, 0).data(ReviewModel::ScoreRole).toDouble();
        if (std::isnan(score) || score < m_minScore)
            return false;
    }
    return true;
}

bool ReviewFilterProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    if (left.column() == ReviewModel::ScoreColumn || left.column() == ReviewModel::VerdictColumn) {
        // Failed images (NaN) sort below every score.
        const double a = left.data(ReviewModel::ScoreRole).toDouble(),
                     b = right.data(ReviewModel::ScoreRole).toDouble();
        if (std::isnan(a) || std::isnan(b))
            return std::isnan(a) && !std::isnan(b);
        return a < b;
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

}  // namespace kensa::ui
