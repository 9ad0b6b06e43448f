#include <kensa/model/region_json.h>

#include <kensa/base/error.h>
#include <kensa/io/json_number.h>

#include <nlohmann/json.hpp>

#include <string>

namespace kensa::model {

nlohmann::json region_to_json(const RegionOfInterest& region) {
    nlohmann::json corners = nlohmann::json::array();
    for (const RegionPoint& p : region.polygon)
        corners.push_back({p.x, p.y});
    return {{"reference", {region.reference_width, region.reference_height}}, {"polygon", corners}};
}

RegionOfInterest region_from_json(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("reference") || !j.contains("polygon") || !j["reference"].is_array() ||
        j["reference"].size() != 2 || !j["polygon"].is_array())
        throw Error("region of interest: expected {\"reference\": [width, height], \"polygon\": [[x, y], ...]}");
    RegionOfInterest region;
    region.reference_width = io::json_number<int>(j["reference"][0], "region.reference width");
    region.reference_height = io::json_number<int>(j["reference"][1], "region.reference height");
    for (const auto& corner : j["polygon"]) {
        if (!corner.is_array() || corner.size() != 2)
            throw Error("region of interest: a corner is not [x, y]");
        region.polygon.push_back({io::json_number<int>(corner[0], "region corner x"),
                                  io::json_number<int>(corner[1], "region corner y")});
    }
    return region;
}

}  // namespace kensa::model
