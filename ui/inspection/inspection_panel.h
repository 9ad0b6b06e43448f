#pragma once
// The inspection view: the current image inspected with the active model, its heatmap (colour map,
// opacity, toggle) and defect outlines, the score with an OK/NG verdict, and image- and pixel-threshold
// sliders that update the verdict and outlines at once without running the model again (defaults: the
// model's thresholds from held-out normal images).

#include "inspection/inspection_controller.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

namespace kensa::ui {

class InspectionView;
class ProjectSession;

class InspectionPanel : public QWidget {
    Q_OBJECT
public:
    InspectionPanel(ProjectSession* session, QWidget* parent = nullptr);

    InspectionController* controller() const { return m_controller; }
    InspectionView* view() const { return m_view; }
    QLabel* verdictLabel() const { return m_verdict; }
    QSlider* imageThresholdSlider() const { return m_imageSlider; }
    QSlider* pixelThresholdSlider() const { return m_pixelSlider; }
    float imageThreshold() const;
    float pixelThreshold() const;

public Q_SLOTS:
    void showRow(int row);

Q_SIGNALS:
    void verdictChanged();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void onModelChanged();
    void onInspected(const InspectionResult& result);
    void updateHeatmap();
    void updateVerdict();

    ProjectSession* m_session;
    InspectionController* m_controller;
    InspectionView* m_view;
    QLabel* m_model;
    QLabel* m_score;
    QLabel* m_verdict;
    QCheckBox* m_showHeatmap;
    QSlider* m_opacity;
    QComboBox* m_colours;
    QSlider* m_imageSlider;
    QSlider* m_pixelSlider;
    QLabel* m_imageValue;
    QLabel* m_pixelValue;
    InspectionResult m_result;
    int m_row = -1;
    QString m_shownPath;  // the image m_result belongs to
};

}  // namespace kensa::ui
