#pragma once
// ADTR's settings in a model bundle (ModelBundle::settings_json): its transformer configuration.
// LibTorch-free.

#include <kensa/methods/adtr/adtr_config.h>

#include <string>

namespace kensa::adtr {

std::string settings_json(const AdtrConfig& config);

// Throws kensa::Error when a field is missing or invalid, and for settings of models trained with what
// this Kensa no longer runs (sine position codes), saying to retrain.
AdtrConfig config_from_settings(const std::string& settings_json);

}  // namespace kensa::adtr
