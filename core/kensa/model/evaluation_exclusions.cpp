#include <kensa/model/evaluation_exclusions.h>

#include <nlohmann/json.hpp>

namespace kensa::model {

std::vector<std::string> evaluation_exclusions(const std::string& training_json) {
    const auto record = nlohmann::json::parse(training_json, nullptr, false);
    std::vector<std::string> out;
    const auto add = [&out](const nlohmann::json& object, const char* key) {
        if (object.is_object() && object.contains(key) && object[key].is_array())
            for (const auto& path : object[key])
                if (path.is_string())
                    out.push_back(path.get<std::string>());
    };
    add(record, "training_images");
    add(record, "set_aside_images");
    // A refined model learned from what the model it started from learned from, too.
    if (record.is_object() && record.contains("refined_from"))
        add(record["refined_from"], "excluded_images");
    return out;
}

}  // namespace kensa::model
