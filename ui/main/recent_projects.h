#pragma once
// The recently opened projects, newest first, kept in QSettings.

#include <QStringList>

namespace kensa::ui::recent_projects {

QStringList list();               // existing project folders only
void add(const QString& folder);  // moves it to the front
void remove(const QString& folder);

}  // namespace kensa::ui::recent_projects
