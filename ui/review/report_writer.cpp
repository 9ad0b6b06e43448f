#include "review/report_writer.h"

#include "image_convert.h"
#include "inspection/inspection_overlay.h"
#include "number_format.h"
#include "review/report_pdf.h"

#include <kensa/base/atomic_file.h>
#include <kensa/base/csv.h>
#include <kensa/data/image_io.h>
#include <kensa/features/backbone_catalog.h>
#include <kensa/methods/registry.h>
#include <kensa/model/training_mode.h>
#include <kensa/postprocess/heatmap.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <span>
#include <numeric>

namespace kensa::ui {

namespace {

QString csvField(const QString& s) {
    return QString::fromStdString(csv_field(s.toStdString()));  // core's quoting, as the CLI and the line write it
}

QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

QString finalVerdict(const ReportRow& r) {
    return r.decision.isEmpty() ? r.verdict : r.decision.toUpper();
}

QString base64Image(const QImage& image, const char* format) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, 88);
    return QString::fromLatin1(bytes.toBase64());
}

// A black line with a white core: visible on any image, in colour or in black and white.
void strokeOutline(QImage& image, const QPainterPath& outline, double width) {
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.strokePath(outline, QPen(QColor(0, 0, 0, 200), width));
    p.strokePath(outline, QPen(Qt::white, width * 0.45));
}

// A flat JSON value as one short text: numbers as JSON writes them, lists in brackets.
QString jsonText(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Bool:
            return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        case QJsonValue::Double:
            return QString::number(v.toDouble(), 'g', 6);
        case QJsonValue::String:
            return v.toString();
        case QJsonValue::Array: {
            QStringList items;
            for (const QJsonValue& item : v.toArray())
                items << jsonText(item);
            return QLatin1Char('[') + items.join(QStringLiteral(", ")) + QLatin1Char(']');
        }
        default:
            return {};
    }
}

// "key value" of every scalar (and list) of a JSON object, nested objects as "outer.key".
void flattenJson(const QJsonObject& o, const QString& prefix, QStringList& out) {
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString key = prefix + it.key();
        if (it.value().isObject())
            flattenJson(it.value().toObject(), key + QLatin1Char('.'), out);
        else if (!it.value().isNull())
            out << key + QLatin1Char(' ') + jsonText(it.value());
    }
}

QJsonObject jsonObject(const std::string& text) {
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
}

const char* k_css = R"(
body { font-family: "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; color: #1f2933; margin: 0;
       background: #f4f6f8; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 32px 48px; }
header { background: #1e3a5f; color: white; padding: 22px 32px; }
header h1 { margin: 0; font-size: 24px; font-weight: 600; }
header p { margin: 6px 0 0; opacity: 0.85; }
h2 { font-size: 18px; margin: 32px 0 12px; color: #1e3a5f; }
.cards { display: flex; gap: 14px; flex-wrap: wrap; margin-top: 8px; }
.card { background: white; border-radius: 8px; padding: 14px 20px; min-width: 120px;
        box-shadow: 0 1px 3px rgba(0,0,0,0.12); }
.card .v { font-size: 26px; font-weight: 700; }
.card .k { color: #61707d; font-size: 13px; }
.ng { color: #c62828; } .ok { color: #2e7d32; }
table { border-collapse: collapse; background: white; box-shadow: 0 1px 3px rgba(0,0,0,0.12);
        border-radius: 6px; overflow: hidden; font-size: 14px; }
th, td { padding: 7px 14px; text-align: right; border-bottom: 1px solid #e6e9ec; }
th:first-child, td:first-child { text-align: left; }
table.facts td { text-align: left; vertical-align: top; } table.facts td:first-child { color: #61707d; }
th { background: #eef1f4; font-weight: 600; }
.plots { display: grid; grid-template-columns: repeat(2, 1fr); gap: 14px; }
.plots img { width: 100%; background: white; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,0.12); }
.worst { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; }
figure { margin: 0; background: white; border-radius: 6px; overflow: hidden;
         box-shadow: 0 1px 3px rgba(0,0,0,0.12); }
figure img { width: 100%; display: block; }
figcaption { padding: 8px 10px; font-size: 13px; }
figcaption .name { font-weight: 600; overflow-wrap: anywhere; }
.badge { display: inline-block; border-radius: 4px; padding: 1px 8px; color: white; font-weight: 600;
         font-size: 12px; }
.badge.ng { background: #c62828; color: white; } .badge.ok { background: #2e7d32; color: white; }
.badge.failed { background: #78909c; }
.note { color: #61707d; font-size: 13px; }
footer { color: #61707d; font-size: 12px; margin-top: 40px; }
)";

QString badge(const QString& verdict) {
    const QString cls = verdict == QLatin1String("NG")   ? QStringLiteral("ng")
                        : verdict == QLatin1String("OK") ? QStringLiteral("ok")
                                                         : QStringLiteral("failed");
    return QStringLiteral("<span class=\"badge %1\">%2</span>").arg(cls, esc(verdict));
}

}  // namespace

QString ReportWriter::csvPathFor(const QString& htmlPath) {
    const QFileInfo info(htmlPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".csv"));
}

QString ReportWriter::pdfPathFor(const QString& htmlPath) {
    const QFileInfo info(htmlPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".pdf"));
}

QString ReportWriter::number(double v, int decimals) {
    return decimalText(v, decimals);
}

QList<std::pair<QString, QString>> ReportWriter::modelFacts(const ReportData& d) {
    QList<std::pair<QString, QString>> facts;
    if (!d.results)
        return facts;
    const model::ModelBundle& m = d.results->model;
    if (m.backbone.empty())  // no description (results made without a model file)
        return facts;
    const QLocale locale;
    QString method = QString::fromStdString(m.method);
    try {
        const std::string_view name = engine::method(m.method).name();
        method = QString::fromUtf8(name.data(), qsizetype(name.size()));
    } catch (const std::exception&) {  // a method this Kensa does not know: its id
    }
    facts.append({tr("Method"), method});
    QString backbone = QString::fromStdString(m.backbone);
    try {
        backbone = QString::fromStdString(engine::backbone_info(m.backbone).display_name);
    } catch (const std::exception&) {
    }
    if (m.first_feature_stage != 0)
        backbone += QLatin1Char(' ') + tr("(from stage %1)").arg(m.first_feature_stage);
    facts.append({tr("Backbone"), backbone});
    facts.append({tr("Image size"), tr("%1 px").arg(m.image_size)});
    facts.append({tr("Anomaly map"), m.gaussian_sigma > 0
                                         ? tr("smoothed with σ = %1 px").arg(locale.toString(m.gaussian_sigma, 'g', 3))
                                         : tr("not smoothed")});
    facts.append({tr("Image score"), m.score_pool > 0
                                         ? tr("maximum of the map averaged over %1 × %1 px").arg(m.score_pool)
                                         : tr("mean of the map")});
    const model::Thresholds& t = m.thresholds;
    facts.append({tr("Thresholds of the model"),
                  imageLevelOnly(d)
                      ? tr("image %1: the %2 quantile of the held-out normal images (%3)")
                            .arg(number(t.image, 4), locale.toString(t.normal_quantile, 'g', 4),
                                 locale.toString(t.holdout_images))
                      : tr("image %1, pixel %2: the %3 quantile of the held-out normal images (%4)")
                            .arg(number(t.image, 4), number(t.pixel, 4), locale.toString(t.normal_quantile, 'g', 4),
                                 locale.toString(t.holdout_images))});
    if (t.image_f1_optimal || t.pixel_f1_optimal)
        facts.append(
            {tr("F1-optimal thresholds at training"), tr("image %1, pixel %2")
                                                          .arg(number(t.image_f1_optimal.value_or(NAN), 4),
                                                               number(t.pixel_f1_optimal.value_or(NAN), 4))});

    const QJsonObject record = jsonObject(m.training_json);
    if (record.contains(QLatin1String("mode")))
        facts.append({tr("Training mode"), record.value(QLatin1String("mode")).toString()});
    if (record.contains(QLatin1String("train_images")))
        facts.append(
            {tr("Training images"), tr("%1 normal, %2 held out for the thresholds")
                                        .arg(record.value(QLatin1String("train_images")).toInt())
                                        .arg(record.value(QLatin1String("holdout_images")).toInt())});
    const int defects =
        record.value(QLatin1String("anomaly")).toObject().value(QLatin1String("defect_images")).toInt();
    if (defects > 0)
        facts.append({tr("Defect images trained on"), locale.toString(defects)});
    if (record.contains(QLatin1String("epochs")))
        facts.append({tr("Epochs"), locale.toString(record.value(QLatin1String("epochs")).toInt())});
    if (record.contains(QLatin1String("positions")))
        facts.append({tr("Position scoring"), record.value(QLatin1String("positions")).toString()});
    if (record.contains(QLatin1String("seed")))
        facts.append({tr("Seed"), jsonText(record.value(QLatin1String("seed")))});
    if (record.contains(QLatin1String("training_seconds")))
        facts.append({tr("Training time"), tr("%1 s").arg(locale.toString(
                                               record.value(QLatin1String("feature_seconds")).toDouble() +
                                                   record.value(QLatin1String("training_seconds")).toDouble(),
                                               'f', 1))});
    if (const int warnings = int(record.value(QLatin1String("warnings")).toArray().size()); warnings > 0)
        facts.append(
            {tr("Training warnings"),
             tr("images with a warning: %1 (see the model's record)").arg(QLocale().toString(warnings))});
    QStringList settings;
    flattenJson(jsonObject(m.settings_json), {}, settings);
    if (!settings.isEmpty())
        facts.append({tr("Method settings"), settings.join(QStringLiteral(", "))});
    return facts;
}

std::vector<size_t> ReportWriter::worstImageOrder(const ReportData& d) {
    const BatchResults& results = *d.results;
    std::vector<size_t> order(results.images.size());
    std::iota(order.begin(), order.end(), size_t{0});
    order.erase(
        std::remove_if(order.begin(), order.end(), [&](size_t i) { return std::isnan(results.scores[i]); }),
        order.end());
    const size_t n = std::min(order.size(), size_t(std::max(0, d.worstImages)));
    std::partial_sort(order.begin(), order.begin() + long(n), order.end(),
                      [&](size_t a, size_t b) { return results.scores[a] > results.scores[b]; });
    order.resize(n);
    return order;
}

ReportImage ReportWriter::worstImage(const ReportData& d, size_t i, int side, int colormap, bool overlay) {
    ReportImage out;
    auto image = data::read_image(d.results->images[i].path.toStdString());
    if (!image) {
        out.error = QString::fromStdString(image.error().message());
        return out;
    }
    const QImage base = thumbnail_from_mat(*image, side).convertToFormat(QImage::Format_RGB32);
    if (imageLevelOnly(d)) {  // scored whole: a map over a tiny image outlines nothing to act on
        out.outlined = out.heatmap = base;
        return out;
    }
    cv::Mat fitted;
    cv::resize(d.results->run.images[i].map, fitted, cv::Size(base.width(), base.height()), 0, 0,
               cv::INTER_LINEAR);
    const QPainterPath outline = defectOutline(fitted, d.pixelThreshold);
    const double width = std::max(2.5, side / 110.0);
    out.outlined = base;
    strokeOutline(out.outlined, outline, width);
    const QImage heat =
        heatmap_from_map(fitted, postprocess::heatmap_scale(d.defaultPixelThreshold), colormap);
    if (overlay) {
        out.heatmap = base;
        QPainter p(&out.heatmap);
        p.setOpacity(0.6);
        p.drawImage(0, 0, heat);
    } else {
        out.heatmap =
            heat.convertToFormat(QImage::Format_RGB32);  // alpha dropped: the colour map's own colours
    }
    strokeOutline(out.heatmap, outline, width);
    return out;
}

QString ReportWriter::csv(const QList<ReportRow>& rows) {
    QString out = QStringLiteral("image,label,score,verdict,reviewer_decision,final_verdict,error\r\n");
    for (const ReportRow& r : rows) {
        const QStringList fields{csvField(r.image),
                                 csvField(r.label),
                                 std::isnan(r.score) ? QString() : QString::number(double(r.score), 'g', 7),
                                 r.verdict,
                                 r.decision,
                                 r.error.isEmpty() ? finalVerdict(r) : QString(),
                                 csvField(r.error)};
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out;
}

QString ReportWriter::html(const ReportData& d) {
    const BatchResults& results = *d.results;
    const postprocess::VerdictCounts counts = results.counter.at(d.imageThreshold);
    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
    h += QStringLiteral("<title>%1</title><style>%2</style></head><body>\n")
             .arg(esc(tr("Inspection report — %1").arg(d.projectName)), QString::fromLatin1(k_css));
    h += QStringLiteral("<header><h1>%1</h1><p>%2</p></header><main>\n")
             .arg(esc(tr("Inspection report — %1").arg(d.projectName)),
                  esc(tr("Model %1 · %2 · %3 images in %4 s")
                          .arg(d.modelName, d.generated.toString(Qt::ISODate))
                          .arg(results.images.size())
                          .arg(results.seconds, 0, 'f', 1)));

    const auto card = [](const QString& value, const QString& key, const QString& cls = {}) {
        return QStringLiteral(
                   "<div class=\"card\"><div class=\"v %3\">%1</div><div class=\"k\">%2</div></div>")
            .arg(value, esc(key), cls);
    };
    h += QStringLiteral("<div class=\"cards\">");
    h += card(QString::number(results.images.size()), tr("images"));
    h += card(QString::number(counts.ng), tr("NG at the image threshold"), QStringLiteral("ng"));
    h += card(QString::number(counts.ok), tr("OK"), QStringLiteral("ok"));
    h += card(QString::number(results.run.failed), tr("could not be inspected"));
    h += card(QString::number(d.reviewed), tr("reviewed by a person"));
    h += QStringLiteral("</div>\n");

    h += QStringLiteral("<h2>%1</h2><table><tr><th></th><th>%2</th><th>%3</th></tr>")
             .arg(esc(tr("Thresholds")), esc(tr("used")), esc(tr("model default")));
    h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
             .arg(esc(tr("Image (score ≥ threshold is NG)")), number(d.imageThreshold, 4),
                  number(d.defaultImageThreshold, 4));
    if (!imageLevelOnly(d))
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                 .arg(esc(tr("Pixel (outlined as defect)")), number(d.pixelThreshold, 4),
                      number(d.defaultPixelThreshold, 4));
    h += QStringLiteral("</table>\n");

    if (counts.normal() + counts.defect() > 0) {
        h += QStringLiteral("<h2>%1</h2><table><tr><th></th><th>%2</th><th>%3</th></tr>")
                 .arg(esc(tr("Verdicts of labelled images")), esc(tr("NG")), esc(tr("OK")));
        h += QStringLiteral("<tr><td>%1</td><td class=\"ng\">%2</td><td>%3</td></tr>")
                 .arg(esc(tr("defective")))
                 .arg(counts.true_ng)
                 .arg(counts.false_ok);
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td class=\"ok\">%3</td></tr></table>\n")
                 .arg(esc(tr("normal")))
                 .arg(counts.false_ng)
                 .arg(counts.true_ok);
    }

    if (results.run.evaluation && imageLevelOnly(d)) {
        const auto& e = *results.run.evaluation;
        h += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>")
                 .arg(esc(tr("Metrics")), esc(tr("set")), esc(tr("normal")), esc(tr("defective")),
                      esc(tr("image AUROC")), esc(tr("image F1 (threshold)")));
        const auto row = [&](const metrics::MetricSet& m, const QString& name) {
            return QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5 (%6)</td></tr>")
                .arg(esc(name))
                .arg(m.good_images)
                .arg(m.defect_images)
                .arg(number(m.image_auroc), number(m.image_f1), number(m.image_f1_threshold, 4));
        };
        h += row(e.overall, tr("all"));
        for (const auto& m : e.per_defect_type)
            h += row(m, QString::fromStdString(m.defect_type));
        h += QStringLiteral("</table><p class=\"note\">%1</p>\n")
                 .arg(esc(tr("Pixel metrics do not apply to image classification: tiny images are scored whole.")));
    } else if (results.run.evaluation) {
        const auto& e = *results.run.evaluation;
        h += QStringLiteral(
                 "<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th>"
                 "<th>%7</th><th>%8</th></tr>")
                 .arg(esc(tr("Metrics")), esc(tr("set")), esc(tr("normal")), esc(tr("defective")),
                      esc(tr("image AUROC")), esc(tr("pixel AUROC")),
                      esc(tr("AU-PRO@%1").arg(e.pro_fpr_limit)), esc(tr("image F1 (threshold)")));
        const auto row = [&](const metrics::MetricSet& m, const QString& name) {
            return QStringLiteral(
                       "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td><td>%6</td>"
                       "<td>%7 (%8)</td></tr>")
                .arg(esc(name))
                .arg(m.good_images)
                .arg(m.defect_images)
                .arg(number(m.image_auroc), number(m.pixel_auroc), number(m.aupro), number(m.image_f1),
                     number(m.image_f1_threshold, 4));
        };
        h += row(e.overall, tr("all"));
        for (const auto& m : e.per_defect_type)
            h += row(m, QString::fromStdString(m.defect_type));
        h += QStringLiteral("</table>\n");
    } else if (!results.run.evaluation_error.empty()) {
        h += QStringLiteral("<p class=\"note\">%1</p>")
                 .arg(esc(tr("No metrics: %1").arg(QString::fromStdString(results.run.evaluation_error))));
    } else {
        h += QStringLiteral("<p class=\"note\">%1</p>")
                 .arg(esc(tr("No metrics: label test images normal or defective to measure the model.")));
    }

    if (const auto facts = modelFacts(d); !facts.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2><table class=\"facts\">").arg(esc(tr("Model")));
        for (const auto& [what, value] : facts)
            h += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(esc(what), esc(value));
        h += QStringLiteral("</table>\n");
    }

    if (!d.plots.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2><div class=\"plots\">").arg(esc(tr("Plots")));
        for (const ReportPlot& p : d.plots)
            h += QStringLiteral("<img alt=\"%1\" src=\"data:image/png;base64,%2\">")
                     .arg(esc(p.title), QString::fromLatin1(p.png.toBase64()));
        h += QStringLiteral("</div>\n");
    }

    // The worst-scoring images, with what the model saw.
    const std::vector<size_t> order = worstImageOrder(d);
    const size_t n = order.size();
    if (n > 0) {
        h += QStringLiteral("<h2>%1</h2><div class=\"worst\">")
                 .arg(esc(tr("The %n highest-scoring image(s)", nullptr, int(n))));
        for (size_t k = 0; k < n; ++k) {
            const size_t i = order[k];
            const ReportRow& r = d.rows.value(int(i));
            const ReportImage drawn = worstImage(d, i, 320, cv::COLORMAP_JET);
            const QString& error = drawn.error;
            h += QStringLiteral("<figure>");
            if (!drawn.heatmap.isNull())
                h += QStringLiteral("<img alt=\"\" src=\"data:image/jpeg;base64,%1\">")
                         .arg(base64Image(drawn.heatmap, "JPG"));
            h += QStringLiteral("<figcaption><div class=\"name\">%1</div>%2 %3 · %4")
                     .arg(esc(results.images[i].name), badge(r.verdict),
                          esc(tr("score %1").arg(number(results.scores[i]))),
                          esc(r.label.isEmpty() ? tr("unlabelled") : r.label));
            if (!r.decision.isEmpty())
                h += QStringLiteral("<br>%1").arg(esc(tr("reviewed: %1").arg(r.decision.toUpper())));
            if (!error.isEmpty())
                h += QStringLiteral("<br><span class=\"note\">%1</span>").arg(esc(error));
            h += QStringLiteral("</figcaption></figure>");
        }
        h += QStringLiteral("</div>\n");
    }

    QStringList overrides;
    for (const ReportRow& r : d.rows) {
        if (!r.decision.isEmpty() && r.decision.toUpper() != r.verdict)
            overrides << QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                             .arg(esc(QFileInfo(r.image).fileName()), badge(r.verdict),
                                  badge(r.decision.toUpper()));
    }
    if (!overrides.isEmpty()) {
        h += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th>%3</th><th>%4</th></tr>%5</table>\n")
                 .arg(esc(tr("Overridden by the reviewer")), esc(tr("image")), esc(tr("model")),
                      esc(tr("reviewer")), overrides.join(QString()));
    }
    h += QStringLiteral("<footer>%1</footer></main></body></html>\n")
             .arg(esc(tr("Kensa %1 · every image with its score, verdict and decision is in the CSV beside "
                         "this file.")
                          .arg(QCoreApplication::applicationVersion())));
    return h;
}

QString ReportWriter::write(const ReportData& data, const QString& htmlPath, const QString& csvPath,
                            const QString& pdfPath) {
    if (!data.results)
        return tr("Nothing to report: run an inspection first.");
    // All three are complete in memory before any is written, and renamed into place together: a disk that
    // fills up half way leaves the previous report as it was, never a new CSV beside an old HTML.
    const QByteArray csvBytes = csv(data.rows).toUtf8(), htmlBytes = html(data).toUtf8();
    QByteArray pdfBytes;
    const auto bytes = [](const QByteArray& a) { return std::as_bytes(std::span(a.constData(), size_t(a.size()))); };
    std::vector<FileContent> files = {{csvPath.toStdString(), bytes(csvBytes)}, {htmlPath.toStdString(), bytes(htmlBytes)}};
    if (!pdfPath.isEmpty()) {
        QBuffer buffer(&pdfBytes);
        buffer.open(QIODevice::WriteOnly);
        if (QString error = ReportPdf::render(data, pdfPath, &buffer); !error.isEmpty())
            return error;
        files.push_back({pdfPath.toStdString(), bytes(pdfBytes)});
    }
    try {
        write_files_atomically(files);  // names the file and the reason ("No space left on device")
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace kensa::ui
