#include "inspection/inspection_panel.h"

#include "image_convert.h"
#include "inspection/inspection_overlay.h"
#include "inspection/inspection_view.h"
#include "project/project_session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QVBoxLayout>

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace kensa::ui {

namespace {

constexpr int k_steps = 900;  // slider resolution; k_steps / k_span is the model's threshold exactly
// Sliders span 0 .. k_span x the model's threshold: wide enough to find a better one, fine enough to set it.
constexpr double k_span = 3.0;

float sliderValue(const QSlider* s, float reference) {
    return float(double(s->value()) * k_span / k_steps * double(reference));
}

}  // namespace

InspectionPanel::InspectionPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_controller(new InspectionController(session, this)) {
    m_view = new InspectionView(this);
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
    for (QSlider** s : {&m_imageSlider, &m_pixelSlider}) {
        *s = new QSlider(Qt::Horizontal, this);
        (*s)->setRange(0, k_steps);
        (*s)->setEnabled(false);
    }
    m_imageSlider->setToolTip(tr("Images scoring at or above this are NG"));
    m_pixelSlider->setToolTip(tr("Pixels at or above this are outlined as defect"));
    m_imageValue = new QLabel(this);
    m_pixelValue = new QLabel(this);
    for (QLabel* l : {m_imageValue, m_pixelValue})
        l->setMinimumWidth(l->fontMetrics().horizontalAdvance(QStringLiteral("0.00000")));

    auto* verdictRow = new QHBoxLayout;
    verdictRow->addWidget(m_score, 1);
    verdictRow->addWidget(m_verdict);
    auto* heatRow = new QHBoxLayout;
    heatRow->addWidget(m_showHeatmap);
    heatRow->addWidget(m_opacity, 1);
    heatRow->addWidget(m_colours);
    const auto sliderRow = [this](QSlider* s, QLabel* value) {
        auto* row = new QHBoxLayout;
        row->addWidget(s, 1);
        row->addWidget(value);
        return row;
    };
    auto* form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("Image threshold"), sliderRow(m_imageSlider, m_imageValue));
    form->addRow(tr("Pixel threshold"), sliderRow(m_pixelSlider, m_pixelValue));
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 8);
    v->addWidget(m_model);
    v->addWidget(m_view, 1);
    v->addLayout(verdictRow);
    v->addLayout(heatRow);
    v->addLayout(form);

    connect(m_controller, &InspectionController::modelChanged, this, &InspectionPanel::onModelChanged);
    connect(m_controller, &InspectionController::modelFailed, this, [this](const QString& message) {
        m_model->setText(tr("The active model cannot be used: %1").arg(message));
    });
    connect(m_controller, &InspectionController::inspected, this, &InspectionPanel::onInspected);
    connect(m_showHeatmap, &QCheckBox::toggled, m_view, &InspectionView::setHeatmapVisible);
    connect(m_opacity, &QSlider::valueChanged, this, [this](int v) { m_view->setOpacity(v / 100.0); });
    connect(m_colours, &QComboBox::currentIndexChanged, this, &InspectionPanel::updateHeatmap);
    connect(m_imageSlider, &QSlider::valueChanged, this, &InspectionPanel::updateVerdict);
    connect(m_pixelSlider, &QSlider::valueChanged, this, &InspectionPanel::updateVerdict);
    onModelChanged();
}

float InspectionPanel::imageThreshold() const {
    return sliderValue(m_imageSlider, m_controller->defaultImageThreshold());
}

float InspectionPanel::pixelThreshold() const {
    return sliderValue(m_pixelSlider, m_controller->defaultPixelThreshold());
}

void InspectionPanel::showRow(int row) {
    m_row = row;
    // Hidden (another tab in front): the model runs when the panel is shown, not for every selection.
    if (!isVisible() || !m_controller->hasModel() || row < 0 || row >= m_session->imageCount())
        return;
    if (m_session->imagePath(row) == m_shownPath && !m_result.map.empty())
        return;
    m_score->setText(tr("Inspecting…"));
    m_controller->inspect(m_session->imagePath(row));
}

void InspectionPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    showRow(m_row);
}

void InspectionPanel::onModelChanged() {
    m_result = {};
    m_shownPath.clear();
    const bool ready = m_controller->hasModel();
    m_imageSlider->setEnabled(ready);
    m_pixelSlider->setEnabled(ready);
    m_score->clear();
    m_verdict->clear();
    m_verdict->setStyleSheet({});
    if (!ready) {
        m_model->setText(tr("No active model. Train one in the Training panel."));
        m_view->setMessage(tr("Inspection needs a trained model."));
        return;
    }
    m_model->setText(tr("Model: %1").arg(QFileInfo(m_controller->modelPath()).fileName()));
    const QSignalBlocker a(m_imageSlider), b(m_pixelSlider);
    m_imageSlider->setValue(k_steps / int(k_span));  // the model's own thresholds
    m_pixelSlider->setValue(k_steps / int(k_span));
    m_view->setMessage(tr("Select an image to inspect it."));
    showRow(m_row);
}

void InspectionPanel::onInspected(const InspectionResult& result) {
    if (m_row >= 0 && m_row < m_session->imageCount() && result.imagePath != m_session->imagePath(m_row))
        return;  // an earlier selection's result
    m_result = result;
    m_shownPath = result.imagePath;
    if (!result.error.isEmpty()) {
        m_view->setMessage(result.error);
        m_score->clear();
        m_verdict->clear();
        return;
    }
    m_view->setImage(result.image);
    updateHeatmap();
    updateVerdict();
}

void InspectionPanel::updateHeatmap() {
    if (m_result.map.empty())
        return;
    // A fixed scale per model (0 .. twice its pixel threshold), so colours compare across images.
    const float high = 2.0f * m_controller->defaultPixelThreshold();
    m_view->setHeatmap(heatmap_from_map(m_result.map, 0.0f, high, m_colours->currentData().toInt()));
}

void InspectionPanel::updateVerdict() {
    m_imageValue->setText(QString::number(imageThreshold(), 'g', 4));
    m_pixelValue->setText(QString::number(pixelThreshold(), 'g', 4));
    if (m_result.map.empty())
        return;
    m_view->setOutline(defectOutline(m_result.map, pixelThreshold()));
    const bool ng = isDefective(m_result.score, imageThreshold());
    m_score->setText(tr("Score %1").arg(double(m_result.score), 0, 'g', 4));
    m_verdict->setText(ng ? tr("NG") : tr("OK"));
    m_verdict->setStyleSheet(
        ng ? QStringLiteral("color: white; background: #c62828; border-radius: 4px; padding: 2px 10px;")
           : QStringLiteral("color: white; background: #2e7d32; border-radius: 4px; padding: 2px 10px;"));
    Q_EMIT verdictChanged();
}

}  // namespace kensa::ui
