#include "synthetic/synthetic_preview.h"

#include "synthetic/sample_tile.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace kensa::ui {

SyntheticPreview::SyntheticPreview(QWidget* parent)
    : QWidget(parent), m_grid(new QListWidget(this)), m_status(new QLabel(this)), m_relayout(new QTimer(this)) {
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setSelectionMode(QAbstractItemView::NoSelection);
    m_grid->setFocusPolicy(Qt::NoFocus);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    auto* title = new QLabel(tr("Preview"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto* legend = new QLabel(tr("sample, defect outlined · mask"), this);
    legend->setForegroundRole(QPalette::PlaceholderText);
    auto* again = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("New samples"), this);
    again->setToolTip(tr("Draw new random samples with the same settings"));

    auto* header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(legend);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(again);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->addLayout(header);
    v->addWidget(m_grid, 1);
    v->addLayout(bottom);
    applyTileSide(k_minTileSide);

    m_relayout->setSingleShot(true);
    m_relayout->setInterval(80);  // a dragged splitter re-renders once it rests, not on every pixel
    connect(m_relayout, &QTimer::timeout, this, [this] {
        const int side = fittingTileSide();
        if (side != m_tileSide) {
            applyTileSide(side);
            render();
        }
    });
    connect(again, &QPushButton::clicked, this, &SyntheticPreview::newSamplesRequested);
}

void SyntheticPreview::showSamples(const QList<SyntheticSample>& samples, const QStringList& captions) {
    m_samples = samples;
    m_captions = captions;
    if (m_fillsSpace)
        applyTileSide(fittingTileSide());
    render();
}

void SyntheticPreview::clearSamples() {
    m_samples.clear();
    m_captions.clear();
    m_grid->clear();
}

void SyntheticPreview::setStatus(const QString& text) {
    m_status->setText(text);
}

QString SyntheticPreview::status() const {
    return m_status->text();
}

void SyntheticPreview::setFillsSpace(bool fills) {
    m_fillsSpace = fills;
    m_relayout->start();
}

void SyntheticPreview::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (m_fillsSpace)
        m_relayout->start();
}

int SyntheticPreview::fittingTileSide() const {
    if (!m_fillsSpace)
        return k_minTileSide;
    const int count = std::max<int>(1, m_samples.isEmpty() ? 8 : int(m_samples.size()));
    const int width = m_grid->viewport()->width() - 4;
    const int height = m_grid->viewport()->height() - 4;
    const int caption = m_grid->fontMetrics().height();
    int best = k_minTileSide;
    for (int columns = 1; columns <= count; ++columns) {
        const int rows = (count + columns - 1) / columns;
        const int byWidth = (width / columns - cellWidth(0)) / 2;
        const int byHeight = height / rows - k_cellPadding - caption;
        best = std::max(best, std::min(byWidth, byHeight));
    }
    return std::clamp(best, int(k_minTileSide), int(k_maxTileSide));
}

void SyntheticPreview::applyTileSide(int side) {
    m_tileSide = side;
    m_grid->setIconSize(QSize(2 * side + k_sampleTileGap, side));
    // A fixed cell (tile plus one line of caption): cells line up in columns.
    m_grid->setGridSize(QSize(cellWidth(side), side + m_grid->fontMetrics().height() + k_cellPadding));
}

void SyntheticPreview::render() {
    m_grid->clear();
    const QColor outline(255, 64, 160);  // magenta reads on metal, wood, fabric and brick alike
    const QColor text = palette().color(QPalette::PlaceholderText);
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const SyntheticSample& s = m_samples[i];
        auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(sampleTile(s, m_tileSide, outline, text))),
                                         m_captions.value(i), m_grid);
        item->setToolTip(s.error.isEmpty() ? m_captions.value(i) : s.error);
    }
}

}  // namespace kensa::ui
