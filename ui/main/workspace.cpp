#include "main/workspace.h"

#include "zoom_pan_view.h"

#include <QStackedWidget>
#include <QTabBar>
#include <QVBoxLayout>

namespace kensa::ui {

Workspace::Workspace(QWidget* parent)
    : QWidget(parent), m_tabs(new QTabBar(this)), m_pages(new QStackedWidget(this)) {
    m_tabs->setDocumentMode(true);
    m_tabs->setExpanding(false);
    m_tabs->setDrawBase(true);
    m_tabs->setFocusPolicy(Qt::NoFocus);  // keys belong to the canvas
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    v->addWidget(m_tabs);
    v->addWidget(m_pages, 1);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        if (index >= 0 && index < m_order.size())
            setTask(m_order[index]);
    });
}

void Workspace::addTask(Task task, const QString& title, const QIcon& icon, QWidget* page) {
    m_order << task;
    m_pages->addWidget(page);
    const QSignalBlocker block(m_tabs);
    m_tabs->addTab(icon, title);
    if (m_order.size() == 1) {
        m_task = task;
        m_pages->setCurrentWidget(page);
    }
}

QWidget* Workspace::page(Task task) const {
    const int index = int(m_order.indexOf(task));
    return index < 0 ? nullptr : m_pages->widget(index);
}

ZoomPanView* Workspace::currentImageView() const {
    return qobject_cast<ZoomPanView*>(m_pages->currentWidget());
}

void Workspace::setTask(Task task) {
    const int index = int(m_order.indexOf(task));
    if (index < 0 || (task == m_task && m_pages->currentIndex() == index))
        return;
    auto* from = currentImageView();
    auto* to = qobject_cast<ZoomPanView*>(m_pages->widget(index));
    m_task = task;
    {
        const QSignalBlocker block(m_tabs);
        m_tabs->setCurrentIndex(index);
    }
    m_pages->setCurrentIndex(index);
    if (from && to && from->hasImage() && from->imageSize() == to->imageSize())
        to->setPlace(from->place());
    Q_EMIT taskChanged(task);
}

}  // namespace kensa::ui
