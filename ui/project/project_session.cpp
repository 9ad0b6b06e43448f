#include "project/project_session.h"

#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"
#include "project/autosaver.h"

#include <kensa/project/annotation_store.h>
#include <kensa/project/project_file.h>

#include <QColor>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <unordered_set>

namespace kensa::ui {

ProjectSession::ProjectSession(QObject* parent) : QObject(parent), m_autosaver(new Autosaver(this)) {
    connect(m_autosaver, &Autosaver::failed, this, &ProjectSession::saveFailed);
}

ProjectSession::~ProjectSession() {
    // Listeners may be half-destroyed by now (e.g. the window owning this session): close silently.
    blockSignals(true);
    close();
}

QString ProjectSession::create(const QString& folder, const QString& name) {
    const auto created = project::create_project(folder.toStdString(), name.toStdString());
    if (!created)
        return QString::fromStdString(created.error().message());
    return open(folder);
}

QString ProjectSession::open(const QString& folder) {
    auto loaded = project::load_project(folder.toStdString());
    if (!loaded)
        return QString::fromStdString(loaded.error().message());
    const QString absolute = QDir(folder).absolutePath();
    if (absolute == m_folder)
        return {};  // already open here
    auto lock = std::make_unique<QLockFile>(QDir(absolute).filePath(QStringLiteral(".kensa-project.lock")));
    lock->setStaleLockTime(0);  // stale only when its process is gone (a crash), never because it is old
    if (!lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        lock->getLockInfo(&pid, &host, &app);
        return lock->error() == QLockFile::LockFailedError
                   ? tr("%1 is open in another Kensa (process %2 on %3). Close it there first.")
                         .arg(QDir::toNativeSeparators(absolute))
                         .arg(pid)
                         .arg(host)
                   : tr("%1: cannot create a lock file (is the folder writable?)")
                         .arg(QDir::toNativeSeparators(absolute));
    }
    close();
    m_lock = std::move(lock);
    m_project = std::move(loaded).take();
    m_folder = absolute;
    m_lastMode = mode();
    removeAbandonedModelFiles();
    Q_EMIT opened();
    return {};
}

void ProjectSession::removeAbandonedModelFiles() {
    // A model is written as <name>.kensa.partial and renamed when complete; a Kensa killed in between leaves
    // the partial file. With the project's lock held no other Kensa app writes here, and a file untouched for
    // a minute is no write in progress (kensa-cli --out into this folder writes one within seconds).
    const QDir models(modelsFolder());
    const QDateTime minuteAgo = QDateTime::currentDateTime().addSecs(-60);
    for (const QFileInfo& f : models.entryInfoList({QStringLiteral("*.partial")}, QDir::Files | QDir::Hidden))
        if (f.lastModified() < minuteAgo)
            QFile::remove(f.absoluteFilePath());
}

void ProjectSession::close() {
    if (!isOpen())
        return;
    Q_EMIT aboutToClose();
    m_autosaver->flush();  // the last stroke reaches the disk before the project goes away
    m_undoGroup.setActiveStack(nullptr);
    qDeleteAll(m_documents);
    m_documents.clear();
    m_project = {};
    m_folder.clear();
    m_lock.reset();
    Q_EMIT closed();
}

QString ProjectSession::name() const {
    return QString::fromStdString(m_project.name);
}

QString ProjectSession::imagePath(int row) const {
    return QString::fromStdString(image(row).path.string());
}

QColor ProjectSession::defectColor(const QString& type) const {
    for (const auto& t : m_project.defect_types) {
        if (QString::fromStdString(t.name) == type)
            return QColor(t.color[0], t.color[1], t.color[2]);
    }
    return QColor(230, 60, 60);
}

int ProjectSession::mergeImages(const project::Project& found) {
    std::unordered_set<std::string> known;
    for (const auto& e : m_project.images)
        known.insert(e.path.string());
    const int first = imageCount();
    for (const auto& e : found.images) {
        if (known.insert(e.path.string()).second)
            m_project.images.push_back(e);
    }
    for (const auto& s : found.sources) {
        if (std::find(m_project.sources.begin(), m_project.sources.end(), s) == m_project.sources.end())
            m_project.sources.push_back(s);
    }
    const size_t types = m_project.defect_types.size();
    for (const auto& t : found.defect_types)
        project::ensure_defect_type(m_project, t.name);
    if (m_project.defect_types.size() != types)
        Q_EMIT defectTypesChanged();
    const int added = imageCount() - first;
    if (added > 0)
        Q_EMIT imagesAppended(first, imageCount() - 1);
    save();
    return added;
}

void ProjectSession::setLabel(int row, project::Label label, const QString& defectType) {
    auto& e = m_project.images.at(size_t(row));
    const std::string type = label == project::Label::Defect ? defectType.toStdString() : std::string();
    if (e.label == label && e.defect_type == type)
        return;
    e.label = label;
    e.defect_type = type;
    if (!type.empty())
        addDefectType(defectType);
    changed(row);
}

void ProjectSession::setFlagged(int row, bool flagged) {
    auto& e = m_project.images.at(size_t(row));
    if (e.flagged == flagged)
        return;
    e.flagged = flagged;
    changed(row);
}

void ProjectSession::setReviewDecision(int row, project::ReviewDecision decision) {
    auto& e = m_project.images.at(size_t(row));
    if (e.review == decision)
        return;
    e.review = decision;
    changed(row);
}

void ProjectSession::addDefectType(const QString& name) {
    const std::string n = name.trimmed().toStdString();
    if (n.empty())
        return;
    const size_t before = m_project.defect_types.size();
    project::ensure_defect_type(m_project, n);
    if (m_project.defect_types.size() != before) {
        Q_EMIT defectTypesChanged();
        save();
    }
}

void ProjectSession::setSettings(const project::ProjectSettings& settings) {
    if (!isOpen() || settings == m_project.settings)
        return;
    m_project.settings = settings;
    Q_EMIT settingsChanged();
    save();
    if (const auto now = mode(); now != m_lastMode) {  // the task decides what counts as a defect to learn from
        m_lastMode = now;
        Q_EMIT modeChanged(now);
    }
}

QString ProjectSession::modelsFolder() const {
    return isOpen() ? QDir(m_folder).filePath(QString::fromLatin1(project::k_models_dir)) : QString();
}

MaskDocument* ProjectSession::openDocument(int row, const QImage& mask) {
    if (MaskDocument* doc = m_documents.value(row))
        return doc;
    auto* doc = new MaskDocument(row, mask, this);
    m_documents.insert(row, doc);
    m_undoGroup.addStack(doc->undoStack());
    connect(doc, &MaskDocument::edited, this, [this, doc] { onDocumentEdited(doc); });
    return doc;
}

void ProjectSession::onDocumentEdited(MaskDocument* doc) {
    const int row = doc->imageRow();
    auto& e = m_project.images.at(size_t(row));
    if (e.mask.empty())
        e.mask = project::annotation_path(m_project, size_t(row));
    e.mask_pixels = mask_ops::countSet(doc->mask());
    // Drawing a defect marks the image as a defect image (of the type chosen for it).
    if (e.mask_pixels > 0 && e.label != project::Label::Defect) {
        e.label = project::Label::Defect;
        e.defect_type = m_drawingType.toStdString();
    }
    m_autosaver->saveMask(m_folder, QString::fromStdString(e.mask.generic_string()), doc->mask());
    changed(row);
}

void ProjectSession::changed(int row) {
    Q_EMIT imageChanged(row);
    save();
    const auto now = mode();
    if (now != m_lastMode) {
        m_lastMode = now;
        Q_EMIT modeChanged(now);
    }
}

void ProjectSession::save() {
    if (isOpen())
        m_autosaver->saveProject(m_folder, m_project);
}

void ProjectSession::flush() {
    m_autosaver->flush();
}

}  // namespace kensa::ui
