#include "training/training_panel.h"

#include "project/project_session.h"
#include "training/catalog_texts.h"
#include "training/loss_plot.h"
#include "training/model_export.h"
#include "training/model_list_model.h"
#include "training/training_controller.h"

#include <kensa/methods/adtr/adtr_options.h>
#include <kensa/methods/adtr/adtr_plus.h>
#include <kensa/methods/registry.h>
#include <kensa/features/backbone_catalog.h>
#include <kensa/model/tiling.h>
#include <kensa/project/project_task.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QEvent>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace kensa::ui {

namespace {

QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

// The project setting that holds a method's epochs; none for the methods that fit in one pass over the images.
// Settings: project::ProjectSettings, const or not.
template <typename Settings>
auto epochsSetting(Settings& s, const std::string& method) -> decltype(&s.epochs) {
    if (method == "adtr")
        return &s.epochs;
    if (method == "diffusion")
        return &s.diffusion_epochs;
    return nullptr;
}

// The epochs the box shows for a method: its own, or ADTR's (greyed out) for a method without epochs.
int shownEpochs(const project::ProjectSettings& s, const std::string& method) {
    const int* epochs = epochsSetting(s, method);
    return epochs ? *epochs : s.epochs;
}

QString taskId(project::ProjectTask task) {
    const auto name = project::to_string(task);
    return QString::fromLatin1(name.data(), qsizetype(name.size()));
}

// A size the task trains at: on its step, within its range.
int sizeForTask(int size, project::ProjectTask task) {
    const auto range = project::image_size_range(task);
    const int onStep = (size + range.step / 2) / range.step * range.step;
    return std::clamp(onStep, range.min, range.max);
}

}  // namespace

QString timeLeftText(double seconds) {
    if (seconds < 0 || !std::isfinite(seconds))
        return {};
    if (seconds < 5)
        return TrainingPanel::tr("a few seconds left");
    const int s = int(std::lround(seconds));
    if (s < 60)
        return TrainingPanel::tr("about %1 s left").arg(s < 20 ? s : (s + 2) / 5 * 5);
    const int minutes = s / 60;
    if (minutes < 10)
        return TrainingPanel::tr("about %1 min %2 s left").arg(minutes).arg((s % 60 + 5) / 10 * 10);
    return TrainingPanel::tr("about %1 min left").arg(int(std::lround(seconds / 60.0)));
}

TrainingPanel::TrainingPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_controller(new TrainingController(session, this)),
      m_models(new ModelListModel(session, this)) {
    m_task = new QComboBox(this);
    m_task->addItem(tr("Defect inspection"), taskId(project::ProjectTask::Inspection));
    m_task->addItem(tr("Image classification (tiny images)"), taskId(project::ProjectTask::Classification));
    m_task->setToolTip(
        tr("Defect inspection finds and outlines defects in parts. Image classification sorts tiny images "
           "(16-48 px) as a whole, normal or anomalous: no masks, no maps, one score per image (the ADTR "
           "paper's one-class setting: an 8 x 8 grid, the score is the mean of the map)."));
    m_method = new QComboBox(this);
    for (const engine::Method* m : engine::methods()) {
        m_method->addItem(QString::fromUtf8(m->name().data(), qsizetype(m->name().size())),
                          QString::fromUtf8(m->id().data(), qsizetype(m->id().size())));
        m_method->setItemData(m_method->count() - 1,
                              CatalogTexts::methodSummary(std::string(m->id()), std::string(m->summary())),
                              Qt::ToolTipRole);
    }
    m_methodSummary = new QLabel(this);
    m_methodSummary->setWordWrap(true);
    m_methodSummary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_methodSummary->installEventFilter(this);
    m_backbone = new QComboBox(this);
    auto* backbones = new QStandardItemModel(m_backbone);
    for (const engine::BackboneInfo& b : engine::backbone_catalog()) {
        auto* item = new QStandardItem(CatalogTexts::backboneName(b.id, b.display_name));
        item->setData(QString::fromStdString(b.id), Qt::UserRole);
        // A backbone without its weights cannot train: shown, disabled, with how to get them.
        if (engine::find_backbone_weights(b.id).empty()) {
            item->setEnabled(false);
            item->setToolTip(
                tr("Weights not installed. %1").arg(QString::fromStdString(b.how_to_get_weights)));
        } else {
            item->setToolTip(CatalogTexts::backboneDescription(b.id, b.description));
        }
        backbones->appendRow(item);
    }
    m_backbone->setModel(backbones);
    m_imageSize = new QSpinBox(this);
    m_imageSize->setRange(64, 512);
    m_imageSize->setSingleStep(32);
    m_imageSize->setSuffix(tr(" px"));
    m_epochs = new QSpinBox(this);
    m_epochs->setRange(1, 1000);
    m_epochs->setToolTip(tr("Passes over the normal images"));
    m_mode = new QComboBox(this);
    const auto id = [](model::TrainingMode mode) {
        const auto name = model::to_string(mode);
        return QString::fromLatin1(name.data(), qsizetype(name.size()));
    };
    m_mode->addItem(tr("Automatic"), id(model::TrainingMode::Auto));
    m_mode->addItem(tr("Normal images only"), id(model::TrainingMode::NormalOnly));
    m_mode->addItem(tr("With defects (ADTR+)"), id(model::TrainingMode::AnomalyAvailable));
    m_synthetic = new QCheckBox(tr("Synthetic defects"), this);
    m_syntheticShare = new QSpinBox(this);
    m_syntheticShare->setRange(5, 100);
    m_syntheticShare->setSingleStep(5);
    m_syntheticShare->setSuffix(tr(" % of images"));
    m_syntheticShare->setToolTip(
        tr("How many normal images get an extra copy with a synthetic defect in each epoch (the clean image "
           "stays)"));
    m_tiling = new QComboBox(this);
    m_tiling->addItem(tr("Whole image"), QStringLiteral("whole"));
    m_tiling->addItem(tr("Tiles for defects of"), QStringLiteral("smallest_defect"));
    m_tiling->addItem(tr("Tiles of"), QStringLiteral("tile"));
    m_tilePixels = new QSpinBox(this);
    m_tilePixels->setRange(1, 30000);
    m_tilePixels->setSuffix(tr(" px"));
    m_region = new QLabel(this);
    m_drawRegion = new QPushButton(QIcon(QStringLiteral(":/icons/region.svg")), tr("Draw…"), this);
    m_clearRegion = new QPushButton(tr("Whole image"), this);
    m_images = new QLabel(this);
    m_images->setWordWrap(true);
    m_images->setForegroundRole(QPalette::PlaceholderText);
    m_train = new QPushButton(QIcon(QStringLiteral(":/icons/train.svg")), tr("Train"), this);
    m_train->setToolTip(tr("Train a model on the project's normal training images"));
    m_cancel = new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("Cancel"), this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_stage = new QLabel(this);
    m_eta = new QLabel(this);
    m_eta->setForegroundRole(QPalette::PlaceholderText);
    m_plot = new LossPlot(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_modelList = new QListView(this);
    m_modelList->setModel(m_models);
    m_modelList->setMinimumHeight(72);
    m_noModels = new QLabel(tr("No trained models yet. Train one above; every run is kept here."), this);
    m_noModels->setWordWrap(true);
    m_noModels->setForegroundRole(QPalette::PlaceholderText);
    m_activate = new QPushButton(tr("Make Active"), this);
    m_activate->setToolTip(tr("Inspect with the selected model"));
    m_refine = new QPushButton(tr("Refine"), this);
    m_delete = new QPushButton(tr("Delete…"), this);
    m_export = new QPushButton(QIcon(QStringLiteral(":/icons/export.svg")), tr("Export…"), this);
    m_export->setToolTip(
        tr("Save a copy of the selected model for kensa-cli or another Kensa: one file with the "
           "backbone, the transformer, thresholds and map settings"));

    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("Task"), m_task);
    form->addRow(tr("Method"), m_method);
    form->addRow(QString(), m_methodSummary);
    form->addRow(tr("Backbone"), m_backbone);
    form->addRow(tr("Image size"), m_imageSize);
    form->addRow(tr("Epochs"), m_epochs);
    form->addRow(tr("Defects"), m_mode);
    auto* synthetic = new QHBoxLayout;
    synthetic->addWidget(m_synthetic);
    synthetic->addWidget(m_syntheticShare, 1);
    form->addRow(QString(), synthetic);
    auto* tiling = new QHBoxLayout;
    tiling->addWidget(m_tiling, 1);
    tiling->addWidget(m_tilePixels);
    form->addRow(tr("Large images"), tiling);
    auto* region = new QHBoxLayout;
    region->addWidget(m_region, 1);
    region->addWidget(m_drawRegion);
    region->addWidget(m_clearRegion);
    form->addRow(tr("Region"), region);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_images, 1);
    buttons->addWidget(m_train);
    buttons->addWidget(m_cancel);
    auto* progressText = new QHBoxLayout;
    progressText->addWidget(m_stage, 1);
    progressText->addWidget(m_eta);
    auto* modelButtons = new QHBoxLayout;
    modelButtons->addStretch(1);
    modelButtons->addWidget(m_activate);
    modelButtons->addWidget(m_refine);
    modelButtons->addWidget(m_export);
    modelButtons->addWidget(m_delete);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 8);
    v->addWidget(sectionTitle(tr("Settings"), this));
    v->addLayout(form);
    v->addLayout(buttons);
    v->addSpacing(6);
    v->addWidget(sectionTitle(tr("Progress"), this));
    v->addWidget(m_progress);
    v->addLayout(progressText);
    v->addWidget(m_plot, 3);
    v->addWidget(m_status);
    v->addSpacing(6);
    v->addWidget(sectionTitle(tr("Models"), this));
    v->addWidget(m_noModels);
    v->addWidget(m_modelList, 1);
    v->addLayout(modelButtons);

    connect(m_train, &QPushButton::clicked, this, [this] {
        m_plot->clear();
        m_status->clear();
        m_controller->start();
    });
    connect(m_cancel, &QPushButton::clicked, m_controller, &TrainingController::cancel);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);  // also keeps late progress reports from overwriting the text
        m_stage->setText(tr("Cancelling…"));
        m_eta->clear();
    });
    connect(m_controller, &TrainingController::progressed, this, &TrainingPanel::onProgress);
    connect(m_controller, &TrainingController::lossReported, m_plot, &LossPlot::addStep);
    connect(m_controller, &TrainingController::runningChanged, this, &TrainingPanel::updateState);
    connect(m_controller, &TrainingController::finished, this,
            [this](TrainingOutcome outcome, const QString& message) { onFinished(outcome, message); });
    connect(m_activate, &QPushButton::clicked, this,
            [this] { m_models->setActive(m_modelList->currentIndex().row()); });
    connect(m_refine, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_modelList->currentIndex();
        if (!i.isValid())
            return;
        m_plot->clear();
        m_status->clear();
        m_controller->refine(i.data(ModelListModel::PathRole).toString());
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_modelList->currentIndex();
        if (!i.isValid() ||
            QMessageBox::question(
                this, tr("Delete Model"),
                tr("Move %1 to the trash?").arg(i.data(ModelListModel::PathRole).toString())) !=
                QMessageBox::Yes)
            return;
        if (const QString error = m_models->remove(i.row()); !error.isEmpty())
            QMessageBox::warning(this, tr("Delete Model"), error);
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QModelIndex i = m_modelList->currentIndex();
        if (!i.isValid())
            return;
        const QString name = QFileInfo(i.data(ModelListModel::PathRole).toString()).fileName();
        const QString destination = QFileDialog::getSaveFileName(
            this, tr("Export Model"), QDir::home().filePath(name), tr("Kensa models (*.kensa)"));
        if (!destination.isEmpty())
            exportModel(i.row(), destination);
    });
    connect(this, &TrainingPanel::exported, this, [this](const QString& destination, const QString& error) {
        m_status->setText(error.isEmpty() ? tr("Exported to %1. Inspect with: kensa-cli infer --model %1 "
                                               "--input FOLDER --out FOLDER")
                                                .arg(destination)
                                          : tr("Export failed: %1").arg(error));
    });
    connect(m_modelList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TrainingPanel::updateState);
    connect(m_models, &QAbstractItemModel::modelReset, this, &TrainingPanel::updateState);
    for (QSpinBox* box : {m_imageSize, m_epochs})
        connect(box, &QSpinBox::valueChanged, this, &TrainingPanel::storeSettings);
    connect(m_syntheticShare, &QSpinBox::valueChanged, this, &TrainingPanel::storeSettings);
    connect(m_backbone, &QComboBox::currentIndexChanged, this, &TrainingPanel::storeSettings);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        // The box shows the chosen method's epochs before anything is stored from it.
        if (!m_loading && m_session->isOpen()) {
            m_loading = true;
            m_epochs->setValue(shownEpochs(m_session->project().settings, m_method->currentData().toString().toStdString()));
            m_loading = false;
        }
        storeSettings();
    });
    connect(m_task, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        // The other task's sizes do not fit this one: its preferred size, else the nearest it allows.
        const auto task = project::parse_project_task(m_task->currentData().toString().toStdString())
                              .value_or(project::ProjectTask::Inspection);
        const auto range = project::image_size_range(task);
        const int size = m_imageSize->value();
        m_loading = true;
        m_imageSize->setRange(range.min, range.max);
        m_imageSize->setValue(size >= range.min && size <= range.max ? sizeForTask(size, task) : range.preferred);
        m_loading = false;
        storeSettings();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, &TrainingPanel::storeSettings);
    connect(m_synthetic, &QCheckBox::toggled, this, &TrainingPanel::storeSettings);
    connect(m_tiling, &QComboBox::currentIndexChanged, this, [this] {
        // A sensible starting value for the kind chosen: a 10 px defect, or tiles of twice the image size.
        if (!m_loading)
            m_tilePixels->setValue(m_tiling->currentData() == QStringLiteral("tile") ? 2 * m_imageSize->value() : 10);
        storeSettings();
    });
    connect(m_tilePixels, &QSpinBox::valueChanged, this, &TrainingPanel::storeSettings);
    connect(m_drawRegion, &QPushButton::clicked, this, &TrainingPanel::drawRegionRequested);
    connect(m_clearRegion, &QPushButton::clicked, this, [this] {
        auto s = m_session->project().settings;
        s.region = {};
        m_session->setSettings(s);
    });
    connect(m_session, &ProjectSession::settingsChanged, this, &TrainingPanel::showRegion);
    connect(m_session, &ProjectSession::settingsChanged, this, &TrainingPanel::showTask);
    connect(session, &ProjectSession::opened, this, &TrainingPanel::loadSettings);
    connect(session, &ProjectSession::closed, this, &TrainingPanel::loadSettings);
    connect(session, &ProjectSession::imagesAppended, this, &TrainingPanel::updateState);
    connect(session, &ProjectSession::imageChanged, this, &TrainingPanel::updateState);
    loadSettings();
}

void TrainingPanel::exportModel(int row, const QString& destination) {
    const QString source = m_models->index(row).data(ModelListModel::PathRole).toString();
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, destination] {
        --m_exporting;
        Q_EMIT exported(destination, watcher->result());
        watcher->deleteLater();
        updateState();
    });
    ++m_exporting;
    updateState();
    m_status->setText(tr("Exporting %1…").arg(QFileInfo(source).fileName()));
    watcher->setFuture(
        QtConcurrent::run([source, destination] { return ui::exportModel(source, destination); }));
}

void TrainingPanel::loadSettings() {
    m_loading = true;
    const auto& s = m_session->project().settings;
    m_task->setCurrentIndex(std::max(0, m_task->findData(taskId(s.task))));
    showTask();
    m_method->setCurrentIndex(std::max(0, m_method->findData(QString::fromStdString(s.method))));
    const int b = m_backbone->findData(QString::fromStdString(s.backbone), Qt::UserRole);
    m_backbone->setCurrentIndex(std::max(0, b));
    m_imageSize->setValue(s.image_size);
    m_epochs->setValue(shownEpochs(s, s.method));
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(QString::fromStdString(s.training_mode))));
    m_synthetic->setChecked(s.synthetic_defects);
    m_syntheticShare->setValue(int(std::lround(s.synthetic_share * 100)));
    m_tiling->setCurrentIndex(s.smallest_defect > 0 ? 1 : s.tile > 0 ? 2 : 0);
    m_tilePixels->setValue(s.smallest_defect > 0 ? s.smallest_defect : s.tile > 0 ? s.tile : 10);
    showRegion();
    m_loading = false;
    m_plot->clear();
    m_progress->setValue(0);
    m_stage->clear();
    m_eta->clear();
    m_status->clear();
    updateState();
}

bool TrainingPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_methodSummary && event->type() == QEvent::Resize)
        fitSummary();
    return QWidget::eventFilter(watched, event);
}

void TrainingPanel::fitSummary() {
    // Once the layout has given the label its width: the height its lines need at that width (QLabel's own
    // heightForWidth never answers below its minimum height, hence the reset first).
    QTimer::singleShot(0, this, [this] {
        const int before = m_methodSummary->minimumHeight();
        m_methodSummary->setMinimumHeight(0);
        const int height = m_methodSummary->heightForWidth(m_methodSummary->width());
        m_methodSummary->setMinimumHeight(height > 0 ? height : before);
    });
}

void TrainingPanel::showRegion() {
    const auto& r = m_session->project().settings.region;
    m_region->setText(!r.enabled()        ? tr("Whole image")
                      : r.is_rectangle()  ? tr("Rectangle on %1 x %2 images").arg(r.reference_width).arg(r.reference_height)
                                          : tr("Polygon of %n corner(s)", nullptr, int(r.polygon.size())));
    m_clearRegion->setEnabled(r.enabled() && m_session->project().settings.task != project::ProjectTask::Classification);
}

void TrainingPanel::showTask() {
    const auto task = m_session->project().settings.task;
    const bool classification = task == project::ProjectTask::Classification;
    const auto range = project::image_size_range(task);
    const bool loading = m_loading;
    m_loading = true;  // a range that cuts the value must not store the cut value
    // The task may change elsewhere (the new-project dialog): the boxes follow the project.
    m_task->setCurrentIndex(std::max(0, m_task->findData(taskId(task))));
    m_imageSize->setRange(range.min, range.max);
    m_imageSize->setSingleStep(range.step);
    m_imageSize->setValue(m_session->project().settings.image_size);
    m_loading = loading;
    m_imageSize->setToolTip(
        classification ? tr("Tiny images are resized to this square size: 16, 32 (the paper's) or 48 px. The "
                            "feature grid is 8 x 8 at every size.")
                       : tr("Images are resized to this square size; a multiple of 32. Larger sees "
                            "smaller defects and trains slower."));
    // Why the rows are off, where the user looks: tiles and regions localise defects, which this task does not.
    const QString notForClassification =
        tr("Does not apply to image classification: a tiny image is scored whole.");
    for (QWidget* w : std::initializer_list<QWidget*>{m_tiling, m_tilePixels, m_region, m_drawRegion, m_clearRegion})
        w->setToolTip(classification ? notForClassification : QString());
    m_mode->setToolTip(
        classification
            ? tr("Automatic trains with anomalies (anomaly-available, ADTR+ with its image-level loss) as soon as "
                 "training images are labelled defect, else on normal images only. Test images are never trained on.")
            : tr("Automatic trains with defects (anomaly-available, ADTR+) as soon as the project has marked "
                 "defects or synthetic defects are on, else on normal images only. Marked defects are also "
                 "pasted at random places of copies of normal images in every epoch."));
    if (!classification) {
        m_tiling->setToolTip(
            tr("Large images: the whole image squeezed to the image size, or overlapping tiles inspected one by "
               "one and blended into a map at full resolution. \"Tiles for defects of\" picks the tile size so that "
               "a defect that many pixels wide stays visible; training and inspection take longer with more tiles."));
        m_region->setToolTip(tr("Training and inspection keep to this part of the image; outside it nothing is "
                                "learned and nothing is flagged"));
        m_drawRegion->setToolTip(tr("Drag a rectangle or click a polygon on the image (the Region of interest tool, R)"));
        m_clearRegion->setToolTip(tr("Use the whole image again"));
    }
    updateState();
}

void TrainingPanel::storeSettings() {
    if (m_loading || !m_session->isOpen())
        return;
    auto s = m_session->project().settings;
    s.task = project::parse_project_task(m_task->currentData().toString().toStdString()).value_or(s.task);
    s.method = m_method->currentData().toString().toStdString();
    s.backbone = m_backbone->currentData(Qt::UserRole).toString().toStdString();
    s.image_size = sizeForTask(m_imageSize->value(), s.task);
    if (int* epochs = epochsSetting(s, s.method))
        *epochs = m_epochs->value();
    s.training_mode = m_mode->currentData().toString().toStdString();
    s.synthetic_defects = m_synthetic->isChecked();
    s.synthetic_share = m_syntheticShare->value() / 100.0;
    const QVariant tiling = m_tiling->currentData();
    s.smallest_defect = tiling == QStringLiteral("smallest_defect") ? m_tilePixels->value() : 0;
    s.tile = tiling == QStringLiteral("tile") ? std::max(m_tilePixels->value(), model::kMinTileSide) : 0;
    m_session->setSettings(s);
    updateState();
}

void TrainingPanel::updateState() {
    const bool running = m_controller->isRunning();
    const QString reason = m_controller->cannotStartReason();
    m_train->setEnabled(!running && reason.isEmpty());
    m_train->setToolTip(reason.isEmpty() ? tr("Train a model on the project's normal training images")
                                         : reason);
    m_cancel->setEnabled(running);
    const bool classification = m_session->project().settings.task == project::ProjectTask::Classification;
    for (QWidget* w : std::initializer_list<QWidget*>{m_task, m_method, m_backbone, m_imageSize})
        w->setEnabled(!running && m_session->isOpen());
    m_tiling->setEnabled(!running && m_session->isOpen() && !classification);
    m_tilePixels->setEnabled(m_tiling->isEnabled() && m_tiling->currentIndex() > 0);
    m_region->setEnabled(!classification);
    m_drawRegion->setEnabled(m_session->isOpen() && !classification);
    m_methodSummary->setText(m_method->currentData(Qt::ToolTipRole).toString());
    fitSummary();
    // Epochs are ADTR's and the diffusion denoiser's (the reference methods fit in one pass over normal
    // images); defects are ADTR's alone.
    const std::string method = m_method->currentData().toString().toStdString();
    const bool adtr = method == "adtr";
    m_epochs->setEnabled(!running && m_session->isOpen() &&
                         epochsSetting(m_session->project().settings, method) != nullptr);
    m_mode->setEnabled(!running && m_session->isOpen() && adtr);
    const bool normalOnly =
        model::parse_training_mode(m_mode->currentData().toString().toStdString()) == model::TrainingMode::NormalOnly;
    m_synthetic->setEnabled(!running && m_session->isOpen() && adtr && !normalOnly && !classification);
    m_synthetic->setToolTip(classification ? tr("Does not apply to image classification: synthetic defects are "
                                                "local, the anomalies of tiny images are whole images.")
                                           : tr("Draw fresh synthetic defects (the generators ticked in the Synthetic Defects panel, with its "
                                                "settings) on copies of normal training images in every epoch; an epoch grows to at most %1 times "
                                                "the normal images.")
                                                 .arg(adtr::AnomalyTrainingConfig{}.max_epoch_size));
    m_syntheticShare->setEnabled(m_synthetic->isEnabled() && m_synthetic->isChecked());
    const auto n = m_session->isOpen() ? m_controller->trainingImages().size() : 0;
    const auto marked = m_session->isOpen() ? m_controller->markedDefects().size() : 0;
    QString images = tr("%n normal training image(s)", nullptr, int(n));
    if (marked > 0 && classification)
        images += normalOnly ? tr(", %n anomalous training image(s) not used", nullptr, int(marked))
                             : tr(", %n anomalous training image(s) (image-level loss)", nullptr, int(marked));
    else if (marked > 0)
        images += normalOnly ? tr(", %n marked defect(s) not used", nullptr, int(marked))
                             : tr(", %n marked defect(s)", nullptr, int(marked));
    m_images->setText(images);
    m_noModels->setVisible(m_models->rowCount() == 0);
    m_modelList->setVisible(m_models->rowCount() > 0);
    const QModelIndex current = m_modelList->currentIndex();
    m_activate->setEnabled(current.isValid() && !current.data(ModelListModel::ActiveRole).toBool());
    const QString cannotRefine = m_controller->cannotRefineReason(reason);
    m_refine->setEnabled(current.isValid() && cannotRefine.isEmpty());
    m_refine->setToolTip(
        cannotRefine.isEmpty()
            ? tr("Train a new model starting from the selected ADTR model, for %1 epochs with the project's "
                 "marked defects (and synthetic defects, if on): quicker than training again from scratch, "
                 "e.g. after marking the defects a review found. The new model keeps the selected one's backbone and "
                 "image size.")
                  .arg(adtr::AdtrOptions::kRefinementEpochs)
            : cannotRefine);
    m_delete->setEnabled(current.isValid() && !running && m_exporting == 0);
    m_export->setEnabled(current.isValid());
}

void TrainingPanel::onProgress(double fraction, const QString& text, double secondsLeft) {
    m_progress->setValue(int(std::lround(fraction * 1000)));
    if (!m_cancel->isEnabled())
        return;
    m_stage->setText(text);
    m_eta->setText(timeLeftText(secondsLeft));
}

void TrainingPanel::onFinished(TrainingOutcome outcome, const QString& message) {
    m_eta->clear();
    switch (outcome) {
        case TrainingOutcome::Finished:
            m_progress->setValue(m_progress->maximum());
            m_stage->setText(tr("Done"));
            m_status->setText(message);
            break;
        case TrainingOutcome::Cancelled:
            m_progress->setValue(0);
            m_stage->setText(tr("Cancelled"));
            m_status->setText(message);
            break;
        case TrainingOutcome::Failed:
            m_progress->setValue(0);
            m_stage->setText(tr("Training failed"));
            m_status->setText(message);
            break;
    }
    m_models->refresh();
    updateState();
}

}  // namespace kensa::ui
