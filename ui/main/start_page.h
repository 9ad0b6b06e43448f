#pragma once
// What the window shows when no project is open: create, open, the sample project, recent projects.

#include <QWidget>

class QListWidget;

namespace kensa::ui {

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget* parent = nullptr);
    void setRecent(const QStringList& folders);

Q_SIGNALS:
    void newProject();
    void openProject();
    void openSample();
    void openRecent(const QString& folder);

private:
    QListWidget* m_recent;
};

}  // namespace kensa::ui
