#include <kensa/model/evaluation_exclusions.h>

#include <nlohmann/json.hpp>

namespace kensa::model {

std::vector<std::string> evaluation_exclusions(const std::string& training_json) {
    const auto record = nlohmann::json::parse(training_json, nullptr, false);
    std::vector<std::string> out;
    for (const char* key : {"training_images", "set_aside_images"})
        if (record.is_object() && record.contains(key) && record[key].is_array())
            for (const auto& path : record[key])
                if (path.is_string())
                    out.push_back(path.get<std::string>());
    // A refined model learned from what the model it started from learned from, too.
    if (record.is_object() && record.contains("refined_from") && record["refined_from"].is_object()) {
        const auto& earlier = record["refined_from"];
        if (earlier.contains("excluded_images") && earlier["excluded_images"].is_array())
            for (const auto& path : earlier["excluded_images"])
                if (path.is_string())
                    out.push_back(path.get<std::string>());
    }
    return out;
}

}  // namespace kensa::model
