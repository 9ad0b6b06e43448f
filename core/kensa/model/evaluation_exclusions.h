#pragma once
// Which test images a model must not be evaluated on: what it trained on or set aside, as its training
// record (ModelBundle::training_json) lists them. LibTorch-free.

#include <string>
#include <vector>

namespace kensa::model {

// The images evaluation must leave out (relative paths, as recorded), from a bundle's training_json:
// "training_images" (every image the model saw) and "set_aside_images" (defect images chosen for
// training that the model did not use, e.g. in forced normal-only mode, so both modes are evaluated on
// the same test images), and for a refined model (methods/adtr/adtr_refinement.h) those of the model it
// started from ("refined_from": "excluded_images"). Empty for models that recorded none.
std::vector<std::string> evaluation_exclusions(const std::string& training_json);

}  // namespace kensa::model
