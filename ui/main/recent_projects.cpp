#include "main/recent_projects.h"

#include <kensa/project/project_file.h>

#include <QDir>
#include <QSettings>

namespace kensa::ui::recent_projects {

namespace {
const QString k_key = QStringLiteral("projects/recent");
constexpr int k_max = 10;
}  // namespace

QStringList list() {
    QStringList out;
    for (const QString& f : QSettings().value(k_key).toStringList()) {
        if (project::is_project_folder(f.toStdString()))
            out << f;
    }
    return out;
}

void add(const QString& folder) {
    const QString f = QDir(folder).absolutePath();
    QStringList l = QSettings().value(k_key).toStringList();
    l.removeAll(f);
    l.prepend(f);
    while (l.size() > k_max)
        l.removeLast();
    QSettings().setValue(k_key, l);
}

void remove(const QString& folder) {
    QStringList l = QSettings().value(k_key).toStringList();
    l.removeAll(QDir(folder).absolutePath());
    QSettings().setValue(k_key, l);
}

}  // namespace kensa::ui::recent_projects
