#include "review/batch_results.h"

namespace kensa::ui {

void BatchResults::index() {
    scores = run.scores();
    truths.clear();
    for (const BatchImage& i : images)
        truths.push_back(i.truth);
    counter = postprocess::VerdictCounter(scores, truths);
}

}  // namespace kensa::ui
