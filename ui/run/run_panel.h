#pragma once
// The "Run" dock: the active model on the line. Source (a hot folder the line PC writes into, or a camera,
// video file or stream), where results go, OK/NG sorting; Start/Stop; counters and a strip of the latest
// NG parts with their heatmaps. Thin: the loop runs in core through RunController.

#include "run/run_controller.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace kensa::ui {

class ProjectSession;

class RunPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunPanel(ProjectSession* session, QWidget* parent = nullptr);

    RunController* controller() const { return m_controller; }
    RunSettings settings() const;

    // For tests and the screenshot demo.
    QComboBox* sourceKindBox() const { return m_sourceKind; }
    QLineEdit* sourceEdit() const { return m_source; }
    QLineEdit* outputEdit() const { return m_output; }
    QCheckBox* sortBox() const { return m_sort; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* stopButton() const { return m_stop; }
    QLabel* countsLabel() const { return m_counts; }
    QListWidget* ngStrip() const { return m_ngStrip; }

    static constexpr int kStripLength = 12;  // the latest NG parts shown

private:
    void onPart(const RunPart& part);
    void onStopped(const RunSummary& summary);
    void updateState();
    void showCounts();

    ProjectSession* m_session;
    RunController* m_controller;
    QComboBox* m_sourceKind;
    QLineEdit* m_source;
    QPushButton* m_browse;
    QLineEdit* m_output;
    QCheckBox* m_sort;
    QCheckBox* m_move;
    QPushButton* m_start;
    QPushButton* m_stop;
    QLabel* m_counts;
    QLabel* m_last;
    QLabel* m_status;
    QListWidget* m_ngStrip;
    int m_parts = 0, m_ok = 0, m_ng = 0, m_errors = 0;
};

}  // namespace kensa::ui
