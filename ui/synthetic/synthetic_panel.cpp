#include "synthetic/synthetic_panel.h"

#include "image_convert.h"
#include "project/project_session.h"
#include "synthetic/synthetic_preview.h"

#include <kensa/data/image_io.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>
#include <cmath>

namespace kensa::ui {

namespace {

QWidget* emptyState(QWidget* parent) {
    auto* w = new QWidget(parent);
    auto* icon = new QLabel(w);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/synthetic.svg")).pixmap(48, 48, QIcon::Disabled));
    icon->setAlignment(Qt::AlignCenter);
    auto* title =
        new QLabel(SyntheticPanel::tr("No synthetic-defect generators are available in this build."), w);
    title->setWordWrap(true);
    title->setAlignment(Qt::AlignCenter);
    QFont f = title->font();
    f.setBold(true);
    title->setFont(f);
    auto* text =
        new QLabel(SyntheticPanel::tr("Synthetic defects (scratches, stains, holes painted onto normal "
                                      "images) will appear here when Kensa is built with its "
                                      "defect generators. Until then, mark real defects on the canvas."),
                   w);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    text->setForegroundRole(QPalette::PlaceholderText);
    auto* v = new QVBoxLayout(w);
    v->addStretch(1);
    v->addWidget(icon);
    v->addWidget(title);
    v->addWidget(text);
    v->addStretch(2);
    return w;
}

// Enough decimals to show the smallest allowed value and 1/100 of the range.
int decimalsFor(double minimum, double maximum) {
    const double finest = std::min(minimum > 0 ? minimum : 1.0, (maximum - minimum) / 100.0);
    return std::clamp(int(std::ceil(-std::log10(finest))), 0, 4);
}

QFont boldFont(QFont f) {
    f.setBold(true);
    return f;
}

QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* l = new QLabel(text, parent);
    l->setFont(boldFont(l->font()));
    return l;
}

}  // namespace

SyntheticPanel::SyntheticPanel(std::shared_ptr<const GeneratorCatalog> catalog, ProjectSession* session,
                               QWidget* parent)
    : SyntheticPanel(std::move(catalog), session, nullptr, parent) {}

SyntheticPanel::SyntheticPanel(std::shared_ptr<const GeneratorCatalog> catalog, ProjectSession* session,
                               SyntheticPreview* preview, QWidget* parent)
    : QWidget(parent),
      m_catalog(std::move(catalog)),
      m_generators(m_catalog->generators()),
      m_session(session),
      m_stack(new QStackedWidget(this)),
      m_preview(preview),
      m_ownsPreview(preview == nullptr),
      m_debounce(new QTimer(this)) {
    auto* editor = new QWidget(m_stack);
    m_list = new QListWidget(editor);
    m_list->setMaximumHeight(140);
    for (const GeneratorInfo& g : m_generators) {
        auto* item = new QListWidgetItem(g.name, m_list);
        item->setData(Qt::UserRole, g.id);
        item->setToolTip(g.description);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        QVariantMap defaults;
        for (const GeneratorParameter& p : g.parameters)
            defaults.insert(p.id, p.defaultValue);
        m_values.insert(g.id, defaults);
    }
    // Fit the list to its rows: every generator visible without a scroll bar.
    m_list->setMaximumHeight(m_list->sizeHintForRow(0) * std::max(1, m_list->count()) +
                             2 * m_list->frameWidth() + 2);
    m_notApplicable = new QLabel(tr("Synthetic defects do not apply to image classification: they are local, the "
                                    "anomalies of tiny images are whole images, and training does not draw them."),
                                 editor);
    m_notApplicable->setWordWrap(true);
    m_notApplicable->setVisible(false);
    m_paramTitle = new QLabel(editor);
    m_paramTitle->setFont(boldFont(m_paramTitle->font()));
    auto* defaults = new QToolButton(editor);
    defaults->setText(tr("Defaults"));
    defaults->setToolTip(tr("Reset this generator's parameters to their defaults"));
    defaults->setAutoRaise(true);
    m_formHost = new QWidget(editor);
    m_form = new QFormLayout(m_formHost);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* v = new QVBoxLayout(editor);
    v->setContentsMargins(8, 8, 8, 8);
    v->addWidget(m_notApplicable);
    v->addWidget(sectionTitle(tr("Generators"), editor));
    v->addWidget(m_list);
    auto* paramHeader = new QHBoxLayout;
    paramHeader->addWidget(m_paramTitle, 1);
    paramHeader->addWidget(defaults);
    v->addSpacing(4);
    v->addLayout(paramHeader);
    v->addWidget(m_formHost);
    if (m_ownsPreview) {
        m_preview = new SyntheticPreview(editor);
        v->addSpacing(4);
        v->addWidget(m_preview, 1);
    } else {
        v->addStretch(1);
    }
    connect(defaults, &QToolButton::clicked, this, &SyntheticPanel::resetParameters);

    m_stack->addWidget(editor);
    m_stack->addWidget(emptyState(m_stack));
    m_stack->setCurrentIndex(m_generators.isEmpty() ? 1 : 0);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &SyntheticPanel::startPreview);
    connect(m_preview, &SyntheticPreview::newSamplesRequested, this, &SyntheticPanel::regenerate);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        showParameters(item ? item->data(Qt::UserRole).toString() : QString());
    });
    connect(m_list, &QListWidget::itemChanged, this, &SyntheticPanel::schedulePreview);
    connect(m_list, &QListWidget::itemChanged, this, &SyntheticPanel::storeSettings);
    connect(session, &ProjectSession::opened, this, &SyntheticPanel::loadSettings);
    connect(&m_watcher, &QFutureWatcher<SyntheticSample>::finished, this, &SyntheticPanel::onPreviewReady);
    connect(session, &ProjectSession::opened, this, &SyntheticPanel::schedulePreview);
    connect(session, &ProjectSession::imagesAppended, this, &SyntheticPanel::schedulePreview);
    connect(session, &ProjectSession::opened, this, &SyntheticPanel::applyTask);
    connect(session, &ProjectSession::settingsChanged, this, &SyntheticPanel::applyTask);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    if (session->isOpen())
        loadSettings();
    applyTask();
}

void SyntheticPanel::applyTask() {
    const bool applies = !m_session->isOpen() ||
                         m_session->project().settings.task != project::ProjectTask::Classification;
    m_notApplicable->setVisible(!applies);
    m_list->setEnabled(applies);
    m_formHost->setEnabled(applies);
}

void SyntheticPanel::loadSettings() {
    static const std::vector<project::SyntheticGeneratorSetting> k_none;
    const auto& setting = m_session->project().settings.synthetic_generators;
    const bool defaults = !setting.has_value();  // the panel never touched: every generator at its defaults
    const auto& stored = setting ? *setting : k_none;
    m_loading = true;
    for (int i = 0; i < m_list->count(); ++i) {
        const QString id = m_list->item(i)->data(Qt::UserRole).toString();
        const auto it = std::find_if(stored.begin(), stored.end(),
                                     [&](const project::SyntheticGeneratorSetting& g) { return g.id == id.toStdString(); });
        m_list->item(i)->setCheckState(defaults || it != stored.end() ? Qt::Checked : Qt::Unchecked);
        for (const GeneratorInfo& g : m_generators) {
            if (g.id != id)
                continue;
            for (const GeneratorParameter& p : g.parameters) {
                QVariant value = p.defaultValue;
                if (it != stored.end())
                    if (const auto v = it->params.find(p.id.toStdString()); v != it->params.end())
                        value = p.type == GeneratorParameter::Type::Integer ? QVariant(int(std::lround(v->second)))
                                                                            : QVariant(v->second);
                m_values[id][p.id] = value;
            }
        }
    }
    showParameters(m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString());
    m_loading = false;
    schedulePreview();
}

void SyntheticPanel::storeSettings() {
    if (m_loading || !m_session->isOpen())
        return;
    std::vector<project::SyntheticGeneratorSetting> generators;
    for (const QString& id : checkedGenerators()) {
        project::SyntheticGeneratorSetting g{id.toStdString(), {}};
        const QVariantMap values = m_values.value(id);
        for (auto it = values.constBegin(); it != values.constEnd(); ++it)
            g.params[it.key().toStdString()] = it.value().toDouble();
        generators.push_back(std::move(g));
    }
    auto settings = m_session->project().settings;
    if (settings.synthetic_generators == generators)
        return;
    settings.synthetic_generators = std::move(generators);
    m_session->setSettings(settings);
}

bool SyntheticPanel::isEmptyState() const {
    return m_stack->currentIndex() == 1;
}

void SyntheticPanel::setParameter(const QString& generatorId, const QString& parameterId,
                                  const QVariant& value) {
    m_values[generatorId][parameterId] = value;
    storeSettings();
    schedulePreview();
}

void SyntheticPanel::regenerate() {
    ++m_seed;
    schedulePreview();
}

const QList<SyntheticSample>& SyntheticPanel::samples() const {
    return m_preview->samples();
}

QListWidget* SyntheticPanel::previewGrid() const {
    return m_preview->grid();
}

QSize SyntheticPanel::sizeHint() const {
    // Two preview cells side by side, with margins and the scroll bar — or, when the preview is elsewhere,
    // room for the parameter editors.
    if (!m_ownsPreview)
        return {340, 600};
    return {2 * SyntheticPreview::cellWidth(SyntheticPreview::k_minTileSide) + 16 + 30, 720};
}

void SyntheticPanel::resetParameters() {
    const QString id =
        m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    for (const GeneratorInfo& g : m_generators) {
        if (g.id != id)
            continue;
        for (const GeneratorParameter& p : g.parameters)
            m_values[id][p.id] = p.defaultValue;
    }
    showParameters(id);
    storeSettings();
    schedulePreview();
}

void SyntheticPanel::showParameters(const QString& generatorId) {
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_paramTitle->clear();
    for (const GeneratorInfo& g : m_generators) {
        if (g.id != generatorId)
            continue;
        m_paramTitle->setText(tr("%1 — parameters").arg(g.name));
        for (qsizetype i = 0; i < g.parameters.size(); ++i) {
            const GeneratorParameter& p = g.parameters[i];
            QWidget* w = editorFor(g.id, p);
            w->setToolTip(QStringLiteral("%1: %2").arg(p.label, p.help));
            const bool paired =
                !p.group.isEmpty() && i + 1 < g.parameters.size() && g.parameters[i + 1].group == p.group;
            if (!paired) {
                m_form->addRow(p.label, w);
                continue;
            }
            // A lower and an upper bound on one row: "Size  [8] – [54]".
            const GeneratorParameter& q = g.parameters[++i];
            QWidget* w2 = editorFor(g.id, q);
            w2->setToolTip(QStringLiteral("%1: %2").arg(q.label, q.help));
            auto* row = new QHBoxLayout;
            row->addWidget(w, 1);
            row->addWidget(new QLabel(QStringLiteral("–"), m_formHost));
            row->addWidget(w2, 1);
            m_form->addRow(p.groupLabel, row);
        }
    }
}

QWidget* SyntheticPanel::editorFor(const QString& gid, const GeneratorParameter& p) {
    const QVariant value = m_values.value(gid).value(p.id, p.defaultValue);
    switch (p.type) {
        case GeneratorParameter::Type::Real: {
            auto* w = new QDoubleSpinBox(m_formHost);
            w->setRange(p.minimum, p.maximum);
            w->setDecimals(decimalsFor(p.minimum, p.maximum));
            w->setSingleStep((p.maximum - p.minimum) / 50.0);
            w->setSuffix(p.suffix);
            w->setValue(value.toDouble());
            connect(w, &QDoubleSpinBox::valueChanged, this,
                    [=, this](double v) { setParameter(gid, p.id, v); });
            return w;
        }
        case GeneratorParameter::Type::Integer: {
            auto* w = new QSpinBox(m_formHost);
            w->setRange(int(p.minimum), int(p.maximum));
            w->setSuffix(p.suffix);
            w->setValue(value.toInt());
            connect(w, &QSpinBox::valueChanged, this, [=, this](int v) { setParameter(gid, p.id, v); });
            return w;
        }
        case GeneratorParameter::Type::Boolean: {
            auto* w = new QCheckBox(m_formHost);
            w->setChecked(value.toBool());
            connect(w, &QCheckBox::toggled, this, [=, this](bool v) { setParameter(gid, p.id, v); });
            return w;
        }
        case GeneratorParameter::Type::Choice: {
            auto* w = new QComboBox(m_formHost);
            w->addItems(p.choices);
            w->setCurrentText(value.toString());
            connect(w, &QComboBox::currentTextChanged, this,
                    [=, this](const QString& v) { setParameter(gid, p.id, v); });
            return w;
        }
    }
    return new QWidget(m_formHost);
}

QString SyntheticPanel::generatorName(const QString& id) const {
    for (const GeneratorInfo& g : m_generators) {
        if (g.id == id)
            return g.name;
    }
    return id;
}

QStringList SyntheticPanel::checkedGenerators() const {
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids << m_list->item(i)->data(Qt::UserRole).toString();
    }
    return ids;
}

void SyntheticPanel::schedulePreview() {
    if (!isEmptyState())
        m_debounce->start();
}

void SyntheticPanel::startPreview() {
    if (m_watcher.isRunning()) {
        m_again = true;  // one more round when this one is done; never block the GUI thread
        return;
    }
    QStringList bases;
    if (m_session->isOpen()) {
        for (int r = 0; r < m_session->imageCount() && bases.size() < k_samples; ++r) {
            const auto& e = m_session->image(r);
            if (e.role == project::ImageRole::Train && e.label == project::Label::Normal)
                bases << m_session->imagePath(r);
        }
    }
    const QStringList ids = checkedGenerators();
    if (bases.isEmpty() || ids.isEmpty()) {
        m_preview->clearSamples();
        m_preview->setStatus(bases.isEmpty() ? tr("Add normal training images to see samples.")
                                             : tr("Choose at least one generator."));
        return;
    }
    struct Job {
        QString base;
        QString generator;
        QVariantMap params;
        quint64 seed;
    };
    QList<Job> jobs;
    m_pendingNames.clear();
    for (int i = 0; i < k_samples; ++i) {
        const QString& g = ids[i % ids.size()];
        jobs.append({bases[i % bases.size()], g, m_values.value(g), m_seed * 1000 + quint64(i)});
        m_pendingNames << generatorName(g);
    }
    m_preview->setStatus(tr("Generating samples…"));
    auto catalog = m_catalog;
    m_watcher.setFuture(QtConcurrent::mapped(jobs, [catalog](const Job& j) {
        auto img = data::read_image(j.base.toStdString());
        if (!img)
            return SyntheticSample{{}, {}, QString::fromStdString(img.error().message())};
        return catalog->generate(j.generator, j.params, image_from_mat(*img), j.seed);
    }));
}

void SyntheticPanel::onPreviewReady() {
    if (m_again) {
        m_again = false;
        startPreview();
        return;
    }
    m_preview->showSamples(m_watcher.future().results(), m_pendingNames);
    m_preview->setStatus(tr("%n sample(s)", nullptr, int(samples().size())));
    Q_EMIT previewUpdated();
}

}  // namespace kensa::ui
