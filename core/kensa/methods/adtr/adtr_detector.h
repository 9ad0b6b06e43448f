#pragma once
// A loaded ADTR model (method-internal): backbone, per-channel standardisation and transformer from a
// bundle; scores images as the reconstruction error per grid position, plus the memory term when the
// model has one (adtr_memory.h). LibTorch-free header.

#include <kensa/methods/method.h>

#include <memory>

namespace kensa::adtr {

// Throws kensa::Error when the bundle's settings or tensors do not fit ADTR.
std::unique_ptr<engine::Detector> load_adtr_detector(const model::ModelBundle& bundle, int threads);

}  // namespace kensa::adtr
