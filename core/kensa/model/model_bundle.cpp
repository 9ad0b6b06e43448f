#include <kensa/model/model_bundle.h>

#include <kensa/base/error.h>
#include <kensa/io/json_number.h>
#include <kensa/model/region_json.h>

#include <zlib.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace kensa::model {

namespace {

using nlohmann::json;

// JSON has no NaN: unset thresholds are null.
json number_or_null(float v) {
    return std::isnan(v) ? json(nullptr) : json(v);
}
float number_or_unset(const json& j) {
    return j.is_null() ? Thresholds::kUnset : io::json_number<float>(j, "a threshold");
}

json to_json(const Thresholds& t) {
    json j{{"image", number_or_null(t.image)},
           {"pixel", number_or_null(t.pixel)},
           {"normal_quantile", t.normal_quantile},
           {"holdout_images", t.holdout_images}};
    if (t.image_f1_optimal)
        j["image_f1_optimal"] = *t.image_f1_optimal;
    if (t.pixel_f1_optimal)
        j["pixel_f1_optimal"] = *t.pixel_f1_optimal;
    return j;
}

Thresholds thresholds_from_json(const json& j) {
    Thresholds t;
    t.image = number_or_unset(j.at("image"));
    t.pixel = number_or_unset(j.at("pixel"));
    t.normal_quantile = j.at("normal_quantile");
    t.holdout_images = io::json_number<int>(j.at("holdout_images"), "thresholds.holdout_images");
    if (j.contains("image_f1_optimal"))
        t.image_f1_optimal = io::json_number<float>(j["image_f1_optimal"], "thresholds.image_f1_optimal");
    if (j.contains("pixel_f1_optimal"))
        t.pixel_f1_optimal = io::json_number<float>(j["pixel_f1_optimal"], "thresholds.pixel_f1_optimal");
    return t;
}

}  // namespace

std::string tensor_checksum(const io::TensorArchive& archive) {
    uLong crc = ::crc32(0L, Z_NULL, 0);
    for (const auto& t : archive.tensors)
        crc = ::crc32_z(crc, reinterpret_cast<const Bytef*>(t.data.data()), t.data.size());
    return "crc32:" + std::to_string(crc);
}

void save_bundle(const std::filesystem::path& path, const ModelBundle& bundle) {
    if (bundle.method.empty())
        throw file_error(path, "model has no method");
    validate(bundle.tiling);
    validate(bundle.region);
    json model{{"method", bundle.method},
                     {"settings", json::parse(bundle.settings_json)},
                     {"backbone", bundle.backbone},
                     {"backbone_weights_checksum", bundle.backbone_weights_checksum},
                     {"image_size", bundle.image_size},
                     {"first_feature_stage", bundle.first_feature_stage},
                     {"gaussian_sigma", bundle.gaussian_sigma},
                     {"score_pool", bundle.score_pool},
                     {"thresholds", to_json(bundle.thresholds)},
                     {"training", json::parse(bundle.training_json)}};
    if (bundle.tiling.enabled())
        model["tiling"] = {{"tile", bundle.tiling.tile}, {"overlap", bundle.tiling.overlap}};
    if (bundle.region.enabled())
        model["region"] = region_to_json(bundle.region);
    const int version = bundle.region.enabled()   ? kBundleFormatVersion
                        : bundle.tiling.enabled() ? kTiledBundleFormatVersion
                                                  : kUntiledBundleFormatVersion;
    io::TensorArchive archive = bundle.tensors;
    archive.metadata = {{"format", kBundleFormat},
                        {"version", std::to_string(version)},
                        {"model", model.dump(-1, ' ', false, json::error_handler_t::replace)},
                        {"checksum", tensor_checksum(archive)}};
    io::write_safetensors(path, archive);
}

ModelBundle load_bundle(const std::filesystem::path& path) {
    auto archive = io::read_safetensors(path);
    const auto meta = [&](const std::string& key) -> const std::string* {
        auto it = archive.metadata.find(key);
        return it == archive.metadata.end() ? nullptr : &it->second;
    };
    if (!meta("format") || *meta("format") != kBundleFormat)
        throw file_error(path, "not a Kensa model (a safetensors file without Kensa's model description)");
    int version = 0;
    try {
        if (!meta("version"))
            throw std::invalid_argument("no version");
        version = std::stoi(*meta("version"));
    } catch (const std::exception&) {
        throw file_error(path, "model format version is missing or unreadable");
    }
    if (version > kBundleFormatVersion)
        throw file_error(path, "model format version " + std::to_string(version) +
                                   " is newer than this Kensa reads (" +
                                   std::to_string(kBundleFormatVersion) + "); update Kensa");
    if (version < 1)
        throw file_error(path, "model format version " + std::to_string(version) + " is invalid");
    if (!meta("checksum") || *meta("checksum") != tensor_checksum(archive))
        throw file_error(path, "model file is corrupt (checksum mismatch): copy it again from its source");
    if (!meta("model"))
        throw file_error(path, "model description is missing");

    ModelBundle bundle;
    try {
        const auto model = json::parse(*meta("model"));
        bundle.backbone = model.at("backbone");
        bundle.backbone_weights_checksum = model.at("backbone_weights_checksum");
        bundle.image_size = io::json_number<int>(model.at("image_size"), "image_size");
        if (model.contains("first_feature_stage"))
            bundle.first_feature_stage = io::json_number<int>(model["first_feature_stage"], "first_feature_stage");
        if (version == 1) {  // before methods had ids: ADTR, its settings under "adtr"
            bundle.method = "adtr";
            bundle.settings_json = model.at("adtr").dump();
        } else {
            bundle.method = model.at("method").get<std::string>();
            bundle.settings_json = model.at("settings").dump();
        }
        if (!json::parse(bundle.settings_json).is_object())
            throw file_error(path, "model description is malformed (the method's settings are not an object)");
        bundle.gaussian_sigma = model.at("gaussian_sigma");
        bundle.score_pool = io::json_number<int>(model.at("score_pool"), "score_pool");
        if (version >= 3 && model.contains("tiling")) {
            const auto& t = model["tiling"];
            bundle.tiling = {io::json_number<int>(t.at("tile"), "tiling.tile"),
                             io::json_number<int>(t.at("overlap"), "tiling.overlap")};
            validate(bundle.tiling);
        }
        if (version >= 4 && model.contains("region")) {
            bundle.region = region_from_json(model["region"]);
            validate(bundle.region);
        }
        bundle.thresholds = thresholds_from_json(model.at("thresholds"));
        bundle.training_json = model.at("training").dump();
    } catch (const json::exception& e) {
        throw file_error(path, std::string("model description is malformed (") + e.what() + ")");
    } catch (const Error& e) {
        throw file_error(path, e.what());
    }
    archive.metadata.clear();
    bundle.tensors = std::move(archive);
    return bundle;
}

}  // namespace kensa::model
