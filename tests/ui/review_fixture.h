#pragma once
// The inspection and review panels wired over one threshold state as the main window wires them, shown:
// what the end-to-end review tests drive.

#include "inspection/inspection_panel.h"
#include "inspection/threshold_state.h"
#include "project/project_session.h"
#include "review/review_panel.h"
#include "review/review_plots.h"

namespace kensa::test {

struct ReviewPanels {
    explicit ReviewPanels(ui::ProjectSession* session)
        : inspection(session, &state), review(session, &state), plots(&state) {
        inspection.resize(420, 600);
        inspection.show();
        review.setPlots(&plots);
        review.resize(700, 500);
        review.show();
    }

    ui::ThresholdState state;  // first: the panels below hold it
    ui::InspectionPanel inspection;
    ui::ReviewPanel review;
    ui::ReviewPlots plots;
};

}  // namespace kensa::test
