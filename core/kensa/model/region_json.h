#pragma once
// The region of interest as JSON, one shape for the model bundle and the project file:
//   {"reference": [width, height], "polygon": [[x, y], ...]}

#include <kensa/model/region_of_interest.h>

#include <nlohmann/json_fwd.hpp>

namespace kensa::model {

nlohmann::json region_to_json(const RegionOfInterest& region);
// Throws kensa::Error on a malformed shape or numbers out of range (the region itself is not validated).
RegionOfInterest region_from_json(const nlohmann::json& j);

}  // namespace kensa::model
