#include "run/run_panel.h"

#include "number_format.h"
#include "project/project_session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace kensa::ui {

RunPanel::RunPanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_controller(new RunController(session, this)) {
    m_sourceKind = new QComboBox(this);
    m_sourceKind->addItem(tr("Hot folder"), QStringLiteral("folder"));
    m_sourceKind->addItem(tr("Camera or video"), QStringLiteral("camera"));
    m_sourceKind->setToolTip(
        tr("Hot folder: every image the line's PC writes into the folder is inspected once its write is complete. "
           "Camera or video: a camera number (0), a video file, an image sequence (img_%04d.png) or a stream URL; "
           "when inspection falls behind, the oldest waiting frame is dropped."));
    m_source = new QLineEdit(this);
    m_browse = new QPushButton(tr("Browse…"), this);
    m_output = new QLineEdit(this);
    m_output->setToolTip(tr("results.csv (one row per part, appended) and heatmap thumbnails go here"));
    m_sort = new QCheckBox(tr("Sort parts into OK and NG folders"), this);
    m_move = new QCheckBox(tr("Move, not copy"), this);
    m_start = new QPushButton(QIcon(QStringLiteral(":/icons/next.svg")), tr("Start"), this);
    m_stop = new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("Stop"), this);
    m_counts = new QLabel(this);
    m_last = new QLabel(this);
    m_last->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_ngStrip = new QListWidget(this);
    m_ngStrip->setViewMode(QListView::IconMode);
    m_ngStrip->setFlow(QListView::LeftToRight);
    m_ngStrip->setWrapping(true);
    m_ngStrip->setResizeMode(QListView::Adjust);
    m_ngStrip->setIconSize(QSize(120, 120));
    m_ngStrip->setMovement(QListView::Static);
    m_ngStrip->setToolTip(tr("The latest NG parts, newest first, with their heatmaps"));

    auto* source = new QHBoxLayout;
    source->addWidget(m_source, 1);
    source->addWidget(m_browse);
    auto* form = new QFormLayout;
    form->addRow(tr("Source"), m_sourceKind);
    form->addRow(QString(), source);
    form->addRow(tr("Results"), m_output);
    auto* sorting = new QHBoxLayout;
    sorting->addWidget(m_sort);
    sorting->addWidget(m_move);
    sorting->addStretch(1);
    form->addRow(QString(), sorting);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_counts, 1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(8, 8, 8, 8);
    v->addLayout(form);
    v->addLayout(buttons);
    v->addWidget(m_last);
    v->addWidget(new QLabel(tr("Latest NG parts"), this));
    v->addWidget(m_ngStrip, 1);
    v->addWidget(m_status);

    connect(m_browse, &QPushButton::clicked, this, [this] {
        const bool folder = m_sourceKind->currentData() == QStringLiteral("folder");
        const QString chosen = folder ? QFileDialog::getExistingDirectory(this, tr("Folder to Watch"), m_source->text())
                                      : QFileDialog::getOpenFileName(this, tr("Video File"), m_source->text());
        if (!chosen.isEmpty())
            m_source->setText(chosen);
    });
    connect(m_start, &QPushButton::clicked, this, [this] {
        m_parts = m_ok = m_ng = m_errors = 0;
        m_ngStrip->clear();
        m_last->clear();
        m_status->clear();
        showCounts();
        m_controller->start(settings());
    });
    connect(m_stop, &QPushButton::clicked, m_controller, &RunController::stop);
    connect(m_controller, &RunController::partInspected, this, &RunPanel::onPart);
    connect(m_controller, &RunController::stopped, this, &RunPanel::onStopped);
    connect(m_controller, &RunController::warning, this, [this](const QString& message) { m_status->setText(message); });
    connect(m_controller, &RunController::runningChanged, this, &RunPanel::updateState);
    for (QLineEdit* edit : {m_source, m_output})
        connect(edit, &QLineEdit::textChanged, this, &RunPanel::updateState);
    connect(m_sourceKind, &QComboBox::currentIndexChanged, this, &RunPanel::updateState);
    connect(m_sort, &QCheckBox::toggled, this, &RunPanel::updateState);
    const auto useProjectFolder = [this] {
        if (m_session->isOpen())
            m_output->setText(QDir(m_session->folder()).filePath(QStringLiteral("runs")));
        updateState();
    };
    connect(session, &ProjectSession::opened, this, useProjectFolder);
    connect(session, &ProjectSession::closed, this, &RunPanel::updateState);
    connect(session, &ProjectSession::settingsChanged, this, &RunPanel::updateState);
    showCounts();
    useProjectFolder();
}

RunSettings RunPanel::settings() const {
    RunSettings s;
    (m_sourceKind->currentData() == QStringLiteral("folder") ? s.folder : s.camera) = m_source->text().trimmed();
    s.output = m_output->text().trimmed();
    if (m_sort->isChecked())
        s.sortInto = QDir(s.output).filePath(QStringLiteral("sorted"));
    s.move = m_sort->isChecked() && m_move->isChecked() && !s.folder.isEmpty();
    return s;
}

void RunPanel::onPart(const RunPart& part) {
    ++m_parts;
    (!part.error.isEmpty() ? m_errors : part.ng ? m_ng : m_ok) += 1;
    showCounts();
    m_last->setText(part.error.isEmpty()
                        ? tr("%1: %2, score %3 (%4 ms)")
                              .arg(part.name, part.ng ? tr("NG") : tr("OK"), significantText(part.score, 4))
                              .arg(qRound(part.latencyMs))
                        : part.error);
    if (part.ng) {
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(part.thumbnail)),
                                         QStringLiteral("%1\n%2").arg(part.name, significantText(part.score, 4)));
        m_ngStrip->insertItem(0, item);
        while (m_ngStrip->count() > kStripLength)
            delete m_ngStrip->takeItem(m_ngStrip->count() - 1);
    }
}

void RunPanel::onStopped(const RunSummary& summary) {
    if (!summary.error.isEmpty())
        m_status->setText(summary.error);
    else if (summary.dropped > 0)
        m_status->setText(tr("Stopped. %n frame(s) dropped while inspection was behind.", "", int(summary.dropped)));
    else
        m_status->setText(tr("Stopped."));
}

void RunPanel::showCounts() {
    m_counts->setText(tr("%1 parts: %2 OK, %3 NG, %4 unreadable").arg(m_parts).arg(m_ok).arg(m_ng).arg(m_errors));
}

void RunPanel::updateState() {
    const bool running = m_controller->isRunning();
    const QString reason = m_controller->cannotStartReason(settings());
    m_start->setEnabled(!running && reason.isEmpty());
    m_start->setToolTip(reason.isEmpty() ? tr("Inspect every part the source delivers with the active model") : reason);
    m_stop->setEnabled(running);
    for (QWidget* w : std::initializer_list<QWidget*>{m_sourceKind, m_source, m_browse, m_output, m_sort})
        w->setEnabled(!running && m_session->isOpen());
    const bool folder = m_sourceKind->currentData() == QStringLiteral("folder");
    m_move->setEnabled(!running && m_sort->isChecked() && folder);
    m_source->setPlaceholderText(folder ? tr("Folder the line writes images into")
                                        : tr("0, a video file or a stream URL"));
}

}  // namespace kensa::ui
