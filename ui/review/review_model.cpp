#include "review/review_model.h"

#include "inspection/threshold_state.h"
#include "number_format.h"
#include "project/project_session.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <kensa/postprocess/verdict.h>

#include <cmath>

namespace kensa::ui {

ReviewModel::ReviewModel(ProjectSession* session, ThresholdState* thresholds, QObject* parent)
    : QAbstractTableModel(parent), m_session(session), m_thresholds(thresholds) {
    connect(thresholds, &ThresholdState::changed, this, [this] {
        if (rowCount() == 0)
            return;
        Q_EMIT dataChanged(index(0, VerdictColumn), index(rowCount() - 1, VerdictColumn),
                           {Qt::DisplayRole, VerdictRole, PendingRole, Qt::ForegroundRole});
        Q_EMIT verdictsChanged();
    });
    connect(session, &ProjectSession::imageChanged, this, [this](int projectRowChanged) {
        for (int r = 0; r < rowCount(); ++r) {
            if (projectRow(r) == projectRowChanged) {
                Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
                Q_EMIT decisionsChanged();
            }
        }
    });
}

void ReviewModel::setResults(BatchResultsPtr results) {
    beginResetModel();
    m_results = std::move(results);
    endResetModel();
    Q_EMIT verdictsChanged();
    Q_EMIT decisionsChanged();
}

postprocess::VerdictCounts ReviewModel::counts() const {
    return m_results ? m_results->counter.at(m_thresholds->image()) : postprocess::VerdictCounts{};
}

int ReviewModel::reviewedCount() const {
    int n = 0;
    for (int r = 0; r < rowCount(); ++r)
        n += decision(r) != project::ReviewDecision::None;
    return n;
}

Verdict ReviewModel::verdict(int row) const {
    const float score = m_results->scores[size_t(row)];
    if (std::isnan(score))
        return Verdict::Failed;
    return postprocess::is_anomalous(score, m_thresholds->image()) ? Verdict::Ng : Verdict::Ok;
}

int ReviewModel::projectRow(int row) const {
    return m_results->images[size_t(row)].projectRow;
}

project::ReviewDecision ReviewModel::decision(int row) const {
    const int p = projectRow(row);
    if (!m_session->isOpen() || p < 0 || p >= m_session->imageCount())
        return project::ReviewDecision::None;
    return m_session->image(p).review;
}

void ReviewModel::setDecision(int row, project::ReviewDecision decision) {
    if (row < 0 || row >= rowCount())
        return;
    m_session->setReviewDecision(projectRow(row), decision);  // imageChanged updates the row
}

int ReviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_results ? 0 : int(m_results->images.size());
}

int ReviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReviewModel::verdictText(Verdict v) {
    switch (v) {
        case Verdict::Ng:
            return tr("NG");
        case Verdict::Ok:
            return tr("OK");
        case Verdict::Failed:
            break;
    }
    return tr("failed");
}

QString ReviewModel::decisionText(project::ReviewDecision d) {
    switch (d) {
        case project::ReviewDecision::Ng:
            return tr("NG (reviewed)");
        case project::ReviewDecision::Ok:
            return tr("OK (reviewed)");
        case project::ReviewDecision::None:
            break;
    }
    return {};
}

QVariant ReviewModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_results)
        return {};
    const int row = index.row();
    const BatchImage& image = m_results->images[size_t(row)];
    const auto& inspected = m_results->run.images[size_t(row)];
    switch (role) {
        case ScoreRole:
            return double(m_results->scores[size_t(row)]);
        case VerdictRole:
            return int(verdict(row));
        case DecisionRole:
            return int(decision(row));
        case ProjectRowRole:
            return image.projectRow;
        case PendingRole:
            return verdict(row) == Verdict::Ng && decision(row) == project::ReviewDecision::None;
        case Qt::ToolTipRole:
            if (!inspected.error.empty())
                return QString::fromStdString(inspected.error);
            if (!inspected.warning.empty())
                return QString::fromStdString(inspected.warning);
            return image.path;
        default:
            break;
    }
    switch (index.column()) {
        case ImageColumn:
            return role == Qt::DisplayRole ? QVariant(image.name) : QVariant();
        case TruthColumn:
            if (role != Qt::DisplayRole)
                return {};
            switch (image.truth) {
                case postprocess::Truth::Normal:
                    return tr("normal");
                case postprocess::Truth::Defect:
                    return image.defectType.isEmpty() ? tr("defect") : image.defectType;
                case postprocess::Truth::Unknown:
                    break;
            }
            return QStringLiteral("–");
        case ScoreColumn:
            if (role == Qt::DisplayRole) {
                const float s = m_results->scores[size_t(row)];
                return std::isnan(s) ? QString() : decimalText(double(s), 3);
            }
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        case VerdictColumn: {
            const Verdict v = verdict(row);
            if (role == Qt::DisplayRole)
                return verdictText(v);
            if (role == Qt::ForegroundRole)
                return QBrush(v == Verdict::Ng   ? QColor(0xc6, 0x28, 0x28)
                              : v == Verdict::Ok ? QColor(0x2e, 0x7d, 0x32)
                                                 : QColor(0x80, 0x80, 0x80));
            if (role == Qt::FontRole) {
                QFont f;
                f.setBold(true);
                return f;
            }
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignCenter);
            return {};
        }
        case DecisionColumn: {
            const project::ReviewDecision d = decision(row);
            if (role == Qt::DisplayRole)
                return decisionText(d);
            if (role == Qt::ForegroundRole && d != project::ReviewDecision::None)
                return QBrush(d == project::ReviewDecision::Ng ? QColor(0xc6, 0x28, 0x28)
                                                               : QColor(0x2e, 0x7d, 0x32));
            return {};
        }
        default:
            return {};
    }
}

QVariant ReviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
        case ImageColumn:
            return tr("Image");
        case TruthColumn:
            return tr("Label");
        case ScoreColumn:
            return tr("Score");
        case VerdictColumn:
            return tr("Verdict");
        case DecisionColumn:
            return tr("Review");
        default:
            return {};
    }
}

}  // namespace kensa::ui
