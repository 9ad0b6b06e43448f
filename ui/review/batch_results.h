#pragma once
// The outcome of one batch inspection, shared read-only (std::shared_ptr<const BatchResults>) by the results
// model, the plots and the report: per image its project row, score and small map (core's InspectionRun),
// the evaluation, the model's description, and scores sorted once so verdicts at any threshold cost a binary search.

#include <kensa/engine/inspection_run.h>
#include <kensa/model/model_bundle.h>
#include <kensa/postprocess/verdicts.h>

#include <QString>

#include <memory>
#include <vector>

namespace kensa::ui {

struct BatchImage {
    int projectRow = -1;  // in ProjectSession (images are only ever appended, so rows stay valid)
    QString path;
    QString name;  // file name, for lists
    postprocess::Truth truth = postprocess::Truth::Unknown;
    QString defectType;
};

struct BatchResults {
    QString modelPath;
    // The model's description as its file holds it (method, settings, backbone, image size, thresholds,
    // training record), without its tensors: for the report.
    model::ModelBundle model;
    std::vector<BatchImage> images;
    engine::InspectionRun run;           // run.images[i] belongs to images[i]
    std::vector<float> scores;           // per image, NaN for failed ones
    std::vector<postprocess::Truth> truths;  // per image
    postprocess::VerdictCounter counter;     // over scores and truths
    double seconds = 0.0;                // wall time of the run
    // An image-classification project's run (project::ProjectTask): images are scored whole and have no
    // masks, so the pixel metrics and plots do not apply and say so instead of showing empty curves.
    bool imageLevelOnly = false;
    int trainedOn = 0;  // project images left out because the model trained on them (ADTR+ defects)

    // Fills scores, truths and counter from images and run (after both are set).
    void index();
    bool hasEvaluation() const { return run.evaluation.has_value(); }
};

using BatchResultsPtr = std::shared_ptr<const BatchResults>;

}  // namespace kensa::ui
