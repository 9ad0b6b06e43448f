#pragma once
// The comparison view: tick trained models of the project, compare them on the same test images
// (ComparisonController), and read their image ROC, pixel ROC and PRO curves overlaid, with their metrics
// in a table; "Make active" makes the selected one the model inspection uses.

#include <QWidget>

class QCustomPlot;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace kensa::ui {

class ComparisonController;
class ModelListModel;
class ProjectSession;

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    enum Plot { ImageRoc, PixelRoc, Pro, PlotCount };
    enum Column { ModelColumn, MethodColumn, ImageAurocColumn, PixelAurocColumn, AuproColumn, ImagesColumn };

    explicit ComparisonView(ProjectSession* session, QWidget* parent = nullptr);

    ComparisonController* controller() const { return m_controller; }
    QListWidget* modelList() const { return m_list; }
    QTableWidget* table() const { return m_table; }
    QCustomPlot* plot(Plot p) const { return m_plots[p]; }
    QPushButton* compareButton() const { return m_compare; }
    QPushButton* makeActiveButton() const { return m_makeActive; }
    QLabel* imageLevelNote() const { return m_imageLevelNote; }

private:
    void refreshModels();
    void showResults();
    void updateState();
    void applyTask();  // image classification: the image ROC alone, pixel columns and plots hidden with a note
    QStringList tickedModels() const;

    ProjectSession* m_session;
    ModelListModel* m_models;
    ComparisonController* m_controller;
    QListWidget* m_list;
    QPushButton* m_compare;
    QPushButton* m_cancel;
    QPushButton* m_makeActive;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTableWidget* m_table;
    QCustomPlot* m_plots[PlotCount] = {};
    QLabel* m_imageLevelNote;
};

}  // namespace kensa::ui
