// Batch inspection and review: the shared thresholds and their float sliders, verdict counts against
// core's own computation while sliders move (and how long that takes for 500 images), the plots'
// markers, the keyboard review flow, the CSV/HTML/PDF report and review decisions surviving a reopen.
#include "inspection/inspection_panel.h"
#include "inspection/threshold_slider.h"
#include "inspection/threshold_state.h"
#include "plot_style.h"
#include "project/project_session.h"
#include "review/batch_controller.h"
#include "review/comparison_controller.h"
#include "review/comparison_view.h"
#include "review/report_pdf.h"
#include "review/report_writer.h"
#include "review/review_model.h"
#include "review/review_panel.h"
#include "review/review_plots.h"
#include "review_fixture.h"
#include "training_fixture.h"
#include "ui_test_support.h"
#include "../support/full_disk.h"

#include <kensa/data/image_io.h>
#include <kensa/data/sample_product.h>
#include <kensa/engine/inspection_run.h>
#include <kensa/engine/inspector.h>
#include <kensa/metrics/evaluation.h>
#include <kensa/postprocess/verdicts.h>
#include <kensa/project/project.h>

#include <QComboBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSlider>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgproc.hpp>

#include <random>

using namespace kensa;
using namespace kensa::ui;
using postprocess::Truth;

namespace {

// Before main, while the process has one thread: a full disk can then be a tmpfs (see FullDisk::prepare).
[[maybe_unused]] const bool k_mountNamespace = (test::FullDisk::prepare(), true);

// Core's direct count over the results, the reference the UI must agree with.
postprocess::VerdictCounts coreCounts(const BatchResults& r, float threshold) {
    return postprocess::count_verdicts(r.scores, r.truths, threshold);
}

int modelNgRows(const ReviewModel& model) {
    int n = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        n += model.index(r, 0).data(ReviewModel::VerdictRole).toInt() == int(Verdict::Ng);
    return n;
}

// 500 scored images without a model: z-score-like scores, labelled half normal, half defective.
// Results as the batch leaves them: evaluated, indexed, with their score range.
std::shared_ptr<BatchResults> finished(std::shared_ptr<BatchResults> r,
                                       const std::vector<metrics::EvaluationRecord>& records) {
    r->run.evaluation = metrics::evaluate(records);
    r->index();
    const auto [lo, hi] = std::minmax_element(r->scores.begin(), r->scores.end());
    r->run.score_min = *lo;
    r->run.score_max = *hi;
    return r;
}

std::shared_ptr<BatchResults> fabricatedResults(int count) {
    auto r = std::make_shared<BatchResults>();
    std::mt19937 rng(3);
    std::normal_distribution<float> normal(0.f, 1.f), defect(3.f, 1.5f);
    std::vector<metrics::EvaluationRecord> records;
    for (int i = 0; i < count; ++i) {
        const Truth truth = i % 3 == 0 ? Truth::Defect : i % 3 == 1 ? Truth::Normal : Truth::Unknown;
        r->images.push_back(
            {-1, QStringLiteral("/nowhere/%1.png").arg(i), QStringLiteral("%1.png").arg(i), truth, {}});
        engine::InspectedImage image;
        image.score = truth == Truth::Defect ? defect(rng) : normal(rng);
        r->run.images.push_back(image);
        if (truth != Truth::Unknown)
            records.push_back({{}, truth == Truth::Normal ? "good" : "dent", image.score, {}, {}});
    }
    return finished(r, records);
}

// Pages of a PDF: its page objects ("/Type /Page", not the "/Type /Pages" tree).
int pdfPages(const QByteArray& pdf) {
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?!s)"));
    return int(QString::fromLatin1(pdf).count(page));
}

// The generated sample product (small), "inspected" without a model: real images and defect masks, maps
// made from the masks (blurred, over a faint pattern; one defect type missed), scores their maxima, the
// evaluation core's, and a model description as a PatchCore bundle holds it.
std::shared_ptr<BatchResults> sampleProductResults(const QString& folder) {
    data::SampleProductConfig config;
    config.output_dir = QDir(folder).filePath(QStringLiteral("product")).toStdString();
    config.train_good = 2;
    config.test_good = 6;
    config.test_per_defect = 3;
    config.image_size = 128;
    const auto product = data::generate_sample_product(config);
    auto r = std::make_shared<BatchResults>();
    r->modelPath = QStringLiteral("/models/patchcore-mobilenet_v2-128px.kensa");
    r->model.method = "patchcore";
    r->model.backbone = "mobilenet_v2";
    r->model.image_size = 128;
    r->model.thresholds.image = 1.f;
    r->model.thresholds.pixel = 0.5f;
    r->model.thresholds.normal_quantile = 0.99;
    r->model.thresholds.holdout_images = 4;
    r->model.settings_json = R"({"grid":16,"neighbourhood":3,"coreset_ratio":0.1})";
    r->model.training_json =
        R"({"mode":"normal-only","train_images":16,"holdout_images":4,"seed":7,"positions":"raw",)"
        R"("feature_seconds":1.5,"training_seconds":2.25})";
    const QString test = QString::fromStdString((product.root / "test").string());
    QStringList files;
    QDirIterator it(test, {QStringLiteral("*.png")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    std::vector<metrics::EvaluationRecord> records;
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> noise(0.f, 0.25f);
    for (const QString& path : files) {
        const QFileInfo info(path);
        const QString type = info.dir().dirName();
        const bool good = type == QLatin1String("good");
        cv::Mat mask = cv::Mat::zeros(128, 128, CV_8UC1);
        if (!good) {
            const auto read =
                data::read_mask(product.root / "ground_truth" / type.toStdString() /
                                (info.completeBaseName() + QStringLiteral("_mask.png")).toStdString());
            if (read)
                mask = *read;
        }
        cv::Mat map;
        mask.convertTo(map, CV_32F, type == QLatin1String("scratch") ? 0.2 / 255.0 : 1.2 / 255.0);
        cv::GaussianBlur(map, map, cv::Size(0, 0), 3.0);
        for (int y = 0; y < map.rows; ++y)
            for (int x = 0; x < map.cols; ++x)
                map.at<float>(y, x) += noise(rng);
        double hi = 0.0;
        cv::minMaxLoc(map, nullptr, &hi);
        engine::InspectedImage image;
        image.score = float(hi) * 1.6f;
        image.image_size = cv::Size(128, 128);
        image.map = map;
        image.mask = mask;
        r->run.images.push_back(image);
        r->images.push_back({-1, path, type + QLatin1Char('/') + info.fileName(),
                             good ? Truth::Normal : Truth::Defect, good ? QString() : type});
        records.push_back({path.toStdString(), good ? "good" : type.toStdString(), image.score, map,
                           good ? cv::Mat() : mask});
    }
    return finished(r, records);
}

// The report of those results as the report tests start it: names, a fixed date, thresholds 1 and 0.5; rows
// are the test's own.
ReportData sampleReport(const std::shared_ptr<BatchResults>& results) {
    ReportData data;
    data.projectName = QStringLiteral("sample");
    data.modelName = QFileInfo(results->modelPath).fileName();
    data.generated = QDateTime(QDate(2026, 12, 6), QTime(9, 30));
    data.imageThreshold = data.defaultImageThreshold = 1.f;
    data.pixelThreshold = data.defaultPixelThreshold = 0.5f;
    data.results = results;
    return data;
}

}  // namespace

class TestReview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    void rangesCoverThresholdsAndObservedValues() {
        // Raw maps: 0 .. 3x the threshold, as before.
        ThresholdRange raw = thresholdRange(0.5f, {}, {});
        QCOMPARE(raw.low, 0.f);
        QCOMPARE(raw.high, 1.5f);
        // z-scored maps: observed values below zero and above 3x widen it, with a margin.
        const ThresholdRange z = thresholdRange(2.f, 7.f, std::pair{-3.f, 9.f});
        QVERIFY(z.low < -3.f);
        QVERIFY(z.high > 9.f);
        // A negative threshold sits inside its range, and 0 gets a usable span.
        const ThresholdRange negative = thresholdRange(-0.5f, {}, {});
        QVERIFY(negative.low <= -0.5f && negative.high >= -0.5f && negative.high > negative.low);
        const ThresholdRange zero = thresholdRange(0.f, {}, {});
        QVERIFY(zero.high - zero.low >= 1.f);
    }

    void floatSliderMapsPositionsToValues() {
        ThresholdSlider slider;
        slider.setRange(-2.0, 4.0);
        QSignalSpy changed(&slider, &ThresholdSlider::valueChanged);
        slider.setValue(1.0);
        QCOMPARE(slider.slider()->value(), 500);
        QCOMPARE(changed.count(), 0);  // programmatic changes are not the user's
        slider.slider()->setValue(0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(slider.value(), -2.0);
        slider.setValue(99.0);
        QCOMPARE(slider.value(), 4.0);  // clamped
    }

    void sharedStateKeepsDefaultsAndF1() {
        ThresholdState state;
        QSignalSpy changed(&state, &ThresholdState::changed);
        state.setModel(2.f, 3.f);
        QCOMPARE(state.image(), 2.f);
        QVERIFY(!state.hasF1Optimal());
        state.setF1Optimal(1.5f, std::nullopt);
        state.setImage(5.f);
        state.applyF1Optimal();
        QCOMPARE(state.image(), 1.5f);
        QCOMPARE(state.pixel(), 3.f);  // no pixel F1: unchanged
        state.resetToDefaults();
        QCOMPARE(state.image(), 2.f);
        QVERIFY(changed.count() >= 4);
    }

    // 500 images: every slider move recounts verdicts, refilters and moves the plots' markers in far less
    // than 100 ms, and the counts equal core's.
    void sliderMovesRecountFastFor500Images() {
        ProjectSession session;
        ThresholdState state;
        const auto results = fabricatedResults(500);
        state.setModel(1.f, 1.f);
        state.observeScores(results->run.score_min, results->run.score_max);
        ReviewModel model(&session, &state);
        model.setResults(results);
        ReviewFilterProxy proxy(&model);
        proxy.setVerdictFilter(ReviewFilterProxy::VerdictFilter::Ng);
        ReviewPlots plots(&state);
        plots.resize(800, 600);
        plots.setResults(results);
        ThresholdSlider slider;
        const ThresholdRange range = state.imageRange();
        slider.setRange(range.low, range.high);
        connect(&slider, &ThresholdSlider::valueChanged, &state,
                [&state](double v) { state.setImage(float(v)); });

        plots.grab();  // the first paint loads fonts: not part of a slider move
        QElapsedTimer clock;
        qint64 worstNs = 0, worstUpdateNs = 0;
        for (int position = 0; position <= 1000; position += 50) {
            clock.start();
            slider.slider()->setValue(position);  // recount, verdict column, refilter, markers
            worstUpdateNs = std::max(worstUpdateNs, clock.nsecsElapsed());
            plots.grab();  // and a repaint of the four plots
            worstNs = std::max(worstNs, clock.nsecsElapsed());
            const auto core = coreCounts(*results, state.image());
            QCOMPARE(model.counts(), core);
            QCOMPARE(modelNgRows(model), int(core.ng));
            QCOMPARE(proxy.rowCount(), int(core.ng));
            if (core.normal() > 0 && core.defect() > 0) {
                const QPointF marker = plots.markerPosition(ReviewPlots::ImageRoc);
                QCOMPARE(marker.x(), double(core.false_ng) / core.normal());
                QCOMPARE(marker.y(), double(core.true_ng) / core.defect());
            }
            QCOMPARE(plots.markerPosition(ReviewPlots::Histogram).x(), double(state.image()));
        }
        qInfo("slowest slider move over 500 images: %.2f ms to update, %.2f ms with the plots repainted",
              worstUpdateNs / 1e6, worstNs / 1e6);
        QVERIFY2(worstNs < 100'000'000, "a slider move must cost less than 100 ms");
        // The slider's ends: everything NG, everything OK.
        slider.slider()->setValue(0);
        QCOMPARE(model.counts().ng, 500);
        slider.slider()->setValue(1000);
        QCOMPARE(model.counts().ng, 0);
    }

    void csvQuotesFields() {
        ReportRow a{QStringLiteral("/p/a,b.png"), QStringLiteral("dent"), 1.5f,
                    QStringLiteral("NG"),         QStringLiteral("ok"),   {}};
        ReportRow b{QStringLiteral("/p/\"q\".png"), {}, NAN,
                    QStringLiteral("failed"),       {}, QStringLiteral("unreadable")};
        const QString csv = ReportWriter::csv({a, b});
        const QStringList lines = csv.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], QStringLiteral("image,label,score,verdict,reviewer_decision,final_verdict,error"));
        QCOMPARE(lines[1], QStringLiteral("\"/p/a,b.png\",dent,1.5,NG,ok,OK,"));
        QCOMPARE(lines[2], QStringLiteral("\"/p/\"\"q\"\".png\",,,failed,,,unreadable"));
        QCOMPARE(ReportWriter::csvPathFor(QStringLiteral("/r/x.report.html")),
                 QStringLiteral("/r/x.report.csv"));
    }

    // The PDF beside the HTML and the CSV, from a report of the generated sample product: a real PDF, one
    // page more or less per four worst images, the model's description and the plots in it; the HTML and CSV
    // still written; an unwritable folder named in the error. KENSA_TEST_KEEP_REPORT=<folder> keeps the
    // files.
    void pdfReportOfSampleProduct() {
        QTemporaryDir tmp;
        const auto results = sampleProductResults(tmp.path());
        QCOMPARE(int(results->images.size()), 21);
        ThresholdState state;
        state.setModel(1.f, 0.5f);
        ReviewPlots plots(&state);
        plots.setResults(results);
        ReportData data = sampleReport(results);
        for (size_t i = 0; i < results->images.size(); ++i) {
            const QString label = results->images[i].truth == Truth::Normal ? QStringLiteral("normal")
                                                                            : results->images[i].defectType;
            ReportRow row{results->images[i].path,
                          label,
                          results->scores[i],
                          results->scores[i] >= 1.f ? QStringLiteral("NG") : QStringLiteral("OK"),
                          {},
                          {}};
            if (i == 0)
                row.decision = QStringLiteral("ng");
            data.rows << row;
        }
        data.plots = plots.renderPngs(QSize(560, 400));
        data.printPlots = plots.renderPngs(QSize(380, 260), ReviewPlots::Style::Print, 3.5);
        QCOMPARE(data.printPlots.size(), 4);
        QVERIFY(data.printPlots[0].png != data.plots[0].png);
        data.worstImages = 21;

        const QString html = tmp.filePath(QStringLiteral("report.html"));
        const QString pdf = ReportWriter::pdfPathFor(html);
        QCOMPARE(pdf, tmp.filePath(QStringLiteral("report.pdf")));
        QCOMPARE(ReportWriter::write(data, html, ReportWriter::csvPathFor(html), pdf), QString());
        const QByteArray bytes = test::readAll(pdf);
        QVERIFY2(bytes.startsWith("%PDF-"), bytes.left(16).constData());
        QVERIFY(bytes.contains("%%EOF"));
        const int pages = pdfPages(bytes);
        QVERIFY2(pages >= 5,
                 qPrintable(QStringLiteral("%1 pages").arg(pages)));  // 21 worst images: 4-5 a page
        QVERIFY(bytes.contains("/Subtype /Image"));                   // plots and images embedded
        QCOMPARE(QString::fromUtf8(test::readAll(ReportWriter::csvPathFor(html))).count(QStringLiteral("\r\n")),
                 22);
        const QString page = QString::fromUtf8(test::readAll(html));
        QCOMPARE(page.count(QStringLiteral("data:image/jpeg;base64,")), 21);
        QVERIFY(page.contains(QStringLiteral("PatchCore")));  // the model's description
        QVERIFY(page.contains(QStringLiteral("MobileNetV2")));
        QVERIFY(!QFileInfo::exists(pdf + QStringLiteral(".partial")));
        if (const QString keep = qEnvironmentVariable("KENSA_TEST_KEEP_REPORT"); !keep.isEmpty()) {
            QDir().mkpath(keep);
            for (const QString& f : {html, ReportWriter::csvPathFor(html), pdf}) {
                QFile::remove(QDir(keep).filePath(QFileInfo(f).fileName()));
                QFile::copy(f, QDir(keep).filePath(QFileInfo(f).fileName()));
            }
        }

        // Without worst images and plots: fewer pages, at least one.
        data.worstImages = 0;
        data.printPlots.clear();
        data.plots.clear();
        const QString small = tmp.filePath(QStringLiteral("small.pdf"));
        QCOMPARE(ReportWriter::write(data, tmp.filePath(QStringLiteral("small.html")),
                                     tmp.filePath(QStringLiteral("small.csv")), small),
                 QString());
        const int fewer = pdfPages(test::readAll(small));
        QVERIFY2(fewer >= 1 && fewer < pages - 3,
                 qPrintable(QStringLiteral("%1 vs %2 pages").arg(fewer).arg(pages)));

        // A folder that cannot be written: the message names the PDF.
        const QString blocked = tmp.filePath(QStringLiteral("missing/r.pdf"));
        const QString error = ReportPdf::write(data, blocked);
        QVERIFY2(error.startsWith(blocked + QStringLiteral(": ")), qPrintable(error));
    }

    // A report exported again onto a disk with room for the CSV but not the HTML: an error naming the file and
    // the reason, and the previous CSV, HTML and PDF as they were (the new CSV used to replace the old one
    // before the HTML failed); once there is room, all three are written.
    void reportOnAFullDiskLeavesThePreviousReport() {
        QTemporaryDir tmp;
        const auto results = sampleProductResults(tmp.path());
        ReportData data = sampleReport(results);
        for (size_t i = 0; i < results->images.size(); ++i)
            data.rows << ReportRow{results->images[i].path, {}, results->scores[i], QStringLiteral("OK"), {}, {}};
        data.worstImages = 4;
        test::FullDisk disk(tmp.filePath(QStringLiteral("disk")).toStdString());
        qInfo("full disk: %s", disk.mechanism().c_str());
        const QString html = tmp.filePath(QStringLiteral("disk/report.html"));
        const QStringList files = {ReportWriter::csvPathFor(html), html, ReportWriter::pdfPathFor(html)};
        QCOMPARE(ReportWriter::write(data, html, files[0], files[2]), QString());
        QList<QByteArray> previous;
        for (const QString& f : files)
            previous << test::readAll(f);
        QVERIFY(previous[0].size() < 4096 && previous[1].size() > 16384);  // the CSV fits, the HTML not
        const auto before = disk.entries();

        if (const std::string why = disk.fill(/*still_fits=*/8192); !why.empty())
            QSKIP(qPrintable(QStringLiteral("no way to make a disk full here: ") + QString::fromStdString(why)));
        data.rows[0].decision = QStringLiteral("ng");  // what changed since: the CSV differs
        const QString error = ReportWriter::write(data, html, files[0], files[2]);
        disk.free_space();
        QVERIFY2(error.startsWith(html + QStringLiteral(": ")) &&
                     error.contains(QString::fromStdString(disk.error_text())),
                 qPrintable(error));
        for (int i = 0; i < files.size(); ++i)
            QVERIFY2(test::readAll(files[i]) == previous[i], qPrintable(files[i]));
        QCOMPARE(disk.entries(), before);  // no temporary file left

        QCOMPARE(ReportWriter::write(data, html, files[0], files[2]), QString());
        QVERIFY(test::readAll(files[0]).contains(",ng"));
    }

    // Two methods trained on the project, compared in the view: the table and the curves are core's numbers
    // for the same test images, and "Make active" switches the project's model.
    void comparisonViewMatchesCore() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh, or set KENSA_WEIGHTS_DIR)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createLabelledProject(session, tmp), QString());
        ComparisonView view(&session);
        view.resize(900, 600);
        view.show();
        QCOMPARE(test::trainTinyModel(session, 64, "patchcore"), QString());
        QTest::qWait(1100);  // model files are named to the second
        QCOMPARE(test::trainTinyModel(session, 64, "padim"), QString());
        QTRY_COMPARE(view.modelList()->count(), 2);
        QVERIFY(!view.compareButton()->isEnabled());  // nothing ticked
        for (int i = 0; i < 2; ++i)
            view.modelList()->item(i)->setCheckState(Qt::Checked);
        QVERIFY(view.compareButton()->isEnabled());
        QSignalSpy finished(view.controller(), &ComparisonController::finished);
        QTest::mouseClick(view.compareButton(), Qt::LeftButton);
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

        const auto& models = view.controller()->models();
        QCOMPARE(int(models.size()), 2);
        QCOMPARE(view.table()->rowCount(), 2);
        QStringList methods;
        for (int row = 0; row < 2; ++row) {
            const ComparedModel& m = models[row];
            methods << m.method;
            // Core directly, on the project's test images (neither model trained on any of them).
            auto inspector = engine::Inspector::load(m.path.toStdString(), 1);
            std::vector<engine::InspectionItem> items;
            for (int r = 0; r < session.imageCount(); ++r) {
                const auto& e = session.image(r);
                if (e.role != project::ImageRole::Test)
                    continue;
                items.push_back({e.path,
                                 e.label == project::Label::Defect   ? postprocess::Truth::Defect
                                 : e.label == project::Label::Normal ? postprocess::Truth::Normal
                                                                     : postprocess::Truth::Unknown,
                                 e.defect_type, e.source_mask});
            }
            const auto run = engine::run_inspection(inspector, items);
            QVERIFY(run.evaluation && m.results && m.results->run.evaluation);
            const auto& core = run.evaluation->overall;
            const auto& shown = m.results->run.evaluation->overall;
            QCOMPARE(shown.image_auroc, core.image_auroc);
            QCOMPARE(shown.pixel_auroc, core.pixel_auroc);
            QCOMPARE(shown.aupro, core.aupro);
            QVERIFY(view.table()->item(row, ComparisonView::ModelColumn)->text().endsWith(m.name));
            QCOMPARE(view.table()->item(row, ComparisonView::ImageAurocColumn)->text(),
                     QLocale().toString(100.0 * core.image_auroc, 'f', 2));
            QCOMPARE(view.table()->item(row, ComparisonView::AuproColumn)->text(),
                     QLocale().toString(100.0 * core.aupro, 'f', 2));
            QCOMPARE(view.plot(ComparisonView::Pro)->graph(row)->dataCount(), int(core.pro.size()));
            QCOMPARE(view.plot(ComparisonView::ImageRoc)->graph(row)->dataCount(), int(core.image_roc.size()));
        }
        QCOMPARE(methods, (QStringList{QStringLiteral("PaDiM"), QStringLiteral("PatchCore")}));  // newest first

        view.table()->selectRow(1);
        QVERIFY(view.makeActiveButton()->isEnabled());
        QTest::mouseClick(view.makeActiveButton(), Qt::LeftButton);
        QCOMPARE(QString::fromStdString(session.project().settings.active_model), models[1].name);
        const QString shot = tmp.filePath(QStringLiteral("comparison.png"));
        QVERIFY(view.grab().save(shot));
        session.flush();
    }

    void batchReviewEndToEnd() {
        if (!test::backboneWeightsInstalled())
            QSKIP("MobileNetV2 weights not installed (scripts/setup.sh, or set KENSA_WEIGHTS_DIR)");
        QTemporaryDir tmp;
        ProjectSession session;
        QCOMPARE(test::createLabelledProject(session, tmp), QString());

        test::ReviewPanels panels(&session);
        auto& [state, inspection, review, plots] = panels;
        QCOMPARE(test::trainTinyModel(session), QString());
        QTRY_VERIFY_WITH_TIMEOUT(inspection.controller()->hasModel(), 30000);
        QCOMPARE(state.image(), inspection.controller()->defaultImageThreshold());

        // Cancel right after the start: core stops at its first progress report (after loading the model).
        QSignalSpy finished(review.batch(), &BatchController::finished);
        QVERIFY(review.batch()->start());
        review.batch()->cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).toString(), QString());  // cancelled, not failed
        QVERIFY(!review.batch()->results());
        finished.clear();

        review.runButton()->click();
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const BatchResultsPtr results = review.batch()->results();
        QCOMPARE(review.model()->rowCount(), 10);  // the test images only
        QCOMPARE(results->run.failed, 1);
        QVERIFY(results->run.evaluation.has_value());
        QVERIFY(state.hasF1Optimal());
        QVERIFY(inspection.f1Button()->isEnabled());
        QVERIFY(!review.summaryLabel()->text().isEmpty());

        // The image slider over its whole range: the review's counts are core's at every position.
        QSlider* imageSlider = inspection.imageThresholdSlider()->slider();
        QVERIFY(inspection.imageThresholdSlider()->minimum() <= results->run.score_min);
        QVERIFY(inspection.imageThresholdSlider()->maximum() > results->run.score_max);
        for (int position = 0; position <= imageSlider->maximum(); position += 25) {
            imageSlider->setValue(position);
            const auto core = coreCounts(*results, state.image());
            QCOMPARE(review.model()->counts(), core);
            QCOMPARE(modelNgRows(*review.model()), int(core.ng));
        }
        imageSlider->setValue(0);
        QCOMPARE(review.model()->counts().ng, 9);
        imageSlider->setValue(imageSlider->maximum());
        QCOMPARE(review.model()->counts().ng, 0);
        // The pixel slider moves the pixel plots' markers, never the model.
        const int inspectionsBefore = inspection.controller()->inspections();
        inspection.pixelThresholdSlider()->slider()->setValue(0);
        const QPointF low = plots.markerPosition(ReviewPlots::PixelRoc);
        inspection.pixelThresholdSlider()->slider()->setValue(
            inspection.pixelThresholdSlider()->slider()->maximum());
        const QPointF high = plots.markerPosition(ReviewPlots::PixelRoc);
        QCOMPARE(low, QPointF(1, 1));   // everything flagged
        QCOMPARE(high, QPointF(0, 0));  // nothing flagged
        QCOMPARE(inspection.controller()->inspections(), inspectionsBefore);

        // F1-optimal thresholds come from core's evaluation.
        inspection.f1Button()->click();
        QCOMPARE(double(state.image()), results->run.evaluation->overall.image_f1_threshold);
        QCOMPARE(double(state.pixel()), results->run.evaluation->overall.pixel_f1_threshold);

        // Keyboard review with every scored image NG: Space finds a flagged one, X confirms it and moves on,
        // O overrides the next one to OK.
        imageSlider->setValue(0);
        QSignalSpy selected(&review, &ReviewPanel::imageSelected);
        review.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&review));
        review.table()->setFocus();
        QTest::keyClick(review.table(), Qt::Key_Space);
        const int first = review.currentSourceRow();
        QVERIFY(first >= 0);
        QVERIFY(review.model()->verdict(first) == Verdict::Ng);
        QVERIFY(!selected.isEmpty());
        QCOMPARE(selected.last().at(0).toInt(), review.model()->projectRow(first));
        QTest::keyClick(review.table(), Qt::Key_X);
        QVERIFY(session.image(review.model()->projectRow(first)).review == project::ReviewDecision::Ng);
        const int second = review.currentSourceRow();
        QVERIFY(second != first);
        QTest::keyClick(review.table(), Qt::Key_O);
        QVERIFY(session.image(review.model()->projectRow(second)).review == project::ReviewDecision::Ok);
        QCOMPARE(review.model()->reviewedCount(), 2);
        // "NG only" follows the slider.
        review.verdictFilter()->setCurrentIndex(1);
        QCOMPARE(review.proxy()->rowCount(), 9);
        imageSlider->setValue(imageSlider->maximum());
        QCOMPARE(review.proxy()->rowCount(), 0);
        review.verdictFilter()->setCurrentIndex(0);
        imageSlider->setValue(0);

        // The report: a CSV line per image with its decision, an HTML page with metrics, plots and images.
        QSignalSpy written(&review, &ReviewPanel::reportWritten);
        const QString html = tmp.filePath(QStringLiteral("report.html"));
        review.exportReport(html);
        QVERIFY(written.wait(30000));
        QCOMPARE(written.first().at(1).toString(), QString());
        QFile csvFile(ReportWriter::csvPathFor(html));
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QStringList lines =
            QString::fromUtf8(csvFile.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 11);
        const QString firstName = results->images[size_t(first)].name;
        bool foundDecision = false;
        for (const QString& line : lines) {
            if (line.contains(firstName)) {
                QVERIFY2(line.contains(QStringLiteral(",NG,ng,NG,")), qPrintable(line));
                foundDecision = true;
            }
        }
        QVERIFY(foundDecision);
        QVERIFY(lines.filter(QStringLiteral("t9.png")).first().contains(QStringLiteral(",failed,")));
        QFile htmlFile(html);
        QVERIFY(htmlFile.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(htmlFile.readAll());
        QVERIFY(page.contains(QStringLiteral("AUROC")));
        QVERIFY(page.contains(QStringLiteral("AU-PRO@0.3")));
        QCOMPARE(page.count(QStringLiteral("data:image/png;base64,")), 4);    // the plots
        QVERIFY(page.count(QStringLiteral("data:image/jpeg;base64,")) >= 8);  // the worst images
        QVERIFY(page.contains(session.name()));
        QVERIFY(page.contains(QStringLiteral("MobileNetV2")));  // the model's description, from its file
        // The PDF beside them: 8 worst images after the tables and plots take more than one page.
        const QByteArray pdf = test::readAll(ReportWriter::pdfPathFor(html));
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY2(pdfPages(pdf) > 1, qPrintable(QString::number(pdfPages(pdf))));

        // Decisions are saved with the project.
        const int firstProjectRow = review.model()->projectRow(first);
        const int secondProjectRow = review.model()->projectRow(second);
        session.flush();
        session.close();
        QCOMPARE(review.model()->rowCount(), 0);  // results of a closed project are gone
        QCOMPARE(session.open(tmp.filePath(QStringLiteral("p"))), QString());
        QVERIFY(session.image(firstProjectRow).review == project::ReviewDecision::Ng);
        QVERIFY(session.image(secondProjectRow).review == project::ReviewDecision::Ok);
        session.close();
    }
};

QTEST_MAIN(TestReview)
#include "test_review.moc"
