#pragma once
// Inspection with the project's active model: loads it (engine::Inspector) and inspects images off the
// GUI thread, one at a time (an Inspector is not shared between threads); a request arriving while one
// runs replaces any earlier pending one. Follows the project's active model.

#include <QFutureWatcher>
#include <QImage>
#include <QObject>

#include <kensa/model/region_of_interest.h>

#include <opencv2/core.hpp>

#include <memory>
#include <optional>

namespace kensa::engine {
class Inspector;
}

namespace kensa::ui {

class ProjectSession;

struct InspectionResult {
    QString imagePath;
    QImage image;  // the image as inspected
    cv::Mat map;   // CV_32FC1 at the image's size
    float score = 0.f;
    QString error;
};

struct LoadedModel {
    std::shared_ptr<engine::Inspector> inspector;
    QString path;
    QString error;
};

class InspectionController : public QObject {
    Q_OBJECT
public:
    explicit InspectionController(ProjectSession* session, QObject* parent = nullptr);
    ~InspectionController() override;

    bool hasModel() const { return m_model.inspector != nullptr; }
    QString modelPath() const { return m_model.path; }
    float defaultImageThreshold() const;
    float defaultPixelThreshold() const;
    std::optional<float> f1ImageThreshold() const;  // when the model was evaluated on labelled images
    std::optional<float> f1PixelThreshold() const;
    // The active model's region of interest (none: the whole image).
    model::RegionOfInterest region() const;
    int inspections() const { return m_inspections; }  // model runs so far (tests)

public Q_SLOTS:
    void inspect(const QString& imagePath);
    void reloadModel();  // the project's active model (none: clears)

Q_SIGNALS:
    void modelChanged();
    void modelFailed(const QString& message);
    void inspected(const kensa::ui::InspectionResult& result);

private:
    void onLoaded();
    void onInspected();

    ProjectSession* m_session;
    LoadedModel m_model;
    QFutureWatcher<LoadedModel> m_loader;
    QFutureWatcher<InspectionResult> m_runner;
    QString m_pending;
    QString m_runningPath;                          // what m_runner inspects, and with which model
    std::shared_ptr<engine::Inspector> m_runningInspector;
    int m_inspections = 0;
};

}  // namespace kensa::ui

Q_DECLARE_METATYPE(kensa::ui::InspectionResult)
