#include <kensa/methods/adtr/adtr_settings.h>

#include <kensa/base/error.h>

#include <nlohmann/json.hpp>

namespace kensa::adtr {

using nlohmann::json;

std::string settings_json(const AdtrConfig& c) {
    return json{{"channels", c.channels},
                {"grid", c.grid},
                {"hidden_dim", c.hidden_dim},
                {"heads", c.heads},
                {"encoder_layers", c.encoder_layers},
                {"decoder_layers", c.decoder_layers},
                {"feedforward_dim", c.feedforward_dim},
                {"dropout", c.dropout},
                {"query_mode", std::string(to_string(c.query_mode))},
                {"pre_norm", c.pre_norm},
                {"neighbour_mask", c.neighbour_mask},
                {"mask_encoder", c.mask_encoder},
                {"jitter_scale", c.jitter_scale}}
        .dump();
}

AdtrConfig config_from_settings(const std::string& settings) {
    try {
        const auto j = json::parse(settings);
        // Written by models trained before the measured-and-off options were removed.
        if (j.value("position_embedding", std::string("learned")) != "learned")
            throw Error("the model was trained with " + j.at("position_embedding").get<std::string>() +
                        " position codes, which this Kensa no longer runs: train it again");
        AdtrConfig c;
        c.channels = j.at("channels");
        c.grid = j.at("grid");
        c.hidden_dim = j.at("hidden_dim");
        c.heads = j.at("heads");
        c.encoder_layers = j.at("encoder_layers");
        c.decoder_layers = j.at("decoder_layers");
        c.feedforward_dim = j.at("feedforward_dim");
        c.dropout = j.at("dropout");
        const auto mode = parse_query_mode(j.at("query_mode").get<std::string>());
        if (!mode)
            throw Error("unknown query_mode " + j.at("query_mode").dump());
        c.query_mode = *mode;
        c.pre_norm = j.at("pre_norm");
        c.neighbour_mask = j.at("neighbour_mask");
        c.mask_encoder = j.at("mask_encoder");
        c.jitter_scale = j.at("jitter_scale");  // training only; jitter_probability (version 1) likewise
        c.validate();
        return c;
    } catch (const json::exception& e) {
        throw Error(std::string("ADTR settings are malformed (") + e.what() + ")");
    }
}

}  // namespace kensa::adtr
