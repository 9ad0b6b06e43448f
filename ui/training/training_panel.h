#pragma once
// The training panel: the project's training settings (backbone, image size, epochs, how defects are used:
// marked ones and synthetic ones, ADTR+), Train and Cancel,
// progress with the time left, the live loss curve, and the project's trained models (one active).

#include "training/training_worker.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace kensa::ui {

class LossPlot;
class ModelListModel;
class ProjectSession;
class TrainingController;

class TrainingPanel : public QWidget {
    Q_OBJECT
public:
    TrainingPanel(ProjectSession* session, QWidget* parent = nullptr);

    TrainingController* controller() const { return m_controller; }
    ModelListModel* models() const { return m_models; }
    QPushButton* trainButton() const { return m_train; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    LossPlot* lossPlot() const { return m_plot; }
    QLabel* statusLabel() const { return m_status; }
    QSpinBox* epochsBox() const { return m_epochs; }
    QSpinBox* imageSizeBox() const { return m_imageSize; }
    QPushButton* exportButton() const { return m_export; }
    QPushButton* refineButton() const { return m_refine; }
    QListView* modelList() const { return m_modelList; }
    // Exports the model in `row` to `destination` in the background; exported() reports the outcome.
    void exportModel(int row, const QString& destination);
    QComboBox* modeBox() const { return m_mode; }
    QComboBox* methodBox() const { return m_method; }
    QComboBox* taskBox() const { return m_task; }  // defect inspection / image classification (tiny images)
    QCheckBox* syntheticBox() const { return m_synthetic; }
    QComboBox* tilingBox() const { return m_tiling; }
    QSpinBox* tilePixelsBox() const { return m_tilePixels; }
    QLabel* regionLabel() const { return m_region; }
    QPushButton* clearRegionButton() const { return m_clearRegion; }

Q_SIGNALS:
    // error: empty on success.
    void exported(const QString& destination, const QString& error);
    // "Draw…" for the region of interest: the window hands the user the canvas's region tool.
    void drawRegionRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void fitSummary();  // the method's summary keeps every line: a form squeezes wrapped labels otherwise
    void loadSettings();
    void storeSettings();
    void showRegion();
    void showTask();  // the image sizes of the project's task; tiling and region off for classification
    void updateState();
    void onProgress(double fraction, const QString& text, double secondsLeft);
    void onFinished(TrainingOutcome outcome, const QString& message);

    ProjectSession* m_session;
    TrainingController* m_controller;
    ModelListModel* m_models;
    QComboBox* m_task;
    QComboBox* m_method;
    QLabel* m_methodSummary;
    QComboBox* m_backbone;
    QSpinBox* m_imageSize;
    QSpinBox* m_epochs;
    QComboBox* m_mode;
    QCheckBox* m_synthetic;
    QSpinBox* m_syntheticShare;
    QComboBox* m_tiling;     // whole image / tiles for the smallest defect / tiles of a fixed side
    QSpinBox* m_tilePixels;  // the smallest defect's or the tile's side
    QLabel* m_region;        // the region of interest: the whole image, a rectangle or a polygon
    QPushButton* m_drawRegion;
    QPushButton* m_clearRegion;
    QLabel* m_images;
    QPushButton* m_train;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_stage;
    QLabel* m_eta;
    LossPlot* m_plot;
    QLabel* m_status;
    QListView* m_modelList;
    QLabel* m_noModels;
    QPushButton* m_activate;
    QPushButton* m_refine;
    QPushButton* m_delete;
    QPushButton* m_export;
    int m_exporting = 0;  // exports running
    bool m_loading = false;
};

// "about 1 min 20 s left", "less than 5 s left" (translated); empty for an unknown time.
QString timeLeftText(double seconds);

}  // namespace kensa::ui
