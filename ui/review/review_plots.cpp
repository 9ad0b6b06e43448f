#include "review/review_plots.h"

#include "inspection/threshold_state.h"
#include "number_format.h"
#include "plot_style.h"

#include <kensa/metrics/curve.h>

#include <QBuffer>
#include <QGridLayout>
#include <QLabel>

#include <algorithm>
#include <cmath>

namespace kensa::ui {

namespace {

const QColor k_blue(21, 101, 192);
const QColor k_red(198, 40, 40);
const QColor k_green(46, 125, 50);
const QColor k_grey(120, 120, 120);

QString metricText(double v) {
    return decimalText(v, 3);
}

// Black on white with grey lines, whatever the desktop's theme.
QPalette printPalette() {
    QPalette pal;
    pal.setColor(QPalette::Base, Qt::white);
    pal.setColor(QPalette::Window, Qt::white);
    pal.setColor(QPalette::Text, Qt::black);
    pal.setColor(QPalette::WindowText, Qt::black);
    pal.setColor(QPalette::Mid, QColor(90, 90, 90));
    pal.setColor(QPalette::Midlight, QColor(190, 190, 190));
    return pal;
}

void setTitle(QCustomPlot* plot, const QString& title) {
    auto* text = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
    if (text)
        text->setText(title);
}

}  // namespace

ReviewPlots::ReviewPlots(ThresholdState* thresholds, QWidget* parent)
    : ReviewPlots(thresholds, Style::Screen, parent) {}

ReviewPlots::ReviewPlots(ThresholdState* thresholds, Style style, QWidget* parent)
    : QWidget(parent), m_thresholds(thresholds), m_print(style == Style::Print), m_empty(new QLabel(this)),
      m_notApplicable(new QLabel(this)) {
    if (m_print)
        setPalette(printPalette());
    m_plots[ImageRoc] = makePlot(tr("False-positive rate"), tr("True-positive rate"));
    m_plots[PixelRoc] = makePlot(tr("False-positive rate"), tr("True-positive rate"));
    m_plots[Pro] = makePlot(tr("False-positive rate"), tr("Per-region overlap"));
    m_plots[Histogram] = makePlot(tr("Image score"), tr("Images"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_notApplicable->setText(tr("Pixel ROC and PRO do not apply to image classification: tiny images are scored "
                                "whole, without defect masks."));
    m_notApplicable->setAlignment(Qt::AlignCenter);
    m_notApplicable->setWordWrap(true);
    m_notApplicable->setForegroundRole(QPalette::PlaceholderText);
    m_notApplicable->setVisible(false);
    m_notApplicable->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setSpacing(6);
    grid->addWidget(m_empty, 0, 0, 2, 2);
    grid->addWidget(m_plots[ImageRoc], 0, 0);
    grid->addWidget(m_plots[PixelRoc], 0, 1);
    grid->addWidget(m_plots[Pro], 1, 0);
    grid->addWidget(m_plots[Histogram], 1, 1);
    grid->addWidget(m_notApplicable, 2, 0, 1, 2);
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);
    connect(thresholds, &ThresholdState::changed, this, &ReviewPlots::updateMarkers);
    rebuild();
}

QCustomPlot* ReviewPlots::makePlot(const QString& xLabel, const QString& yLabel) {
    auto* plot = new QCustomPlot(this);
    const QPalette pal = palette();
    applyPlotStyle(plot, pal);
    plot->setMinimumSize(220, 170);
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(yLabel);
    plot->plotLayout()->insertRow(0);
    QFont titleFont = font();
    titleFont.setBold(true);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, QString(), titleFont));
    return plot;
}

void ReviewPlots::setResults(BatchResultsPtr results) {
    m_results = std::move(results);
    rebuild();
}

void ReviewPlots::rebuild() {
    for (int p = 0; p < PlotCount; ++p) {
        m_plots[p]->clearGraphs();
        m_plots[p]->clearItems();
        m_plots[p]->clearPlottables();
        m_markers[p] = nullptr;
    }
    m_thresholdLine = nullptr;
    const bool any = m_results != nullptr;
    const bool imageLevelOnly = any && m_results->imageLevelOnly;
    m_empty->setVisible(!any);
    for (QCustomPlot* plot : m_plots)
        plot->setVisible(any);
    m_notApplicable->setVisible(imageLevelOnly);
    if (imageLevelOnly) {  // the image plots side by side, the note below them
        m_plots[PixelRoc]->setVisible(false);
        m_plots[Pro]->setVisible(false);
    }
    if (auto* grid = qobject_cast<QGridLayout*>(layout())) {
        grid->removeWidget(m_plots[Histogram]);
        grid->addWidget(m_plots[Histogram], imageLevelOnly ? 0 : 1, 1);
        grid->setRowStretch(1, imageLevelOnly ? 0 : 1);  // an empty row with a stretch would still take half
    }
    if (!any) {
        m_empty->setText(tr("Run a batch inspection (Review panel) to see ROC, PRO and score plots."));
        return;
    }
    const auto& evaluation = m_results->run.evaluation;
    const metrics::MetricSet* overall = evaluation ? &evaluation->overall : nullptr;
    const double proLimit = evaluation ? evaluation->pro_fpr_limit : 0.3;

    m_titles[ImageRoc] = tr("Image ROC — AUROC %1").arg(metricText(overall ? overall->image_auroc : NAN));
    m_titles[PixelRoc] = tr("Pixel ROC — AUROC %1").arg(metricText(overall ? overall->pixel_auroc : NAN));
    m_titles[Pro] = tr("PRO — AU-PRO@%1 %2")
                        .arg(significantText(proLimit, 6), metricText(overall ? overall->aupro : NAN));
    m_titles[Histogram] = tr("Image scores");

    const auto addCurve = [&](Plot p, const std::vector<metrics::CurvePoint>* points, double xMax) {
        QCustomPlot* plot = m_plots[p];
        auto* chance = plot->addGraph();
        chance->setPen(QPen(k_grey, 1, Qt::DashLine));
        if (p != Pro)
            chance->setData({0.0, 1.0}, {0.0, 1.0});
        auto* curve = plot->addGraph();
        curve->setPen(m_print ? QPen(Qt::black, 2.0) : QPen(k_blue, 2.2));
        curve->setBrush(m_print ? QColor(0, 0, 0, 20) : QColor(21, 101, 192, 28));
        if (points && !points->empty())
            setCurve(curve, *points);
        auto* marker = plot->addGraph();
        marker->setLineStyle(QCPGraph::lsNone);
        marker->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle,
                                                QPen(m_print ? QColor(Qt::black) : k_red, 2), Qt::white, 10));
        m_markers[p] = marker;
        // A small margin, so a marker on an edge (FPR 0) is drawn whole.
        plot->xAxis->setRange(-0.015 * xMax, 1.015 * xMax);
        plot->yAxis->setRange(-0.02, 1.04);
        if (!points || points->empty()) {
            auto* note = new QCPItemText(plot);
            note->position->setType(QCPItemPosition::ptAxisRectRatio);
            note->position->setCoords(0.5, 0.5);
            note->setText(p == ImageRoc ? tr("Needs labelled normal and defective images")
                                        : tr("Needs labelled normal images and defect masks"));
            note->setColor(k_grey);
        }
    };
    addCurve(ImageRoc, overall ? &overall->image_roc : nullptr, 1.0);
    addCurve(PixelRoc, overall ? &overall->pixel_roc : nullptr, 1.0);
    addCurve(Pro, overall ? &overall->pro : nullptr, proLimit);

    // Histogram: bars of normal, defective and unlabelled scores on shared bins.
    QCustomPlot* hist = m_plots[Histogram];
    float lo = m_results->run.score_min, hi = m_results->run.score_max;
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0.f;
        hi = 1.f;
    }
    const float t = m_thresholds->image();
    lo = std::min(lo, t);
    hi = std::max(hi, t);
    const int bins = std::clamp(int(std::sqrt(double(m_results->scores.size())) * 1.5), 8, 40);
    const double width = std::max(1e-6, double(hi - lo) / bins);
    QVector<double> keys(bins), normal(bins, 0), defect(bins, 0), unknown(bins, 0);
    for (int b = 0; b < bins; ++b)
        keys[b] = lo + (b + 0.5) * width;
    for (size_t i = 0; i < m_results->scores.size(); ++i) {
        const float s = m_results->scores[i];
        if (std::isnan(s))
            continue;
        const int b = std::clamp(int((s - lo) / width), 0, bins - 1);
        auto& target = m_results->truths[i] == postprocess::Truth::Normal   ? normal
                       : m_results->truths[i] == postprocess::Truth::Defect ? defect
                                                                        : unknown;
        target[b] += 1;
    }
    double top = 1;
    // Side by side within a bin (a bars group), so normal and defective counts never hide each other.
    auto* group = new QCPBarsGroup(hist);
    group->setSpacingType(QCPBarsGroup::stAbsolute);
    group->setSpacing(0);
    int series = 0;
    for (const auto* counts : {&normal, &defect, &unknown})
        series += std::any_of(counts->begin(), counts->end(), [](double c) { return c > 0; }) ? 1 : 0;
    // Print: white, dark grey and light grey bars with black outlines, told apart without colour.
    const auto addBars = [&](const QVector<double>& counts, const QColor& colour, const QColor& printFill,
                             const QString& name) {
        if (std::all_of(counts.begin(), counts.end(), [](double c) { return c == 0; }))
            return;
        auto* bars = new QCPBars(hist->xAxis, hist->yAxis);
        bars->setName(name);
        bars->setWidthType(QCPBars::wtPlotCoords);
        bars->setWidth(width * 0.9 / std::max(1, series));
        QColor fill = colour;
        fill.setAlpha(150);
        bars->setBrush(m_print ? printFill : fill);
        bars->setPen(m_print ? QPen(Qt::black, 1) : QPen(colour.darker(115), 1));
        bars->setData(keys, counts, true);
        bars->setBarsGroup(group);
        top = std::max(top, *std::max_element(counts.begin(), counts.end()));
    };
    addBars(normal, k_green, Qt::white, tr("normal"));
    addBars(defect, k_red, QColor(70, 70, 70), tr("defective"));
    addBars(unknown, k_grey, QColor(185, 185, 185), tr("unlabelled"));
    // Whole images: integer ticks.
    QSharedPointer<QCPAxisTickerFixed> counts(new QCPAxisTickerFixed);
    counts->setTickStep(std::max(1.0, std::ceil(top / 6.0)));
    counts->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    hist->yAxis->setTicker(counts);
    hist->xAxis->setRange(lo - width, hi + width);
    hist->yAxis->setRange(0, top * 1.15);
    m_thresholdLine = new QCPItemStraightLine(hist);
    m_thresholdLine->setPen(m_print ? QPen(Qt::black, 2, Qt::DashDotLine) : QPen(k_blue, 2, Qt::DashLine));
    hist->legend->setVisible(true);
    hist->legend->setBrush(QColor(255, 255, 255, 210));
    hist->legend->setBorderPen(Qt::NoPen);
    QFont legendFont = font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.9);
    hist->legend->setFont(legendFont);
    hist->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    for (int p = 0; p < PlotCount; ++p)
        setTitle(m_plots[p], m_titles[p]);
    updateMarkers();
}

QPointF ReviewPlots::markerPosition(Plot p) const {
    if (p == Histogram)
        return m_thresholdLine ? QPointF(m_thresholdLine->point1->coords().x(), 0) : QPointF();
    QCPGraph* g = m_markers[p];
    if (!g || g->dataCount() == 0)
        return {};
    return {g->data()->at(0)->key, g->data()->at(0)->value};
}

void ReviewPlots::updateMarkers() {
    if (!m_results)
        return;
    const float image = m_thresholds->image(), pixel = m_thresholds->pixel();
    // Image ROC: exact, from core's counts at the threshold.
    const postprocess::VerdictCounts c = m_results->counter.at(image);
    if (m_markers[ImageRoc] && c.normal() > 0 && c.defect() > 0)
        m_markers[ImageRoc]->setData({double(c.false_ng) / c.normal()}, {double(c.true_ng) / c.defect()});
    // Pixel curves: the recorded curves, interpolated at the threshold.
    const auto& evaluation = m_results->run.evaluation;
    if (evaluation) {
        for (auto [p, curve] : {std::pair{PixelRoc, &evaluation->overall.pixel_roc},
                                std::pair{Pro, &evaluation->overall.pro}}) {
            if (m_markers[p] && !curve->empty()) {
                const metrics::CurvePoint at = metrics::point_at_threshold(*curve, pixel);
                m_markers[p]->setData({at.x}, {at.y});
            }
        }
    }
    if (m_thresholdLine) {
        m_thresholdLine->point1->setCoords(image, 0);
        m_thresholdLine->point2->setCoords(image, 1);
        m_titles[Histogram] = tr("Image scores — threshold %1").arg(significantText(double(image), 4));
        setTitle(m_plots[Histogram], m_titles[Histogram]);
    }
    for (QCustomPlot* plot : m_plots)
        plot->replot(QCustomPlot::rpQueuedReplot);
}

QList<ReportPlot> ReviewPlots::renderPngs(QSize size, Style style, double scale) const {
    if (style == Style::Print && !m_print) {
        ReviewPlots print(m_thresholds, Style::Print);
        print.setResults(m_results);
        return print.renderPngs(size, style, scale);
    }
    QList<ReportPlot> out;
    for (int p = 0; p < PlotCount; ++p) {
        if (!m_results)
            break;
        if (m_results->imageLevelOnly && (p == PixelRoc || p == Pro))
            continue;  // no empty curves in a report either
        const QPixmap pixmap = m_plots[p]->toPixmap(size.width(), size.height(), scale);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        pixmap.save(&buffer, "PNG");
        out << ReportPlot{m_titles[p], png};
    }
    return out;
}

}  // namespace kensa::ui
