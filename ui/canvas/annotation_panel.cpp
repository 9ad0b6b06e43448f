#include "canvas/annotation_panel.h"

#include "canvas/annotation_canvas.h"
#include "canvas/annotation_controller.h"
#include "project/project_session.h"

#include <QActionGroup>
#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QInputDialog>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSlider>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace kensa::ui {

using project::Label;

namespace {
QIcon swatch(const QColor& c) {
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(c.darker(140));
    p.setBrush(c);
    p.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    return QIcon(pm);
}
}  // namespace

AnnotationPanel::AnnotationPanel(ProjectSession* session, AnnotationController* controller,
                                 AnnotationCanvas* canvas, QWidget* parent)
    : QWidget(parent), m_session(session), m_controller(controller), m_canvas(canvas) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(10);
    layout->addWidget(makeImageGroup());
    layout->addWidget(makeToolGroup());
    layout->addWidget(m_maskDisplay = makeViewGroup());
    layout->addStretch(1);

    connect(controller, &AnnotationController::loaded, this, &AnnotationPanel::refresh);
    connect(controller, &AnnotationController::loadFailed, this, &AnnotationPanel::refresh);
    connect(session, &ProjectSession::imageChanged, this, [this](int row) {
        if (row == m_controller->currentRow())
            refresh();
    });
    connect(session, &ProjectSession::defectTypesChanged, this, &AnnotationPanel::refreshTypes);
    connect(session, &ProjectSession::opened, this, &AnnotationPanel::refreshTypes);
    connect(session, &ProjectSession::closed, this, &AnnotationPanel::refresh);
    connect(session, &ProjectSession::settingsChanged, this, &AnnotationPanel::refresh);
    refreshTypes();
    refresh();
}

QWidget* AnnotationPanel::makeImageGroup() {
    auto* box = new QGroupBox(tr("Image"), this);
    m_name = new QLabel(box);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setWordWrap(true);

    m_labels = new QButtonGroup(box);
    auto* labelRow = new QHBoxLayout;
    labelRow->setSpacing(0);
    const std::pair<Label, QString> labels[] = {
        {Label::Normal, tr("Normal")}, {Label::Defect, tr("Defect")}, {Label::Unlabelled, tr("Unlabelled")}};
    for (const auto& [label, text] : labels) {
        auto* b = new QToolButton(box);
        b->setText(text);
        b->setCheckable(true);
        b->setAutoRaise(false);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        m_labels->addButton(b, int(label));
        labelRow->addWidget(b);
    }
    m_labels->button(int(Label::Normal))->setToolTip(tr("A good part (N)"));
    m_labels->button(int(Label::Defect))->setToolTip(tr("A part with a defect (D)"));
    connect(m_labels, &QButtonGroup::idClicked, this, &AnnotationPanel::applyLabel);

    m_type = new QComboBox(box);
    m_type->setToolTip(tr("The defect type of this image; its masks are drawn in the type's colour"));
    m_addType = new QToolButton(box);
    m_addType->setIcon(QIcon(QStringLiteral(":/icons/add.svg")));
    m_addType->setToolTip(tr("Add a defect type"));
    connect(m_addType, &QToolButton::clicked, this, &AnnotationPanel::addType);
    connect(m_type, &QComboBox::currentTextChanged, m_session, &ProjectSession::setDrawingDefectType);
    connect(m_type, &QComboBox::activated, this, [this] {
        const int row = m_controller->currentRow();
        if (row >= 0)
            m_session->setLabel(row, Label::Defect, m_type->currentText());
    });
    auto* typeRow = new QHBoxLayout;
    typeRow->addWidget(m_type, 1);
    typeRow->addWidget(m_addType);

    m_flag = new QToolButton(box);
    m_flag->setText(tr("Flag for review"));
    m_flag->setIcon(QIcon(QStringLiteral(":/icons/flag.svg")));
    m_flag->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_flag->setCheckable(true);
    m_flag->setToolTip(tr("Mark this image to look at again (F)"));
    connect(m_flag, &QToolButton::toggled, this, [this](bool on) {
        const int row = m_controller->currentRow();
        if (row >= 0)
            m_session->setFlagged(row, on);
    });

    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(m_name);
    form->addRow(tr("Label"), labelRow);
    form->addRow(tr("Type"), typeRow);
    form->addRow(QString(), m_flag);
    return box;
}

QWidget* AnnotationPanel::makeToolGroup() {
    auto* box = new QGroupBox(tr("Tools"), this);
    auto* grid = new QGridLayout;
    grid->setSpacing(4);
    int i = 0;
    for (QAction* a : m_controller->toolActions()->actions()) {
        auto* b = new QToolButton(box);
        b->setDefaultAction(a);
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        b->setIconSize(QSize(20, 20));
        grid->addWidget(b, i / 2, i % 2);
        ++i;
    }
    m_brush = new QSpinBox(box);
    m_brush->setRange(1, 400);
    m_brush->setSuffix(tr(" px"));
    m_brush->setValue(m_controller->toolSettings()->brushSize);
    m_brush->setToolTip(tr("Brush and eraser diameter in image pixels ([ and ] change it)"));
    connect(m_brush, &QSpinBox::valueChanged, m_controller, &AnnotationController::setBrushSize);
    connect(m_controller, &AnnotationController::brushSizeChanged, m_brush, &QSpinBox::setValue);
    auto* brushSlider = m_brushSlider = new QSlider(Qt::Horizontal, box);
    brushSlider->setRange(1, 200);
    brushSlider->setValue(m_brush->value());
    connect(brushSlider, &QSlider::valueChanged, m_brush, &QSpinBox::setValue);
    connect(m_brush, &QSpinBox::valueChanged, brushSlider, &QSlider::setValue);
    auto* brushRow = new QHBoxLayout;
    brushRow->addWidget(brushSlider, 1);
    brushRow->addWidget(m_brush);

    auto* form = new QFormLayout;
    form->addRow(tr("Brush size"), brushRow);
    m_noMasks = new QLabel(tr("Masks do not apply to image classification: label each image Normal or Defect."), box);
    m_noMasks->setWordWrap(true);
    m_noMasks->setVisible(false);
    auto* v = new QVBoxLayout(box);
    v->addWidget(m_noMasks);
    v->addLayout(grid);
    v->addLayout(form);
    auto* hint = m_toolHint = new QLabel(tr("Right button: erase (brush) or clear (fill). Polygon: click corners, "
                               "double-click to close. Region of interest: drag a rectangle or click a polygon "
                               "around the part that matters. Space + drag or middle button: pan."),
                            box);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    QFont f = hint->font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    hint->setFont(f);
    v->addWidget(hint);
    return box;
}

QWidget* AnnotationPanel::makeViewGroup() {
    auto* box = new QGroupBox(tr("Mask display"), this);
    m_opacity = new QSlider(Qt::Horizontal, box);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(int(m_canvas->maskOpacity() * 100));
    m_opacity->setToolTip(tr("How strongly the mask covers the image"));
    auto* value = new QLabel(box);
    value->setMinimumWidth(QFontMetrics(value->font()).horizontalAdvance(QStringLiteral("100 %")));
    const auto show = [value](int v) { value->setText(tr("%1 %").arg(v)); };
    show(m_opacity->value());
    connect(m_opacity, &QSlider::valueChanged, this, [this, show](int v) {
        m_canvas->setMaskOpacity(v / 100.0);
        show(v);
    });
    auto* row = new QHBoxLayout;
    row->addWidget(m_opacity, 1);
    row->addWidget(value);
    auto* form = new QFormLayout(box);
    form->addRow(tr("Opacity"), row);
    return box;
}

void AnnotationPanel::refreshTypes() {
    const QString current = m_type->currentText();
    m_type->clear();
    if (m_session->isOpen()) {
        for (const auto& t : m_session->project().defect_types)
            m_type->addItem(swatch(QColor(t.color[0], t.color[1], t.color[2])),
                            QString::fromStdString(t.name));
    }
    if (m_type->count() == 0)
        m_type->setPlaceholderText(tr("No defect types yet"));
    m_type->setCurrentIndex(std::max(0, m_type->findText(current)));
    refresh();
}

void AnnotationPanel::refresh() {
    const int row = m_controller->currentRow();
    const bool have = m_session->isOpen() && row >= 0 && row < m_session->imageCount();
    setEnabled(m_session->isOpen());
    for (QAbstractButton* b : m_labels->buttons())
        b->setEnabled(have);
    m_type->setEnabled(have && m_type->count() > 0);
    m_addType->setEnabled(m_session->isOpen());
    m_flag->setEnabled(have);
    m_noMasks->setVisible(!m_controller->masksApply());
    m_brush->setEnabled(m_controller->masksApply());
    m_brushSlider->setEnabled(m_controller->masksApply());
    m_toolHint->setVisible(m_controller->masksApply());
    m_maskDisplay->setVisible(m_controller->masksApply());
    if (!have) {
        m_name->setText(tr("No image selected"));
        for (QAbstractButton* b : m_labels->buttons())
            b->setChecked(false);
        return;
    }
    const auto& e = m_session->image(row);
    m_name->setText(QStringLiteral("<b>%1</b><br><small>%2</small>")
                        .arg(QString::fromStdString(e.path.filename().string()).toHtmlEscaped(),
                             e.role == project::ImageRole::Train ? tr("training image") : tr("test image")));
    m_labels->button(int(e.label))->setChecked(true);
    if (!e.defect_type.empty())
        m_type->setCurrentIndex(std::max(0, m_type->findText(QString::fromStdString(e.defect_type))));
    const QSignalBlocker block(m_flag);
    m_flag->setChecked(e.flagged);
}

void AnnotationPanel::applyLabel(int label) {
    const int row = m_controller->currentRow();
    if (row < 0)
        return;
    if (Label(label) == Label::Defect && m_type->count() == 0)
        m_session->addDefectType(tr("defect"));
    m_session->setLabel(row, Label(label), Label(label) == Label::Defect ? m_type->currentText() : QString());
}

void AnnotationPanel::addType() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New defect type"),
                                               tr("Name of the defect type (e.g. scratch, dent, stain):"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || name.isEmpty())
        return;
    m_session->addDefectType(name);
    m_type->setCurrentIndex(m_type->findText(name));
    const int row = m_controller->currentRow();
    if (row >= 0 && m_session->image(row).label == Label::Defect)
        m_session->setLabel(row, Label::Defect, name);
}

}  // namespace kensa::ui
