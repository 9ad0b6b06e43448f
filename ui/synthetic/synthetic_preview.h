#pragma once
// The synthetic-defect preview: a grid of samples (each a normal image with a generated defect outlined,
// beside its mask), a status line and "New samples". Display only — the SyntheticPanel generates. In a dock
// the cells keep their small size; in the window's central area (`setFillsSpace`) they grow with the widget
// so that every sample is as large as fits without scrolling, and a defect's edge can actually be judged.

#include "synthetic/generator_catalog.h"
#include "synthetic/sample_tile.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTimer;

namespace kensa::ui {

class SyntheticPreview : public QWidget {
    Q_OBJECT
public:
    static constexpr int k_minTileSide = 90;
    static constexpr int k_maxTileSide = 420;
    static constexpr int k_cellPadding = 12;  // around a cell, inside the grid

    explicit SyntheticPreview(QWidget* parent = nullptr);

    void showSamples(const QList<SyntheticSample>& samples, const QStringList& captions);
    void clearSamples();
    void setStatus(const QString& text);
    void setFillsSpace(bool fills);

    QListWidget* grid() const { return m_grid; }
    const QList<SyntheticSample>& samples() const { return m_samples; }
    // A cell's width for tiles `side` high: the sample and its mask side by side, with padding.
    static constexpr int cellWidth(int side) { return 2 * side + k_sampleTileGap + k_cellPadding; }
    int tileSide() const { return m_tileSide; }
    QString status() const;

Q_SIGNALS:
    void newSamplesRequested();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    int fittingTileSide() const;  // the largest cell side at which every sample fits the grid's area
    void applyTileSide(int side);
    void render();

    QListWidget* m_grid;
    QLabel* m_status;
    QTimer* m_relayout;
    QList<SyntheticSample> m_samples;
    QStringList m_captions;
    int m_tileSide = k_minTileSide;
    bool m_fillsSpace = false;
};

}  // namespace kensa::ui
