#include "canvas/annotation_controller.h"

#include "canvas/annotation_canvas.h"
#include "canvas/mask_document.h"
#include "canvas/mask_ops.h"
#include "canvas/tools/brush_tool.h"
#include "canvas/tools/fill_tool.h"
#include "canvas/tools/polygon_tool.h"
#include "canvas/tools/region_tool.h"
#include "image_convert.h"
#include "project/project_session.h"

#include <kensa/base/error.h>
#include <kensa/data/image_io.h>
#include <kensa/project/annotation_store.h>

#include <QAction>
#include <QActionGroup>
#include <QtConcurrent/QtConcurrent>

namespace kensa::ui {

struct LoadRequest {
    project::Project project;  // a copy: the load runs on another thread
    bool needMask = true;
};

AnnotationController::AnnotationController(ProjectSession* session, AnnotationCanvas* canvas, QObject* parent)
    : QObject(parent), m_session(session), m_canvas(canvas), m_toolActions(new QActionGroup(this)) {
    auto* region = new RegionTool(&m_settings, this);
    m_tools = {new BrushTool(&m_settings, this), new EraserTool(&m_settings, this),
               new PolygonTool(&m_settings, this), new FillTool(&m_settings, this), region};
    // The region of interest is the project's, for the next training: drawn on any image, kept in its pixels.
    connect(region, &RegionTool::regionDrawn, this, [this](const QPolygon& corners, QSize imageSize) {
        model::RegionOfInterest r{imageSize.width(), imageSize.height(), {}};
        for (const QPoint& p : corners)
            r.polygon.push_back({p.x(), p.y()});
        try {
            model::validate(r);
        } catch (const Error& e) {
            Q_EMIT regionRejected(QString::fromStdString(e.what()));
            return;
        }
        auto settings = m_session->project().settings;
        settings.region = r;
        m_session->setSettings(settings);
    });
    for (AnnotationTool* t : m_tools) {
        auto* a = new QAction(t->icon(), t->label(), m_toolActions);
        a->setCheckable(true);
        a->setShortcut(t->shortcut());
        a->setToolTip(tr("%1 (%2)").arg(t->label(), t->shortcut().toString(QKeySequence::NativeText)));
        a->setData(t->id());
        connect(a, &QAction::triggered, this, [this, t] { m_canvas->setTool(t); });
    }
    selectTool(QStringLiteral("brush"));
    connect(&m_watcher, &QFutureWatcher<Loaded>::finished, this, &AnnotationController::onLoaded);
    connect(session, &ProjectSession::imageChanged, this, [this](int row) {
        if (row == m_row)
            refreshColor();
    });
    connect(session, &ProjectSession::aboutToClose, this, [this] { showRow(-1); });
    connect(session, &ProjectSession::opened, this, &AnnotationController::applyTask);
    connect(session, &ProjectSession::settingsChanged, this, &AnnotationController::applyTask);
    connect(session, &ProjectSession::closed, this, &AnnotationController::applyTask);
}

bool AnnotationController::masksApply() const {
    return !m_session->isOpen() || m_session->project().settings.task != project::ProjectTask::Classification;
}

void AnnotationController::applyTask() {
    const bool masks = masksApply();
    // Explicit per action, so the window enabling the whole group on opening a project keeps these off.
    for (QAction* a : m_toolActions->actions())
        a->setEnabled(masks);
    if (!masks) {
        if (QAction* checked = m_toolActions->checkedAction())
            checked->setChecked(false);
        m_canvas->setTool(nullptr);  // a plain drag pans
    } else if (!m_toolActions->checkedAction()) {
        selectTool(QStringLiteral("brush"));
    }
}

AnnotationTool* AnnotationController::tool(const QString& id) const {
    for (AnnotationTool* t : m_tools) {
        if (t->id() == id)
            return t;
    }
    return nullptr;
}

void AnnotationController::setBrushSize(int diameter) {
    diameter = std::clamp(diameter, 1, 400);
    if (diameter == m_settings.brushSize)
        return;
    m_settings.brushSize = diameter;
    m_canvas->update();  // the brush outline
    Q_EMIT brushSizeChanged(diameter);
}

void AnnotationController::selectTool(const QString& id) {
    for (QAction* a : m_toolActions->actions()) {
        if (a->data().toString() == id) {
            a->setChecked(true);
            m_canvas->setTool(tool(id));
        }
    }
}

void AnnotationController::showRow(int row) {
    if (row < 0 || !m_session->isOpen()) {
        m_row = -1;
        m_pendingRow = -1;
        m_session->undoGroup()->setActiveStack(nullptr);
        m_canvas->showMessage(m_session->isOpen() ? tr("Select an image to annotate.") : QString());
        return;
    }
    if (m_watcher.isRunning()) {
        m_pendingRow = row;  // the newest request wins; nothing waits on the GUI thread
        return;
    }
    m_pendingRow = -1;
    m_row = row;
    auto request = std::make_shared<LoadRequest>();
    request->project = m_session->project();
    request->needMask = m_session->document(row) == nullptr;
    const std::string folder = m_session->folder().toStdString();
    m_watcher.setFuture(QtConcurrent::run([folder, row, request] { return load(folder, row, *request); }));
}

AnnotationController::Loaded AnnotationController::load(const std::string& folder, int row,
                                                        const LoadRequest& req) {
    Loaded out;
    out.row = row;
    const auto& entry = req.project.images.at(size_t(row));
    auto image = data::read_image(entry.path);
    if (!image) {
        out.error = QString::fromStdString(image.error().message());
        return out;
    }
    out.image = image_from_mat(*image);
    if (!req.needMask)
        return out;
    auto mask = project::load_mask(req.project, folder, size_t(row));
    if (!mask) {
        out.error = QString::fromStdString(mask.error().message());
        return out;
    }
    if (mask->empty()) {
        out.mask = mask_ops::blankMask(out.image.size());
    } else if (mask->cols != out.image.width() || mask->rows != out.image.height()) {
        out.error = tr("The mask's size (%1 x %2) differs from the image's (%3 x %4).")
                        .arg(mask->cols)
                        .arg(mask->rows)
                        .arg(out.image.width())
                        .arg(out.image.height());
    } else {
        out.mask = mask_from_mat(*mask);
    }
    return out;
}

void AnnotationController::onLoaded() {
    const Loaded result = m_watcher.result();
    if (m_pendingRow >= 0) {  // the user moved on while this loaded
        showRow(m_pendingRow);
        return;
    }
    if (result.row != m_row || !m_session->isOpen())
        return;
    if (!result.error.isEmpty()) {
        m_session->undoGroup()->setActiveStack(nullptr);
        m_canvas->showMessage(tr("This image cannot be shown.\n\n%1").arg(result.error));
        Q_EMIT loadFailed(result.row, result.error);
        return;
    }
    MaskDocument* doc = m_session->document(result.row);
    if (!doc)
        doc = m_session->openDocument(result.row, result.mask);
    m_session->undoGroup()->setActiveStack(doc->undoStack());
    m_canvas->setImage(result.image, doc);
    refreshColor();
    Q_EMIT loaded(result.row);
}

void AnnotationController::refreshColor() {
    if (m_row < 0 || m_row >= m_session->imageCount())
        return;
    m_canvas->setMaskColor(
        m_session->defectColor(QString::fromStdString(m_session->image(m_row).defect_type)));
}

}  // namespace kensa::ui
