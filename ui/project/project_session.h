#pragma once
// The open project: its data (kensa::project::Project), its folder, the masks being edited (one
// MaskDocument and undo history per image, in a QUndoGroup) and autosaving. Every change the user makes is
// queued for the background writer at once; see Autosaver for the guarantees.

#include <kensa/project/project.h>

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoGroup>

#include <memory>

class QLockFile;

namespace kensa::ui {

class Autosaver;
class MaskDocument;

class ProjectSession : public QObject {
    Q_OBJECT
public:
    explicit ProjectSession(QObject* parent = nullptr);
    ~ProjectSession() override;

    // Both return an empty string on success, else a message for the user. Opening replaces the open project.
    // A project is open in one Kensa at a time (a lock file in its folder; a crashed Kensa's lock is taken
    // over).
    QString create(const QString& folder, const QString& name = {});
    QString open(const QString& folder);
    void close();

    bool isOpen() const { return !m_folder.isEmpty(); }
    QString folder() const { return m_folder; }
    QString name() const;
    const project::Project& project() const { return m_project; }
    project::TrainingMode mode() const { return project::training_mode(m_project); }
    int imageCount() const { return int(m_project.images.size()); }
    const project::ImageEntry& image(int row) const { return m_project.images.at(size_t(row)); }
    QString imagePath(int row) const;
    QColor defectColor(const QString& type) const;

    // Appends images found (off the GUI thread) by kensa::project::add_image_folder / import_mvtec_product
    // run on a scratch project; images the project has already are skipped. Returns how many were added.
    int mergeImages(const project::Project& found);

    void setLabel(int row, project::Label label, const QString& defectType = {});
    void setFlagged(int row, bool flagged);
    void setReviewDecision(int row, project::ReviewDecision decision);  // from reviewing inspection results
    void addDefectType(const QString& name);
    // Training settings and the active model (saved with the project).
    void setSettings(const project::ProjectSettings& settings);
    // The project's models/ folder.
    QString modelsFolder() const;
    // The type given to an image that gets its first marked pixels while unlabelled or normal.
    void setDrawingDefectType(const QString& name) { m_drawingType = name; }

    // The mask document of `row`, if one was opened in this session (it keeps its undo history).
    MaskDocument* document(int row) const { return m_documents.value(row); }
    // Creates (or returns) row's document, starting from `mask` (Format_Grayscale8 0/255).
    MaskDocument* openDocument(int row, const QImage& mask);
    QUndoGroup* undoGroup() { return &m_undoGroup; }

    // Queues the project file for writing now (everything else is saved as it changes).
    void save();
    // Blocks until every queued write is on disk (closing, tests).
    void flush();
    Autosaver* autosaver() const { return m_autosaver; }

Q_SIGNALS:
    void opened();
    void aboutToClose();
    void closed();
    void imagesAppended(int first, int last);
    void imageChanged(int row);
    void defectTypesChanged();
    void settingsChanged();
    void modeChanged(project::TrainingMode mode);
    void saveFailed(const QString& message);

private:
    void removeAbandonedModelFiles();  // models/*.partial a killed Kensa left (older than a minute)
    void onDocumentEdited(MaskDocument* doc);
    void changed(int row);  // a row's entry changed: notify, save, check the mode

    project::Project m_project;
    QString m_folder;
    project::TrainingMode m_lastMode = project::TrainingMode::NormalOnly;
    QString m_drawingType;
    QHash<int, MaskDocument*> m_documents;
    QUndoGroup m_undoGroup;
    Autosaver* m_autosaver;
    std::unique_ptr<QLockFile> m_lock;
};

}  // namespace kensa::ui
