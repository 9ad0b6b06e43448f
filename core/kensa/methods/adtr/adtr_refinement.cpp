#include <kensa/methods/adtr/adtr_refinement.h>

#include <kensa/base/error.h>
#include <kensa/base/utf8.h>
#include <kensa/features/bundle_backbone.h>
#include <kensa/methods/adtr/adtr_reconstructor.h>
#include <kensa/methods/adtr/adtr_settings.h>
#include <kensa/model/evaluation_exclusions.h>
#include <kensa/model/model_bundle.h>

#include <sstream>

namespace kensa::adtr {

namespace {

template <typename T>
void require_same(const std::string& what, const T& model, const T& asked, const std::filesystem::path& path) {
    if (model == asked)
        return;
    std::ostringstream text;
    text << valid_utf8(path.string()) << ": cannot be refined with these settings: its " << what << " is " << model
         << ", these settings ask for " << asked;
    throw Error(text.str());
}

}  // namespace

StartingPoint load_starting_point(const std::filesystem::path& path, const AdtrConfig& shape,
                                  engine::BackboneFeatures& backbone) {
    const auto bundle = model::load_bundle(path);
    if (bundle.method != "adtr")
        throw Error(valid_utf8(path.string()) + ": a " + bundle.method + " model; only ADTR models can be refined");
    const auto& features = backbone.config();
    require_same("backbone", bundle.backbone, features.backbone, path);
    require_same("input size", bundle.image_size, features.image_size, path);
    require_same("first backbone stage", bundle.first_feature_stage, backbone.first_stage(), path);
    model::ModelBundle probe;  // the checksum of the backbone weights this training uses
    engine::describe_backbone(probe, backbone);
    if (bundle.backbone_weights_checksum != probe.backbone_weights_checksum)
        throw Error(valid_utf8(path.string()) +
                    ": cannot be refined with these settings: it was trained on other backbone weights");

    const AdtrConfig trained = config_from_settings(bundle.settings_json);
    require_same("feature channels", trained.channels, shape.channels, path);
    require_same("feature grid", trained.grid, shape.grid, path);
    require_same("transformer width", trained.hidden_dim, shape.hidden_dim, path);
    require_same("attention head count", trained.heads, shape.heads, path);
    require_same("encoder layer count", trained.encoder_layers, shape.encoder_layers, path);
    require_same("decoder layer count", trained.decoder_layers, shape.decoder_layers, path);
    require_same("feed-forward width", trained.feedforward_dim, shape.feedforward_dim, path);
    require_same("query mode", std::string(to_string(trained.query_mode)), std::string(to_string(shape.query_mode)),
                 path);
    require_same("normalisation (pre-norm)", trained.pre_norm, shape.pre_norm, path);

    StartingPoint start;
    start.model = path;
    start.checksum = model::tensor_checksum(bundle.tensors);
    start.learned_from = model::evaluation_exclusions(bundle.training_json);
    const auto tensors = nn::to_tensor_dict(bundle.tensors);
    start.standardisation = read_feature_standardisation(tensors, shape.channels, valid_utf8(path.string()));
    start.transformer = nn::strip_prefix(tensors, "adtr.");
    return start;
}

}  // namespace kensa::adtr
