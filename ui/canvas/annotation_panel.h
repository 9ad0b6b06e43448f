#pragma once
// The annotation side panel: the current image's label, defect type and flag; the tools with the brush
// size; the mask's opacity.

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace kensa::ui {

class AnnotationCanvas;
class AnnotationController;
class ProjectSession;

class AnnotationPanel : public QWidget {
    Q_OBJECT
public:
    AnnotationPanel(ProjectSession* session, AnnotationController* controller, AnnotationCanvas* canvas,
                    QWidget* parent = nullptr);

    QComboBox* defectTypeBox() const { return m_type; }
    QLabel* noMasksLabel() const { return m_noMasks; }

private:
    QWidget* makeImageGroup();
    QWidget* makeToolGroup();
    QWidget* makeViewGroup();
    void refresh();
    void refreshTypes();
    void applyLabel(int label);
    void addType();

    ProjectSession* m_session;
    AnnotationController* m_controller;
    AnnotationCanvas* m_canvas;
    QLabel* m_name = nullptr;
    QButtonGroup* m_labels = nullptr;
    QComboBox* m_type = nullptr;
    QToolButton* m_addType = nullptr;
    QToolButton* m_flag = nullptr;
    QSpinBox* m_brush = nullptr;
    QLabel* m_noMasks = nullptr;  // why the tools are off in an image-classification project
    QSlider* m_brushSlider = nullptr;
    QLabel* m_toolHint = nullptr;
    QWidget* m_maskDisplay = nullptr;  // hidden where there are no masks
    QSlider* m_opacity = nullptr;
};

}  // namespace kensa::ui
