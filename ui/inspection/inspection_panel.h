#pragma once
// The inspection view: the current image inspected with the active model, its heatmap (colour map,
// opacity, toggle) and defect outlines, the score with an OK/NG verdict, and image- and pixel-threshold
// sliders that update the verdict and outlines at once without running the model again. The thresholds
// are a ThresholdState shared with the batch review and plots (defaults: the model's thresholds from
// held-out normal images; a button sets the F1-optimal ones once labelled images were evaluated).

#include "inspection/inspection_controller.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSlider;

namespace kensa::ui {

class InspectionView;
class ProjectSession;
class ThresholdSlider;
class ThresholdState;

class InspectionPanel : public QWidget {
    Q_OBJECT
public:
    // Without `thresholds`, the panel keeps its own. Without `view`, the panel shows the image itself;
    // with one, the view lives elsewhere (the window's central area) and the panel holds the controls.
    explicit InspectionPanel(ProjectSession* session, QWidget* parent = nullptr);
    InspectionPanel(ProjectSession* session, ThresholdState* thresholds, QWidget* parent = nullptr);
    InspectionPanel(ProjectSession* session, ThresholdState* thresholds, InspectionView* view,
                    QWidget* parent = nullptr);

    InspectionController* controller() const { return m_controller; }
    InspectionView* view() const { return m_view; }
    QLabel* verdictLabel() const { return m_verdict; }
    QLabel* imageLevelNote() const { return m_imageLevelNote; }
    ThresholdSlider* imageThresholdSlider() const { return m_imageSlider; }
    ThresholdSlider* pixelThresholdSlider() const { return m_pixelSlider; }
    QPushButton* f1Button() const { return m_f1Button; }
    ThresholdState* thresholds() const { return m_thresholds; }
    float imageThreshold() const;
    float pixelThreshold() const;

public Q_SLOTS:
    void showRow(int row);

Q_SIGNALS:
    void verdictChanged();

protected:
    void showEvent(QShowEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onModelChanged();
    void onInspected(const InspectionResult& result);
    void updateHeatmap();
    void updateVerdict();
    void updateRanges();
    void applyTask();  // image classification: no heatmap, no outline, no pixel threshold, a note why
    bool isShowing() const;  // the panel or its view is on screen: only then the model runs

    ProjectSession* m_session;
    ThresholdState* m_thresholds;
    InspectionController* m_controller;
    InspectionView* m_view;
    QLabel* m_model;
    QLabel* m_score;
    QLabel* m_verdict;
    QCheckBox* m_showHeatmap;
    QSlider* m_opacity;
    QComboBox* m_colours;
    ThresholdSlider* m_imageSlider;
    ThresholdSlider* m_pixelSlider;
    QPushButton* m_defaultsButton;
    QPushButton* m_f1Button;
    QFormLayout* m_form;
    QLabel* m_imageLevelNote;  // shown in an image-classification project instead of the pixel controls
    bool m_imageLevelOnly = false;
    InspectionResult m_result;
    int m_row = -1;
    QString m_shownPath;   // the image m_result belongs to
    QString m_placedPath;  // the image the view shows, whose zoom and pan a re-inspection keeps
};

}  // namespace kensa::ui
