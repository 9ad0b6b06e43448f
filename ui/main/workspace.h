#pragma once
// The window's central area, which follows the task: Annotate (the mask canvas), Inspect (the image with its
// heatmap, outline and verdict), Synthetic defects (the preview grid) and Compare models (curves and metrics),
// one page each at full size behind a row of tabs. The docks hold the controls. Moving between the two image
// tasks keeps the place — zoom and pan — when both show an image of the same size, so a defect found while
// inspecting is still under the cursor when the user switches to mark it.

#include <QWidget>

class QStackedWidget;
class QTabBar;

namespace kensa::ui {

class ZoomPanView;

class Workspace : public QWidget {
    Q_OBJECT
public:
    enum class Task { Annotate, Inspect, Synthetic, Compare };
    Q_ENUM(Task)
    static constexpr int k_taskCount = 4;

    explicit Workspace(QWidget* parent = nullptr);

    // Each task once, in tab order.
    void addTask(Task task, const QString& title, const QIcon& icon, QWidget* page);
    Task task() const { return m_task; }
    QWidget* page(Task task) const;
    // The annotation canvas or the inspection view when one of them is in front, else nullptr.
    ZoomPanView* currentImageView() const;
    QTabBar* tabBar() const { return m_tabs; }

public Q_SLOTS:
    void setTask(kensa::ui::Workspace::Task task);

Q_SIGNALS:
    void taskChanged(kensa::ui::Workspace::Task task);

private:
    QTabBar* m_tabs;
    QStackedWidget* m_pages;
    QList<Task> m_order;  // tab index -> task
    Task m_task = Task::Annotate;
};

}  // namespace kensa::ui
