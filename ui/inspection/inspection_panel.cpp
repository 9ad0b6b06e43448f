#include "inspection/inspection_panel.h"

#include "image_convert.h"
#include "inspection/inspection_overlay.h"
#include "inspection/inspection_view.h"
#include "inspection/threshold_slider.h"
#include "inspection/threshold_state.h"
#include "number_format.h"
#include "project/project_session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QVBoxLayout>

#include <kensa/postprocess/heatmap.h>
#include <kensa/postprocess/verdict.h>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace kensa::ui {

InspectionPanel::InspectionPanel(ProjectSession* session, QWidget* parent)
    : InspectionPanel(session, nullptr, parent) {}

InspectionPanel::InspectionPanel(ProjectSession* session, ThresholdState* thresholds, QWidget* parent)
    : InspectionPanel(session, thresholds, nullptr, parent) {}

InspectionPanel::InspectionPanel(ProjectSession* session, ThresholdState* thresholds, InspectionView* view,
                                 QWidget* parent)
    : QWidget(parent),
      m_session(session),
      m_thresholds(thresholds ? thresholds : new ThresholdState(this)),
      m_controller(new InspectionController(session, this)),
      m_view(view ? view : new InspectionView(this)) {
    if (view)
        view->installEventFilter(this);  // shown in the central area: inspect when it appears
    m_model = new QLabel(this);
    m_model->setForegroundRole(QPalette::PlaceholderText);
    m_model->setWordWrap(true);
    m_score = new QLabel(this);
    m_verdict = new QLabel(this);
    m_verdict->setAlignment(Qt::AlignCenter);
    m_verdict->setMinimumWidth(64);
    QFont big = m_verdict->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_verdict->setFont(big);
    m_showHeatmap = new QCheckBox(tr("Heatmap"), this);
    m_showHeatmap->setChecked(true);
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(70);
    m_opacity->setToolTip(tr("Heatmap opacity"));
    m_colours = new QComboBox(this);
    m_colours->addItem(tr("Jet"), int(cv::COLORMAP_JET));
    m_colours->addItem(tr("Turbo"), int(cv::COLORMAP_TURBO));
    m_colours->addItem(tr("Inferno"), int(cv::COLORMAP_INFERNO));
    m_colours->addItem(tr("Viridis"), int(cv::COLORMAP_VIRIDIS));
    for (ThresholdSlider** s : {&m_imageSlider, &m_pixelSlider}) {
        *s = new ThresholdSlider(this);
        (*s)->setEnabled(false);
    }
    m_imageSlider->setToolTip(tr("Images scoring at or above this are NG"));
    m_pixelSlider->setToolTip(tr("Pixels at or above this are outlined as defect"));
    m_defaultsButton = new QPushButton(tr("Model defaults"), this);
    m_defaultsButton->setToolTip(tr("The model's thresholds, learned from held-out normal images"));
    m_f1Button = new QPushButton(tr("F1-optimal"), this);
    m_f1Button->setToolTip(
        tr("The thresholds with the best F1 score on labelled images (run a batch inspection first)"));

    auto* verdictRow = new QHBoxLayout;
    verdictRow->addWidget(m_score, 1);
    verdictRow->addWidget(m_verdict);
    auto* heatRow = new QHBoxLayout;
    heatRow->addWidget(m_showHeatmap);
    heatRow->addWidget(m_opacity, 1);
    heatRow->addWidget(m_colours);
    m_imageLevelNote = new QLabel(tr("Heatmap, outlines and the pixel threshold do not apply to image "
                                     "classification: each tiny image is scored whole."),
                                  this);
    m_imageLevelNote->setWordWrap(true);
    m_imageLevelNote->setForegroundRole(QPalette::PlaceholderText);
    m_imageLevelNote->setVisible(false);
    auto* form = m_form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("Image threshold"), m_imageSlider);
    form->addRow(tr("Pixel threshold"), m_pixelSlider);
    auto* presets = new QHBoxLayout;
    presets->addStretch(1);
    presets->addWidget(m_defaultsButton);
    presets->addWidget(m_f1Button);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 8);
    v->addWidget(m_model);
    if (!view)
        v->addWidget(m_view, 1);
    v->addLayout(verdictRow);
    v->addLayout(heatRow);
    v->addWidget(m_imageLevelNote);
    v->addLayout(form);
    v->addLayout(presets);
    if (view)
        v->addStretch(1);

    connect(m_controller, &InspectionController::modelChanged, this, &InspectionPanel::onModelChanged);
    connect(m_controller, &InspectionController::modelFailed, this, [this](const QString& message) {
        m_model->setText(tr("The active model cannot be used: %1").arg(message));
    });
    connect(m_controller, &InspectionController::inspected, this, &InspectionPanel::onInspected);
    connect(m_showHeatmap, &QCheckBox::toggled, m_view, &InspectionView::setHeatmapVisible);
    connect(m_opacity, &QSlider::valueChanged, this, [this](int v) { m_view->setOpacity(v / 100.0); });
    connect(m_colours, &QComboBox::currentIndexChanged, this, &InspectionPanel::updateHeatmap);
    connect(m_imageSlider, &ThresholdSlider::valueChanged, this,
            [this](double v) { m_thresholds->setImage(float(v)); });
    connect(m_pixelSlider, &ThresholdSlider::valueChanged, this,
            [this](double v) { m_thresholds->setPixel(float(v)); });
    connect(m_defaultsButton, &QPushButton::clicked, m_thresholds, &ThresholdState::resetToDefaults);
    connect(m_f1Button, &QPushButton::clicked, m_thresholds, &ThresholdState::applyF1Optimal);
    connect(m_thresholds, &ThresholdState::changed, this, &InspectionPanel::updateVerdict);
    connect(m_thresholds, &ThresholdState::rangesChanged, this, &InspectionPanel::updateRanges);
    connect(m_thresholds, &ThresholdState::modelChanged, this, [this] {
        m_f1Button->setEnabled(m_thresholds->hasModel() && m_thresholds->hasF1Optimal());
        updateHeatmap();
    });
    connect(session, &ProjectSession::opened, this, &InspectionPanel::applyTask);
    connect(session, &ProjectSession::settingsChanged, this, &InspectionPanel::applyTask);
    applyTask();
    onModelChanged();
}

void InspectionPanel::applyTask() {
    const bool imageLevel = m_session->isOpen() &&
                            m_session->project().settings.task == project::ProjectTask::Classification;
    if (imageLevel == m_imageLevelOnly)
        return;
    m_imageLevelOnly = imageLevel;
    // An 8 x 8 grid over a 32 px image outlines nothing a user can act on: the verdict and score stay.
    m_showHeatmap->setChecked(!imageLevel);
    for (QWidget* w : std::initializer_list<QWidget*>{m_showHeatmap, m_opacity, m_colours})
        w->setVisible(!imageLevel);
    m_form->setRowVisible(m_pixelSlider, !imageLevel);
    m_imageLevelNote->setVisible(imageLevel);
    if (imageLevel)
        m_view->setOutline({});
    else
        updateVerdict();
}

float InspectionPanel::imageThreshold() const {
    return m_thresholds->image();
}

float InspectionPanel::pixelThreshold() const {
    return m_thresholds->pixel();
}

void InspectionPanel::showRow(int row) {
    m_row = row;
    // Hidden (another tab in front): the model runs when the panel is shown, not for every selection.
    if (!isShowing() || !m_controller->hasModel() || row < 0 || row >= m_session->imageCount())
        return;
    if (m_session->imagePath(row) == m_shownPath && !m_result.map.empty())
        return;
    m_score->setText(tr("Inspecting…"));
    // The previous image's verdict must not stand for this one while it is inspected.
    m_view->setBadge(tr("Inspecting…"), QColor(80, 80, 80));
    m_view->setOutline({});
    m_view->setHeatmap({});
    m_controller->inspect(m_session->imagePath(row));
}

void InspectionPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    showRow(m_row);
}

bool InspectionPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::Show)
        QMetaObject::invokeMethod(this, [this] { showRow(m_row); }, Qt::QueuedConnection);
    return QWidget::eventFilter(watched, event);
}

bool InspectionPanel::isShowing() const {
    return isVisible() || m_view->isVisible();
}

void InspectionPanel::onModelChanged() {
    m_result = {};
    m_shownPath.clear();
    const bool ready = m_controller->hasModel();
    for (QWidget* w : std::initializer_list<QWidget*>{m_imageSlider, m_pixelSlider, m_defaultsButton})
        w->setEnabled(ready);
    m_f1Button->setEnabled(false);
    m_score->clear();
    m_verdict->clear();
    m_verdict->setStyleSheet({});
    if (!ready) {
        m_thresholds->clearModel();
        m_placedPath.clear();
        m_view->setRegion(model::RegionOfInterest{});
        m_model->setText(tr("No active model. Train one in the Training panel."));
        m_view->setMessage(tr("Inspection needs a trained model."));
        return;
    }
    m_model->setText(tr("Model: %1").arg(QFileInfo(m_controller->modelPath()).fileName()));
    m_view->setRegion(m_controller->region());
    m_thresholds->setModel(m_controller->defaultImageThreshold(), m_controller->defaultPixelThreshold(),
                           m_controller->f1ImageThreshold(), m_controller->f1PixelThreshold());
    if (m_placedPath.isEmpty()) {
        m_view->setMessage(tr("Select an image to inspect it."));
    } else {  // the image stays where the user zoomed it until the new model's map arrives
        m_view->setHeatmap({});
        m_view->setOutline({});
        m_view->setBadge({}, {});
    }
    showRow(m_row);
}

void InspectionPanel::onInspected(const InspectionResult& result) {
    if (m_row >= 0 && m_row < m_session->imageCount() && result.imagePath != m_session->imagePath(m_row))
        return;  // an earlier selection's result
    const bool sameImage = result.imagePath == m_placedPath;
    m_result = result;
    m_shownPath = result.imagePath;
    if (!result.error.isEmpty()) {
        m_placedPath.clear();
        m_view->setMessage(result.error);
        m_score->clear();
        m_verdict->clear();
        return;
    }
    m_placedPath = result.imagePath;
    m_view->setImage(result.image, sameImage);
    // The sliders must reach below and above this image's score and map values.
    double low = 0, high = 0;
    cv::minMaxLoc(result.map, &low, &high);
    m_thresholds->observeScores(result.score, result.score);
    m_thresholds->observeMapValues(float(low), float(high));
    updateHeatmap();
    updateVerdict();
}

void InspectionPanel::updateRanges() {
    const ThresholdRange image = m_thresholds->imageRange(), pixel = m_thresholds->pixelRange();
    m_imageSlider->setRange(image.low, image.high);
    m_pixelSlider->setRange(pixel.low, pixel.high);
    m_imageSlider->setValue(m_thresholds->image());
    m_pixelSlider->setValue(m_thresholds->pixel());
}

void InspectionPanel::updateHeatmap() {
    if (m_result.map.empty())
        return;
    // A fixed scale per model, so colours compare across images.
    m_view->setHeatmap(heatmap_from_map(m_result.map, postprocess::heatmap_scale(m_controller->defaultPixelThreshold()),
                                        m_colours->currentData().toInt()));
}

void InspectionPanel::updateVerdict() {
    m_imageSlider->setValue(imageThreshold());
    m_pixelSlider->setValue(pixelThreshold());
    if (m_result.map.empty())
        return;
    m_view->setOutline(m_imageLevelOnly ? QPainterPath() : defectOutline(m_result.map, pixelThreshold()));
    const bool ng = postprocess::is_anomalous(m_result.score, imageThreshold());
    m_score->setText(tr("Score %1").arg(significantText(double(m_result.score), 4)));
    const QString colour = ng ? QStringLiteral("#c62828") : QStringLiteral("#2e7d32");
    m_verdict->setText(ng ? tr("NG") : tr("OK"));
    m_verdict->setStyleSheet(
        QStringLiteral("color: white; background: %1; border-radius: 4px; padding: 2px 10px;").arg(colour));
    m_view->setBadge(QStringLiteral("%1  %2").arg(m_verdict->text(), significantText(double(m_result.score), 4)),
                     QColor(colour));
    Q_EMIT verdictChanged();
}

}  // namespace kensa::ui
