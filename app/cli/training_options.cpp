#include "training_options.h"

#include "cli_support.h"

#include "product_images.h"

#include <kensa/base/error.h>
#include <kensa/data/defect_selection.h>
#include <kensa/data/synthetic/registry.h>
#include <kensa/methods/registry.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

namespace kensa::cli {

namespace {

std::string known_generators() {
    std::string ids;
    for (const auto& info : data::synthetic::generator_catalog())
        ids += (ids.empty() ? "" : ", ") + info.id;
    return ids;
}

// "all", or comma-separated generator ids each with an optional ":share" ("confetti:2,scratch").
// Returns an error message, or empty when the text is valid (then `out` holds the choices).
std::string parse_generators(const std::string& text, std::vector<data::synthetic::GeneratorChoice>& out) {
    out.clear();
    if (text == "all")
        return {};
    std::stringstream items(text);
    std::string item;
    while (std::getline(items, item, ',')) {
        data::synthetic::GeneratorChoice choice;
        const auto colon = item.find(':');
        choice.id = item.substr(0, colon);
        if (!data::synthetic::find_generator(choice.id))
            return "unknown synthetic defect generator '" + choice.id + "'; known: " + known_generators() +
                   " (or all)";
        if (colon != std::string::npos) {
            try {
                size_t used = 0;
                choice.share = std::stod(item.substr(colon + 1), &used);
                if (used != item.size() - colon - 1 || !(choice.share > 0))
                    throw std::invalid_argument("share");
            } catch (const std::exception&) {
                return "'" + item + "': a generator's share must be a positive number, as in confetti:2";
            }
        }
        out.push_back(choice);
    }
    if (out.empty())
        return "no synthetic defect generator given; known: " + known_generators() + " (or all)";
    return {};
}

// "generator.param=value", e.g. "perlin_texture.max_opacity=0.5". Returns an error message, or empty when
// the generator, the parameter and the value are valid (then `out` holds them).
struct GeneratorSetting {
    std::string id, name;
    double value = 0;
};
std::string parse_generator_setting(const std::string& text, GeneratorSetting& out) {
    const auto dot = text.find('.'), equals = text.find('=');
    if (dot == std::string::npos || equals == std::string::npos || equals < dot)
        return "'" + text + "': expected generator.parameter=value, e.g. perlin_texture.max_opacity=0.5";
    out.id = text.substr(0, dot);
    out.name = text.substr(dot + 1, equals - dot - 1);
    try {
        size_t used = 0;
        const auto value = text.substr(equals + 1);
        out.value = std::stod(value, &used);
        if (used != value.size())
            throw std::invalid_argument("value");
        data::synthetic::make_generator(out.id)->set_param(out.name, out.value);  // checks name and range
    } catch (const Error& e) {
        return e.what();
    } catch (const std::exception&) {
        return "'" + text + "': the value must be a number";
    }
    return {};
}

// Puts each setting into the mix's choice for its generator ("all" becomes the list of every generator).
void apply_generator_settings(const std::vector<std::string>& settings, data::synthetic::MixConfig& mix) {
    if (settings.empty())
        return;
    if (mix.generators.empty())
        for (const auto& info : data::synthetic::generator_catalog())
            mix.generators.push_back({info.id});
    for (const auto& text : settings) {
        GeneratorSetting setting;
        parse_generator_setting(text, setting);  // validated when parsed
        const auto choice = std::find_if(mix.generators.begin(), mix.generators.end(),
                                         [&](const auto& c) { return c.id == setting.id; });
        if (choice == mix.generators.end())
            throw Error("--synthetic-set " + text + ": '" + setting.id + "' is not among the --synthetic generators");
        choice->params[setting.name] = setting.value;
    }
}

}  // namespace

void add_training_options(CLI::App& cmd, TrainingOptions& options, bool with_method) {
    auto& c = options.config;
    cmd.add_option("--backbone", c.features.backbone, "Backbone id (see 'kensa-cli backbones')")
        ->capture_default_str();
    cmd.add_option("--weights", c.features.weights, "Backbone weights file (default: the installed ones)");
    cmd.add_flag("--random-init", c.features.random_init, "Random backbone weights (for comparisons only)");
    cmd.add_option("--image-size", c.features.image_size, "Model input size, a multiple of 16")
        ->capture_default_str();
    cmd.add_option("--seed", c.seed, "Random seed (same seed and data, same model)")->capture_default_str();
    cmd.add_option("--threads", c.features.threads, "CPU threads (0 = all)")->capture_default_str();
    if (with_method) {
        std::string methods;
        for (const auto* m : engine::methods())
            methods += std::string(methods.empty() ? "" : "; ") + std::string(m->id()) + ": " + std::string(m->summary());
        cmd.add_option("--method", c.method, "Anomaly-detection method (" + methods + ")")
            ->check(CLI::IsMember(engine::method_ids()))
            ->capture_default_str();
    }

    // ADTR's training and transformer (kensa/methods/adtr/adtr_options.h, adtr_config.h); defaults measured.
    auto* model = cmd.add_option_group("ADTR", "ADTR's training, transformer shape and regularisers");
    // CLI11 runs option callbacks in the order options are defined: --epochs's before --refine's.
    model->add_option("--epochs", c.adtr.epochs, "Training epochs")
        ->capture_default_str()
        ->check(CLI::PositiveNumber)
        ->each([&options](const std::string&) { options.epochs_given = true; });
    model->add_option("--refine", c.adtr.start_from,
                      "Start from this ADTR model's transformer instead of random weights (same backbone, size "
                      "and shape), e.g. to refine a normal-only model with marked defects; " +
                          std::to_string(adtr::AdtrOptions::kRefinementEpochs) + " --epochs unless given")
        ->check(CLI::ExistingFile)
        ->each([&c, &options](const std::string&) {
            if (!options.epochs_given)  // the app's "Refine" trains the same recipe
                c.adtr.epochs = adtr::AdtrOptions::kRefinementEpochs;
        });
    model->add_option("--grid", c.features.grid_size,
                      "Feature grid side the transformer works on (0: stride 16, 14 for 224 px)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    model->add_option("--batch", c.adtr.batch_size, "Images per training step")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    model->add_option("--lr", c.adtr.learning_rate, "AdamW learning rate")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    model->add_option("--weight-decay", c.adtr.weight_decay, "AdamW weight decay")->capture_default_str();
    model->add_option_function<std::string>(
           "--precision", [&c](const std::string& name) { c.adtr.precision = *parse_precision(name); },
           "Transformer arithmetic: auto (bf16 where the CPU has native bf16), fp32 or bf16")
        ->check(CLI::IsMember(names_of(kPrecisionNames)))
        ->default_str(std::string(to_string(c.adtr.precision)));
    model
        ->add_option_function<std::string>(
            "--positions", [&c](const std::string& name) { c.adtr.positions = *postprocess::parse_position_scoring(name); },
            "Score each grid position relative to its spread on the normal training images (normalised), not "
            "(raw), or choose on held-out images with synthetic defects (chosen)")
        ->check(CLI::IsMember(names_of(postprocess::kPositionScoringNames)))
        ->default_str(std::string(postprocess::to_string(c.adtr.positions)));
    model->add_option("--memory-weight", c.adtr.memory_weight,
                      "Weight of the distance to the nearest normal training feature beside the reconstruction "
                      "error (0: reconstruction alone)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    model->add_option("--memory-stride", c.adtr.memory_stride,
                      "Features of the memory: 8 or 4, PatchCore's locally aware patches on a grid of that stride; "
                      "0, the transformer's own grid (every training position)")
        ->capture_default_str()
        ->check(CLI::IsMember({0, 4, 8}));
    model->add_option("--layers", c.adtr.model.encoder_layers, "Encoder layers (decoder layers follow)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber)
        ->each([&c](const std::string&) { c.adtr.model.decoder_layers = std::max(1, c.adtr.model.encoder_layers); });
    model->add_option("--decoder-layers", c.adtr.model.decoder_layers, "Decoder layers (after --layers)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    model->add_option("--hidden", c.adtr.model.hidden_dim, "Transformer width")->capture_default_str();
    model->add_option("--heads", c.adtr.model.heads, "Attention heads (divides --hidden)")->capture_default_str();
    model->add_option("--feedforward", c.adtr.model.feedforward_dim, "Feed-forward inner width")
        ->capture_default_str();
    model->add_option("--dropout", c.adtr.model.dropout, "Dropout in training")->capture_default_str();
    model
        ->add_option_function<std::string>(
            "--query", [&c](const std::string& name) { c.adtr.model.query_mode = *adtr::parse_query_mode(name); },
            "Decoder query: none (the jittered input tokens; default), or a per_layer or shared learned "
            "embedding (the paper's auxiliary query)")
        ->check(CLI::IsMember(names_of(adtr::kQueryModeNames)))
        ->default_str(std::string(adtr::to_string(c.adtr.model.query_mode)));
    model->add_option("--neighbour-mask", c.adtr.model.neighbour_mask, "Attention window side (odd; 0 = off)")
        ->capture_default_str();
    model->add_flag("--mask-encoder,!--no-mask-encoder", c.adtr.model.mask_encoder,
                    "Apply the neighbourhood mask in the encoder too (default)");
    model->add_option("--jitter", c.adtr.model.jitter_scale, "Feature jitter scale in training (0 = off)")
        ->capture_default_str();
    model->add_flag("--pre-norm,!--post-norm", c.adtr.model.pre_norm,
                    "LayerNorm before (default), not after, each sub-layer");
    model->add_flag("--last-stage-only", c.features.last_stage_only,
                    "Use only the backbone's deepest stage (the single-scale ablation)");

    // Large images (kensa/model/tiling.h): every method trains and inspects tile by tile.
    auto* tiles = cmd.add_option_group("Tiling", "Large images: inspect overlapping tiles, not the image squeezed "
                                                 "to the model's input");
    auto* tile = tiles->add_option("--tile", c.tiling.tile,
                                   "Tile side in image pixels (0: no tiling); the model records it")
                     ->capture_default_str()
                     ->check(CLI::NonNegativeNumber);
    tiles->add_option("--smallest-defect", c.smallest_defect,
                      "Choose the tile side so that a defect this many image pixels wide stays visible at the "
                      "model's input (no tiling when the images are small enough)")
        ->check(CLI::PositiveNumber)
        ->excludes(tile);
    tiles->add_option("--tile-overlap", c.tiling.overlap, "Pixels shared by neighbouring tiles (default: an eighth "
                                                          "of the tile)")
        ->check(CLI::NonNegativeNumber);
    tiles->add_option("--max-training-tiles", c.max_training_tiles,
                      "Most tiles the model trains on, spread evenly over the images and their parts")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);

    // The region of interest (kensa/model/region_of_interest.h), in the pixels of the first normal image.
    auto* roi = cmd.add_option_group("Region of interest",
                                     "Learn and inspect only this part of the image; outside it nothing is flagged");
    auto* rect = roi->add_option_function<std::vector<int>>(
                        "--roi", [&c](const std::vector<int>& v) { c.region = model::rectangle_region(v[0], v[1], v[2], v[3]); },
                        "Rectangle X,Y,WIDTH,HEIGHT in image pixels; the model records it")
                     ->delimiter(',')
                     ->expected(4);
    roi->add_option_function<std::vector<int>>(
           "--roi-polygon",
           [&c](const std::vector<int>& v) {
               if (v.size() < 6 || v.size() % 2 != 0)
                   throw CLI::ValidationError("--roi-polygon", "needs X,Y pairs of at least 3 corners");
               c.region = {};
               for (size_t i = 0; i < v.size(); i += 2)
                   c.region.polygon.push_back({v[i], v[i + 1]});
           },
           "Polygon X1,Y1,X2,Y2,X3,Y3,... around the part, in image pixels")
        ->delimiter(',')
        ->excludes(rect);

    // The reference methods (kensa/methods/<id>/<id>_options.h); defaults are their papers'.
    auto* patchcore = cmd.add_option_group("PatchCore", "--method patchcore: memory bank of locally aware patches");
    patchcore->add_option("--coreset-ratio", c.patchcore.coreset_ratio, "Share of training patches kept (greedy k-center)")
        ->capture_default_str()
        ->check(CLI::Range(1e-4, 1.0));
    patchcore->add_option("--projection-dim", c.patchcore.projection_dim,
                          "Random projection size for the coreset's distances (0: none)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    patchcore->add_option("--reweight-neighbours", c.patchcore.reweight_neighbours,
                          "Memory neighbours in the image score's re-weighting")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    auto* padim = cmd.add_option_group("PaDiM", "--method padim: a Gaussian per position");
    padim->add_option("--padim-channels", c.padim.channels, "Random channel subset (0: all)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    padim->add_option("--padim-stride", c.padim.grid_stride, "Grid stride in input pixels (4, 8 or 16)")
        ->capture_default_str()
        ->check(CLI::IsMember({4, 8, 16}));
    padim
        ->add_option_function<std::string>(
            "--padim-precision", [&c](const std::string& name) { c.padim.precision = *parse_precision(name); },
            "Backbone arithmetic: auto (bf16 where the CPU has native bf16), fp32 or bf16")
        ->check(CLI::IsMember(names_of(kPrecisionNames)))
        ->default_str(std::string(to_string(c.padim.precision)));
    auto* spade = cmd.add_option_group("SPADE", "--method spade: image kNN, then pixel kNN");
    spade->add_option("--spade-k", c.spade.k_images, "Nearest normal images (K)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    spade->add_option("--spade-kappa", c.spade.k_pixels, "Nearest gallery features per position")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    spade->add_option("--spade-stride", c.spade.grid_stride, "Grid stride in input pixels (4, 8 or 16)")
        ->capture_default_str()
        ->check(CLI::IsMember({4, 8, 16}));
    auto* denoiser = cmd.add_option_group("Diffusion denoiser", "--method diffusion: noise, denoise, compare");
    denoiser->add_option("--diffusion-size", c.diffusion.resolution, "The denoiser's image side (a multiple of 16)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    denoiser->add_option("--diffusion-width", c.diffusion.base_channels, "The UNet's first-level width")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    denoiser->add_option("--diffusion-epochs", c.diffusion.epochs, "Passes over the normal images")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    denoiser->add_option("--diffusion-start", c.diffusion.start_step,
                         "Inspection noises each image to this step of the schedule, then denoises it")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    denoiser->add_option("--diffusion-alpha", c.diffusion.alpha,
                         "Share of the KL term in the map (the rest: the feature term)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));

    // ADTR+ (kensa/methods/adtr/adtr_plus.h): real defects with masks and/or synthetic defects.
    auto& a = c.adtr.anomaly;
    auto* plus = cmd.add_option_group("Defects (ADTR+)", "Training with defect images and synthetic defects");
    plus->add_option_function<std::string>(
            "--mode", [&a](const std::string& name) { a.mode = *model::parse_training_mode(name); },
            "auto: anomaly-available when defects are given (--train-defects, --synthetic), else "
            "normal-only; normal or anomaly force the mode")
        ->check(CLI::IsMember(names_of(model::kTrainingModeIds)))
        ->default_str(std::string(model::to_string(a.mode)));
    auto* per_type =
        plus->add_option("--train-defects", options.train_defects,
                         "Train on the first N defect images of every type of the test split (by file name, "
                         "with their ground_truth masks); evaluation leaves them out")
            ->check(CLI::NonNegativeNumber);
    plus->add_option("--set-aside", options.set_aside,
                     "Leave the first N defect images of every type out of evaluation, trained on or not (to "
                     "compare with a model trained on them on the same test images)")
        ->check(CLI::NonNegativeNumber);
    plus->add_option("--train-defects-list", options.train_defects_list,
                     "Train on the defect images a file lists (one per line, relative to the product root "
                     "or to test/)")
        ->excludes(per_type);
    plus->add_option_function<std::string>(
            "--synthetic",
            [&a](const std::string& text) {
                a.synthetic = true;
                parse_generators(text, a.synthetic_mix.generators);
            },
            "Synthetic defects drawn afresh every epoch: all, or generators with optional shares, e.g. "
            "confetti:2,scratch (" +
                known_generators() + ")")
        ->check(CLI::Validator(
            [](std::string& text) {
                std::vector<data::synthetic::GeneratorChoice> unused;
                return parse_generators(text, unused);
            },
            "GENERATORS"));
    plus->add_option("--synthetic-set", options.synthetic_settings,
                     "A synthetic generator's parameter, as generator.parameter=value (repeatable), e.g. "
                     "perlin_texture.max_opacity=0.5 (a wrong name lists the generator's parameters)")
        ->check(CLI::Validator(
            [](std::string& text) {
                GeneratorSetting unused;
                return parse_generator_setting(text, unused);
            },
            "GENERATOR.PARAM=VALUE"));
    cmd.parse_complete_callback([&options] {
        apply_generator_settings(options.synthetic_settings, options.config.adtr.anomaly.synthetic_mix);
    });
    plus->add_option(
            "--synthetic-share", a.synthetic_share,
            "Probability that a normal training image gets a copy with a synthetic defect in an epoch "
            "(the clean image stays; within --max-epoch-size)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    plus->add_option(
            "--moved-defect-share", a.moved_defect_share,
            "Probability that a normal training image gets a copy with one of the marked defects, moved "
            "to a random place, in an epoch (0: off; within --max-epoch-size)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
    plus->add_option("--max-epoch-size", a.max_epoch_size,
                     "Largest epoch, in normal training images: defect copies beyond it (after the marked "
                     "defects) are left out at random")
        ->capture_default_str()
        ->check(CLI::Range(1.0, 100.0));
    plus->add_option("--synthetic-textures", a.synthetic_mix.texture_folder,
                     "Texture photos for perlin_texture (default: the built-in ones)");
    plus->add_option_function<std::string>(
            "--anomaly-loss",
            [&a](const std::string& name) { a.objective = *adtr::parse_anomaly_objective(name); },
            "ADTR+ objective: pixel (per-position labels), image (top-k against the image label) or both")
        ->check(CLI::IsMember(names_of(adtr::kAnomalyObjectiveNames)))
        ->default_str(std::string(adtr::to_string(a.objective)));
    plus->add_option("--alpha", a.alpha, "ADTR+ weight of the push-away term (the paper: 0.003)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    plus->add_option("--restore-weight", a.restore_weight,
                     "ADTR+ with synthetic or moved marked defects: weight of the pull of the reconstruction to "
                     "the features of the image without the defect (0: the paper's loss alone)")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    plus->add_flag("--pseudo-huber-pull", a.pseudo_huber_pull,
                   "ADTR+: pull normal positions with the paper's pseudo-Huber difference, not the normal-only "
                   "MSE");
    plus->add_option("--top-k", a.top_k, "ADTR+ image-level loss: mean of the k largest differences")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    plus->add_option("--mask-cell-fraction", a.mask_cell_fraction,
                     "A feature-grid cell is a defect when at least this fraction of it is masked (0: any "
                     "overlap)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1.0));
}

engine::TrainingData product_training_data(const data::MvtecProduct& product,
                                           const TrainingOptions& options) {
    engine::TrainingData out;
    const auto normal = load_images(product.train);
    out.normal = normal.images;
    for (const auto& r : product.train)
        out.normal_paths.push_back("train/" + r.relative_path.generic_string());
    std::vector<data::ImageRecord> chosen;
    if (!options.train_defects_list.empty())
        chosen = data::defects_from_list(product, options.train_defects_list).take();
    else if (options.train_defects > 0)
        chosen = data::first_defects_per_type(product, options.train_defects).take();
    const auto defects = load_images(chosen);
    for (size_t i = 0; i < chosen.size(); ++i) {
        if (defects.masks[i].empty())
            throw file_error(chosen[i].image_path, "has no mask; training on a defect needs its mask");
        out.defects.push_back(
            {defects.images[i], defects.masks[i], chosen[i].defect_type, data::product_path(chosen[i])});
    }
    if (options.set_aside > 0)
        for (const auto& record : data::first_defects_per_type(product, options.set_aside).take())
            out.set_aside.push_back(data::product_path(record));
    return out;
}

engine::TrainingResult run_training(const engine::TrainingData& data, const engine::TrainingConfig& config,
                                    std::FILE* out) {
    const auto& a = config.adtr.anomaly;
    if (a.mode == model::TrainingMode::NormalOnly && (!data.defects.empty() || a.synthetic))
        print_warning(
            "--mode normal: no training on defects; the defect images chosen are only left out "
            "of evaluation (to compare with an anomaly-available model on the same test images)");
    if (a.mode == model::TrainingMode::AnomalyAvailable && data.defects.empty() && !a.synthetic)
        print_warning("--mode anomaly without defects: ADTR+'s loss on normal images only");
    auto result = engine::train(data, config, terminal_progress());
    for (const auto& warning : result.warnings)
        print_warning(warning);
    if (result.mode == model::TrainingMode::AnomalyAvailable) {
        int synthetic = 0;
        double synthetic_seconds = 0;
        for (int n : result.synthetic_per_epoch)
            synthetic += n;
        for (double t : result.synthetic_seconds)
            synthetic_seconds += t;
        std::fprintf(out,
            "anomaly-available mode (ADTR+, %s loss): %d real defect images, %d defect copies "
            "(synthetic or moved marked defects) over %d epochs (%.1f s drawing them and their features)\n",
            std::string(adtr::to_string(a.objective)).c_str(), result.defect_images, synthetic,
            config.adtr.epochs, synthetic_seconds);
    }
    std::fprintf(out, "trained %s on %d normal images (%d held out for thresholds): features %.1f s, training %.1f s",
                std::string(engine::method(config.method).name()).c_str(), result.train_images, result.holdout_images,
                result.feature_seconds, result.training_seconds);
    if (!result.epoch_losses.empty())
        std::fprintf(out, " (%zu epochs, %.2f s/epoch), final loss %.5f", result.epoch_losses.size(),
                    result.training_seconds / static_cast<double>(result.epoch_losses.size()),
                    result.epoch_losses.back());
    std::fprintf(out, "\n");
    if (const auto& t = result.bundle.tiling; t.enabled())
        std::fprintf(out, "tiled: %d px tiles, %d px overlap, inspected at %d px\n", t.tile, t.overlap,
                     result.bundle.image_size);
    if (const auto& r = result.bundle.region; r.enabled())
        std::fprintf(out, "region of interest: %s with %zu corners, drawn on %d x %d images\n",
                     r.is_rectangle() ? "rectangle" : "polygon", r.polygon.size(), r.reference_width,
                     r.reference_height);
    std::fprintf(out, "thresholds from held-out normal images: image %.4f, pixel %.4f\n",
                result.bundle.thresholds.image, result.bundle.thresholds.pixel);
    return result;
}

}  // namespace kensa::cli
