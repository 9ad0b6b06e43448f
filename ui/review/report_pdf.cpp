#include "review/report_pdf.h"

#include "image_convert.h"

#include <kensa/postprocess/heatmap.h>

#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace kensa::ui {

namespace {

// Device units: pixels at this resolution (QFont point sizes follow it, as the writer's logical DPI).
constexpr int k_dpi = 300;
constexpr double k_pageWidthMm = 210.0, k_pageHeightMm = 297.0;

double mm(double v) {
    return v * k_dpi / 25.4;
}

const QColor k_ink(0, 0, 0);
const QColor k_muted(80, 80, 80);
const QColor k_border(40, 40, 40);
const QColor k_headerFill(222, 222, 222);
const QColor k_keyFill(243, 243, 243);
const QColor k_separator(170, 170, 170);

// The worst images' anomaly maps, drawn alone beside the image: inferno's lightness rises with the value, so
// a map reads in grey too (an overlay over the image, as the app draws it, would not).
constexpr int k_heatmapColours = cv::COLORMAP_INFERNO;

QFont reportFont(double points, bool bold = false) {
    QFont f;
    // Noto/DejaVu where installed; Qt falls back per character (e.g. to a CJK font for Japanese).
    f.setFamilies(
        {QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans"), QStringLiteral("Liberation Sans")});
    f.setStyleHint(QFont::SansSerif);
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

using Paint = std::function<void(QPainter&)>;

// Places blocks top to bottom on pages of `body`; each block is painted later with its top-left at (0, 0).
class Flow {
public:
    Flow(const QPaintDevice* device, QRectF body) : m_device(device), m_body(body) { m_pages.emplace_back(); }

    double width() const { return m_body.width(); }
    bool atTop() const { return m_y <= 0.0; }
    bool fits(double height) const { return m_y + height <= m_body.height(); }
    void newPage() {
        m_pages.emplace_back();
        m_y = 0.0;
    }
    // A new page unless `height` fits below what is there; a block taller than a page starts at the top.
    void ensure(double height) {
        if (!atTop() && !fits(height))
            newPage();
    }
    void place(double height, Paint paint) {
        ensure(height);
        const QPointF at = m_body.topLeft() + QPointF(0, m_y);
        m_pages.back().push_back([at, paint = std::move(paint)](QPainter& p) {
            p.save();
            p.translate(at);
            paint(p);
            p.restore();
        });
        m_y += height;
    }
    void space(double height) {
        if (!atTop())
            m_y = std::min(m_y + height, m_body.height());
    }
    QFontMetricsF metrics(const QFont& font) const { return QFontMetricsF(font, m_device); }
    double textHeight(const QFont& font, double width, const QString& text, int flags) const {
        return metrics(font).boundingRect(QRectF(0, 0, width, 1e7), flags, text).height();
    }
    const std::vector<std::vector<Paint>>& pages() const { return m_pages; }

private:
    const QPaintDevice* m_device;
    QRectF m_body;
    double m_y = 0.0;
    std::vector<std::vector<Paint>> m_pages;
};

constexpr int k_wrap = Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap;

void paragraph(Flow& flow, const QString& text, const QFont& font, const QColor& colour = k_ink,
               double after = mm(2.5)) {
    const double w = flow.width();
    const double h = flow.textHeight(font, w, text, k_wrap);
    flow.place(h, [=](QPainter& p) {
        p.setFont(font);
        p.setPen(colour);
        p.drawText(QRectF(0, 0, w, h), k_wrap, text);
    });
    flow.space(after);
}

// A section heading with a rule under it, kept on one page with the next `keep` of height.
void heading(Flow& flow, const QString& text, double keep) {
    const QFont font = reportFont(12.5, true);
    const double w = flow.width();
    const double textH = flow.textHeight(font, w, text, k_wrap);
    const double h = textH + mm(1.2);
    flow.space(mm(4));
    flow.ensure(h + mm(2.5) + keep);
    flow.place(h, [=](QPainter& p) {
        p.setFont(font);
        p.setPen(k_ink);
        p.drawText(QRectF(0, 0, w, textH), k_wrap, text);
        p.setPen(QPen(k_ink, mm(0.35)));
        p.drawLine(QPointF(0, h - mm(0.3)), QPointF(w, h - mm(0.3)));
    });
    flow.space(mm(2.5));
}

struct Table {
    QStringList header;  // empty: no header row
    QList<QStringList> rows;
    QList<double> shares;  // column widths as shares of the table's width (sum 1)
    QList<Qt::Alignment> align;
    bool keyColumn = false;  // the first column names the rows (shaded)
    QList<int> boldRows;
    double widthShare = 1.0;  // of the text width
};

// Bordered, with a shaded header repeated on every page the table continues on; splits between rows only.
double rowHeight(const Flow& flow, const Table& t, const QStringList& cells, const QFont& font,
                 double width) {
    double h = 0.0;
    for (int c = 0; c < cells.size() && c < t.shares.size(); ++c)
        h = std::max(h, flow.textHeight(font, t.shares[c] * width - 2 * mm(1.6), cells[c], k_wrap));
    return h + 2 * mm(1.1);
}

void paintRow(QPainter& p, const Table& t, const QStringList& cells, const QFont& font, double width,
              double h, bool header) {
    double x = 0.0;
    p.setFont(font);
    for (int c = 0; c < t.shares.size(); ++c) {
        const QRectF cell(x, 0, t.shares[c] * width, h);
        if (header)
            p.fillRect(cell, k_headerFill);
        else if (t.keyColumn && c == 0)
            p.fillRect(cell, k_keyFill);
        p.setPen(k_ink);
        const Qt::Alignment a = header ? Qt::AlignCenter : t.align.value(c, Qt::AlignLeft);
        p.drawText(cell.adjusted(mm(1.6), mm(1.1), -mm(1.6), -mm(1.1)),
                   int((a & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter) | Qt::TextWordWrap, cells.value(c));
        p.setPen(QPen(k_border, mm(0.2)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(cell);
        x += cell.width();
    }
}

double tableHeight(const Flow& flow, const Table& t) {
    const QFont body = reportFont(9), bold = reportFont(9, true);
    const double width = flow.width() * t.widthShare;
    double h = t.header.isEmpty() ? 0.0 : rowHeight(flow, t, t.header, bold, width);
    for (int r = 0; r < t.rows.size(); ++r)
        h += rowHeight(flow, t, t.rows[r], t.boldRows.contains(r) ? bold : body, width);
    return h;
}

void table(Flow& flow, const Table& t, double after = mm(2)) {
    const QFont body = reportFont(9), bold = reportFont(9, true);
    const double width = flow.width() * t.widthShare;
    const double headerH = t.header.isEmpty() ? 0.0 : rowHeight(flow, t, t.header, bold, width);
    const auto placeHeader = [&] {
        if (!t.header.isEmpty())
            flow.place(headerH, [t, bold, width, headerH](QPainter& p) {
                paintRow(p, t, t.header, bold, width, headerH, true);
            });
    };
    for (int r = 0; r < t.rows.size(); ++r) {
        const QFont& font = t.boldRows.contains(r) ? bold : body;
        const double h = rowHeight(flow, t, t.rows[r], font, width);
        if (r == 0) {
            flow.ensure(headerH + h);
            placeHeader();
        } else if (!flow.fits(h)) {
            flow.newPage();
            placeHeader();
        }
        flow.place(h, [t, cells = t.rows[r], font, width, h](QPainter& p) {
            paintRow(p, t, cells, font, width, h, false);
        });
    }
    flow.space(after);
}

// A verdict as a small box: NG white on black, OK black on white, anything else on grey.
double paintBadge(QPainter& p, QPointF at, const QString& verdict) {
    const QFont font = reportFont(8.5, true);
    const QFontMetricsF fm(font, p.device());
    const QRectF box(at, QSizeF(fm.horizontalAdvance(verdict) + mm(3), fm.height() + mm(0.8)));
    const bool ng = verdict == QLatin1String("NG"), ok = verdict == QLatin1String("OK");
    p.setPen(QPen(k_ink, mm(0.25)));
    p.setBrush(ng ? QBrush(k_ink) : ok ? QBrush(Qt::white) : QBrush(k_headerFill));
    p.drawRect(box);
    p.setFont(font);
    p.setPen(ng ? Qt::white : k_ink);
    p.drawText(box, Qt::AlignCenter, verdict);
    return box.width();
}

// The anomaly map's colour scale: the colour map over its range, the model's pixel threshold in the middle.
QImage colourBar(postprocess::HeatmapScale scale) {
    cv::Mat ramp(1, 256, CV_32FC1);
    for (int x = 0; x < 256; ++x)
        ramp.at<float>(0, x) = scale.low + (scale.high - scale.low) * float(x) / 255.f;
    return heatmap_from_map(ramp, scale, k_heatmapColours).convertToFormat(QImage::Format_RGB32);  // opaque
}

QSizeF fitted(QSizeF image, double side) {
    if (image.isEmpty())
        return {side, side};
    return image.scaled(side, side, Qt::KeepAspectRatio);
}

// The HTML's texts and the PDF's are one set: both translate in ReportWriter's context.
class Builder {
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)
public:
    Builder(const ReportData& d, Flow& flow) : d(d), results(*d.results), flow(flow) {}

    void build() {
        title();
        summary();
        thresholds();
        verdicts();
        metrics();
        model();
        plots();
        worstImages();
        overrides();
        paragraph(flow,
                  tr("Every image with its score, verdict and decision is in the CSV beside this file (%1).")
                      .arg(QFileInfo(ReportWriter::csvPathFor(m_path)).fileName()),
                  reportFont(8.5), k_muted);
    }

    void setPath(const QString& path) { m_path = path; }

private:
    void title() {
        paragraph(flow, tr("Inspection report — %1").arg(d.projectName), reportFont(18, true), k_ink,
                  mm(1.5));
        paragraph(flow,
                  tr("Model %1 · %2 · %3 images in %4 s")
                      .arg(d.modelName, QLocale().toString(d.generated, QLocale::ShortFormat),
                           QLocale().toString(qlonglong(results.images.size())),
                           QLocale().toString(results.seconds, 'f', 1)),
                  reportFont(9.5), k_muted, mm(3));
    }

    void summary() {
        const auto counts = results.counter.at(d.imageThreshold);
        const QLocale l;
        Table t;
        t.header = {tr("images"), tr("NG at the image threshold"), tr("OK"), tr("could not be inspected"),
                    tr("reviewed by a person")};
        t.rows = {{l.toString(qlonglong(results.images.size())), l.toString(qlonglong(counts.ng)),
                   l.toString(qlonglong(counts.ok)), l.toString(results.run.failed), l.toString(d.reviewed)}};
        t.shares = {0.2, 0.2, 0.2, 0.2, 0.2};
        t.align = {Qt::AlignCenter, Qt::AlignCenter, Qt::AlignCenter, Qt::AlignCenter, Qt::AlignCenter};
        t.boldRows = {0};
        table(flow, t);
    }

    void thresholds() {
        heading(flow, tr("Thresholds"), mm(15));
        Table t;
        t.header = {QString(), tr("used"), tr("model default")};
        t.rows = {{tr("Image (score ≥ threshold is NG)"), ReportWriter::number(d.imageThreshold, 4),
                   ReportWriter::number(d.defaultImageThreshold, 4)}};
        if (!ReportWriter::imageLevelOnly(d))
            t.rows << QStringList{tr("Pixel (outlined as defect)"), ReportWriter::number(d.pixelThreshold, 4),
                                  ReportWriter::number(d.defaultPixelThreshold, 4)};
        t.shares = {0.5, 0.25, 0.25};
        t.align = {Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight};
        t.keyColumn = true;
        t.widthShare = 0.75;
        table(flow, t);
    }

    void verdicts() {
        const auto c = results.counter.at(d.imageThreshold);
        if (c.normal() + c.defect() == 0)
            return;
        heading(flow, tr("Verdicts of labelled images"), mm(20));
        const QLocale l;
        Table t;
        t.header = {tr("label \\ verdict"), tr("NG"), tr("OK"), tr("total")};
        t.rows = {{tr("defective"), l.toString(qlonglong(c.true_ng)), l.toString(qlonglong(c.false_ok)),
                   l.toString(qlonglong(c.defect()))},
                  {tr("normal"), l.toString(qlonglong(c.false_ng)), l.toString(qlonglong(c.true_ok)),
                   l.toString(qlonglong(c.normal()))}};
        t.shares = {0.34, 0.22, 0.22, 0.22};
        t.align = {Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight, Qt::AlignRight};
        t.keyColumn = true;
        t.widthShare = 0.6;
        table(flow, t, mm(1));
        paragraph(
            flow,
            tr("At the image threshold %1: %2 of %3 defective images caught, %4 of %5 normal images flagged.")
                .arg(ReportWriter::number(d.imageThreshold, 4), l.toString(qlonglong(c.true_ng)),
                     l.toString(qlonglong(c.defect())), l.toString(qlonglong(c.false_ng)),
                     l.toString(qlonglong(c.normal()))),
            reportFont(8.5), k_muted);
    }

    void metrics() {
        heading(flow, tr("Metrics"), mm(20));
        if (!results.run.evaluation) {
            paragraph(flow,
                      results.run.evaluation_error.empty()
                          ? tr("No metrics: label test images normal or defective to measure the model.")
                          : tr("No metrics: %1").arg(QString::fromStdString(results.run.evaluation_error)),
                      reportFont(9.5));
            return;
        }
        const auto& e = *results.run.evaluation;
        const QLocale l;
        Table t;
        t.header = {tr("set"),
                    tr("normal"),
                    tr("defective"),
                    tr("image AUROC"),
                    tr("pixel AUROC"),
                    tr("AU-PRO@%1").arg(l.toString(e.pro_fpr_limit)),
                    tr("image F1 (threshold)")};
        const auto row = [&](const metrics::MetricSet& m, const QString& name) {
            return QStringList{name,
                               l.toString(qlonglong(m.good_images)),
                               l.toString(qlonglong(m.defect_images)),
                               ReportWriter::number(m.image_auroc),
                               ReportWriter::number(m.pixel_auroc),
                               ReportWriter::number(m.aupro),
                               QStringLiteral("%1 (%2)").arg(ReportWriter::number(m.image_f1),
                                                             ReportWriter::number(m.image_f1_threshold, 4))};
        };
        t.rows << row(e.overall, tr("all"));
        for (const auto& m : e.per_defect_type)
            t.rows << row(m, QString::fromStdString(m.defect_type));
        if (ReportWriter::imageLevelOnly(d)) {  // the pixel columns (4 and 5) do not apply
            t.header.remove(4, 2);
            for (QStringList& r : t.rows)
                r.remove(4, 2);
            t.shares = {0.24, 0.14, 0.15, 0.18, 0.29};
            t.align = {Qt::AlignLeft, Qt::AlignRight, Qt::AlignRight, Qt::AlignRight, Qt::AlignRight};
            t.keyColumn = true;
            t.boldRows = {0};
            table(flow, t, mm(1));
            paragraph(flow,
                      tr("AUROC: area under the ROC curve (1 = every anomalous image scores above every normal "
                         "image). Pixel metrics do not apply to image classification: tiny images are scored whole."),
                      reportFont(8.5), k_muted);
            return;
        }
        t.shares = {0.19, 0.1, 0.11, 0.13, 0.13, 0.13, 0.21};
        t.align = {Qt::AlignLeft,  Qt::AlignRight, Qt::AlignRight, Qt::AlignRight,
                   Qt::AlignRight, Qt::AlignRight, Qt::AlignRight};
        t.keyColumn = true;
        t.boldRows = {0};
        table(flow, t, mm(1));
        paragraph(flow,
                  tr("AUROC: area under the ROC curve (1 = every defect scores above every normal image). "
                     "AU-PRO: per-region overlap of the outlined areas with the marked defects, up to a "
                     "false-positive rate of %1. Pixel metrics need defect masks.")
                      .arg(l.toString(e.pro_fpr_limit)),
                  reportFont(8.5), k_muted);
    }

    void model() {
        const auto facts = ReportWriter::modelFacts(d);
        if (facts.isEmpty())
            return;
        Table t;
        for (const auto& [what, value] : facts)
            t.rows << QStringList{what, value};
        t.shares = {0.3, 0.7};
        t.keyColumn = true;
        heading(flow, tr("Model"), tableHeight(flow, t));  // on one page with its heading
        table(flow, t);
    }

    void plots() {
        const QList<ReportPlot>& source = d.printPlots.isEmpty() ? d.plots : d.printPlots;
        QList<QImage> images;
        for (const ReportPlot& p : source) {
            QImage image = QImage::fromData(p.png, "PNG");
            if (!image.isNull())
                images << image;
        }
        if (images.isEmpty())
            return;
        const double gap = mm(5), w = (flow.width() - gap) / 2;
        const auto h = [w](const QImage& image) { return w * image.height() / std::max(1, image.width()); };
        // The key first: kept with the heading and the first row, never left alone on the next page.
        const QString key =
            tr("Curves: the model's result as a solid line, chance as a dashed line, the current "
               "threshold as a circle. Histogram: normal images white, defective dark grey, "
               "unlabelled light grey; the image threshold as a dash-dotted line.");
        const double keyH = flow.textHeight(reportFont(8.5), flow.width(), key, k_wrap) + mm(2.5);
        heading(flow, tr("Plots"), keyH + h(images.first()));
        paragraph(flow, key, reportFont(8.5), k_muted);
        for (int i = 0; i < images.size(); i += 2) {
            const QImage a = images[i], b = images.value(i + 1);
            const double rowH = std::max(h(a), b.isNull() ? 0.0 : h(b));
            flow.place(rowH, [=](QPainter& p) {
                p.setRenderHint(QPainter::SmoothPixmapTransform);
                for (int k = 0; k < 2; ++k) {
                    const QImage& image = k == 0 ? a : b;
                    if (image.isNull())
                        continue;
                    const QRectF r(k * (w + gap), 0, w, h(image));
                    p.drawImage(r, image);
                    p.setPen(QPen(k_separator, mm(0.2)));
                    p.setBrush(Qt::NoBrush);
                    p.drawRect(r);
                }
            });
            flow.space(mm(4));
        }
    }

    void worstImages() {
        const std::vector<size_t> order = ReportWriter::worstImageOrder(d);
        if (order.empty())
            return;
        const double side = mm(55), gap = mm(4);
        // Image classification: the image alone (no map, no outline), so one picture per entry.
        const bool imageLevel = ReportWriter::imageLevelOnly(d);
        const int pictures = imageLevel ? 1 : 2;
        const double textW = flow.width() - pictures * (side + gap);
        const auto entryH = [&](size_t i) {
            const cv::Size s = results.run.images[i].image_size;
            return fitted(QSizeF(s.width, s.height), side).height();
        };
        heading(flow, tr("The %n highest-scoring image(s)", nullptr, int(order.size())),
                mm(22) + entryH(order[0]));
        if (!imageLevel)
            legend(side, gap);
        // Drawn while painting, one image at a time: never all decoded at once.
        const int pixels = int(std::lround(side));
        for (size_t k = 0; k < order.size(); ++k) {
            const size_t i = order[k];
            const ReportRow row = d.rows.value(int(i));
            const QString name = results.images[i].name;
            const float score = results.scores[i];
            QStringList lines{tr("score %1").arg(ReportWriter::number(score)),
                              row.label.isEmpty() ? tr("unlabelled") : tr("label: %1").arg(row.label)};
            if (!row.decision.isEmpty())
                lines << tr("reviewed: %1").arg(row.decision.toUpper());
            const QString details = lines.join(QLatin1Char('\n'));
            const QString title = QStringLiteral("%1. %2").arg(k + 1).arg(name);
            const QFont bold = reportFont(9, true), body = reportFont(9);
            const double titleH = flow.textHeight(bold, textW, title, k_wrap | Qt::TextWrapAnywhere);
            const double badgeH = flow.metrics(reportFont(8.5, true)).height() + mm(0.8);
            const double detailsTop = titleH + mm(1.5) + badgeH + mm(1.5);
            const double textH = detailsTop + flow.textHeight(body, textW, details, k_wrap);
            const double imageH = entryH(i);
            const double h = std::max(imageH, textH) + mm(3.5);
            const cv::Size size = results.run.images[i].image_size;
            const ReportData* data = &d;
            flow.place(h, [=](QPainter& p) {
                const ReportImage drawn = ReportWriter::worstImage(*data, i, pixels, k_heatmapColours, false);
                const QSizeF shown = fitted(QSizeF(size.width, size.height), side);
                p.setRenderHint(QPainter::SmoothPixmapTransform, !imageLevel);  // tiny images stay crisp
                p.setRenderHint(QPainter::Antialiasing);
                if (drawn.error.isEmpty()) {
                    for (int c = 0; c < pictures; ++c) {
                        const QRectF r(c * (side + gap), 0, shown.width(), shown.height());
                        p.drawImage(r, c == 0 ? drawn.outlined : drawn.heatmap);
                        p.setPen(QPen(k_border, mm(0.2)));
                        p.setBrush(Qt::NoBrush);
                        p.drawRect(r);
                    }
                } else {
                    p.setFont(reportFont(8.5));
                    p.setPen(k_muted);
                    p.drawText(QRectF(0, 0, pictures * side + (pictures - 1) * gap, imageH), k_wrap, drawn.error);
                }
                const double x = pictures * (side + gap);
                p.setFont(bold);
                p.setPen(k_ink);
                p.drawText(QRectF(x, 0, textW, titleH), k_wrap | Qt::TextWrapAnywhere, title);
                paintBadge(p, QPointF(x, titleH + mm(1.5)), row.verdict);
                p.setFont(body);
                p.setPen(k_ink);
                p.drawText(QRectF(x, detailsTop, textW, h - detailsTop), k_wrap, details);
                p.setPen(QPen(k_separator, mm(0.2)));
                p.drawLine(QPointF(0, h - mm(1.2)), QPointF(x + textW, h - mm(1.2)));
            });
        }
        flow.space(mm(2));
    }

    // What the two images show, and the heatmap's scale.
    void legend(double side, double gap) {
        const QFont small = reportFont(8.5);
        const postprocess::HeatmapScale scale = postprocess::heatmap_scale(d.defaultPixelThreshold);
        const QString left = tr("The image; outlined: at or above the pixel threshold (%1)")
                                 .arg(ReportWriter::number(d.pixelThreshold, 4));
        const QString right = tr("Its anomaly map (dark: normal, light: anomalous) on this scale:");
        const double textH =
            std::max(flow.textHeight(small, side, left, k_wrap), flow.textHeight(small, side, right, k_wrap));
        const QImage bar = colourBar(scale);
        const double barH = mm(3.2);
        const double h =
            textH + mm(1.5) + barH + mm(1) + flow.textHeight(small, side, QStringLiteral("0"), k_wrap);
        const QString low = ReportWriter::number(scale.low, 2),
                      mid = ReportWriter::number((scale.low + scale.high) / 2, 2),
                      high = ReportWriter::number(scale.high, 2);
        flow.place(h, [=](QPainter& p) {
            p.setFont(small);
            p.setPen(k_muted);
            p.drawText(QRectF(0, 0, side, textH), k_wrap, left);
            p.drawText(QRectF(side + gap, 0, side, textH), k_wrap, right);
            const QRectF barRect(side + gap, textH + mm(1.5), side, barH);
            p.drawImage(barRect, bar);
            p.setPen(QPen(k_border, mm(0.2)));
            p.setBrush(Qt::NoBrush);
            p.drawRect(barRect);
            p.drawLine(QPointF(barRect.center().x(), barRect.top()),
                       QPointF(barRect.center().x(), barRect.bottom() + mm(0.8)));
            const QRectF labels(barRect.left(), barRect.bottom() + mm(1), side, h - barRect.bottom());
            p.setPen(k_ink);
            p.drawText(labels, Qt::AlignLeft | Qt::AlignTop, low);
            p.drawText(labels, Qt::AlignHCenter | Qt::AlignTop, mid);
            p.drawText(labels, Qt::AlignRight | Qt::AlignTop, high);
        });
        flow.space(mm(3));
    }

    void overrides() {
        Table t;
        for (const ReportRow& r : d.rows)
            if (!r.decision.isEmpty() && r.decision.toUpper() != r.verdict)
                t.rows << QStringList{QFileInfo(r.image).fileName(), r.verdict, r.decision.toUpper()};
        if (t.rows.isEmpty())
            return;
        heading(flow, tr("Overridden by the reviewer"), mm(12));
        t.header = {tr("image"), tr("model"), tr("reviewer")};
        t.shares = {0.6, 0.2, 0.2};
        t.align = {Qt::AlignLeft, Qt::AlignCenter, Qt::AlignCenter};
        table(flow, t);
    }

    const ReportData& d;
    const BatchResults& results;
    Flow& flow;
    QString m_path;
};

}  // namespace

QString ReportPdf::write(const ReportData& data, const QString& path) {
    if (!data.results)
        return tr("Nothing to report: run an inspection first.");
    QSaveFile file(path);  // temp file + rename: never a half-written report
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1: cannot write the report: %2").arg(path, file.errorString());
    if (QString error = render(data, path, &file); !error.isEmpty())
        return error;
    if (!file.commit())
        return tr("%1: cannot write the report: %2").arg(path, file.errorString());
    return {};
}

QString ReportPdf::render(const ReportData& data, const QString& path, QIODevice* device) {
    if (!data.results)
        return tr("Nothing to report: run an inspection first.");
    const auto failed = [&path](const QString& why) {
        return tr("%1: cannot write the report: %2").arg(path, why);
    };
    {
        QPdfWriter writer(device);
        writer.setResolution(k_dpi);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                         QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
        const QString title = tr("Inspection report — %1").arg(data.projectName);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Kensa %1").arg(QCoreApplication::applicationVersion()));

        const double pageW = mm(k_pageWidthMm), pageH = mm(k_pageHeightMm);
        const QRectF body(mm(18), mm(22), pageW - mm(36), pageH - mm(22) - mm(20));
        Flow flow(&writer, body);
        Builder builder(data, flow);
        builder.setPath(path);
        builder.build();

        QPainter p;
        if (!p.begin(&writer))
            return failed(tr("the PDF writer could not start"));
        const QFont small = reportFont(8);
        const QString date = QLocale().toString(data.generated, QLocale::ShortFormat);
        const int pages = int(flow.pages().size());
        for (int page = 0; page < pages; ++page) {
            if (page > 0 && !writer.newPage())
                return failed(tr("the PDF writer could not add a page"));
            // Header: project and model; footer: date, Kensa, page n of m.
            p.setFont(small);
            p.setPen(k_muted);
            const QRectF header(body.left(), mm(10), body.width(), mm(6));
            p.drawText(header, Qt::AlignLeft | Qt::AlignBottom, title);
            p.drawText(header, Qt::AlignRight | Qt::AlignBottom, tr("Model %1").arg(data.modelName));
            p.setPen(QPen(k_separator, mm(0.25)));
            p.drawLine(QPointF(body.left(), mm(17)), QPointF(body.right(), mm(17)));
            p.drawLine(QPointF(body.left(), pageH - mm(15)), QPointF(body.right(), pageH - mm(15)));
            p.setPen(k_muted);
            const QRectF footer(body.left(), pageH - mm(14), body.width(), mm(6));
            p.drawText(footer, Qt::AlignLeft | Qt::AlignTop,
                       tr("%1 · Kensa %2").arg(date, QCoreApplication::applicationVersion()));
            p.drawText(footer, Qt::AlignRight | Qt::AlignTop, tr("Page %1 of %2").arg(page + 1).arg(pages));
            for (const Paint& paint : flow.pages()[size_t(page)])
                paint(p);
        }
        if (!p.end())
            return failed(tr("the PDF writer could not finish"));
    }
    return {};
}

}  // namespace kensa::ui
