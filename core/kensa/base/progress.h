#pragma once

#include <kensa/base/error.h>

#include <cstdint>
#include <functional>
#include <string>

namespace kensa {

// Reported by long-running core work. Returning false from the callback asks the work to stop;
// the work then throws kensa::Cancelled at its next check (within a second by contract).
struct Progress {
    std::string stage;  // e.g. "features", "epoch"
    int64_t done = 0;
    int64_t total = 0;
    std::string detail;  // free text, e.g. "epoch 3/30"
    double value = 0.0;  // the stage's number to plot, e.g. the training loss of the last step
};
using ProgressCallback = std::function<bool(const Progress&)>;

// Calls cb (when set) and throws Cancelled if it returns false.
inline void report(const ProgressCallback& cb, const Progress& p) {
    if (cb && !cb(p))
        throw Cancelled();
}

}  // namespace kensa
