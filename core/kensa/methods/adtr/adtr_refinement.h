#pragma once
// Refining a trained ADTR model (AdtrOptions::start_from): its transformer and feature standardisation are
// the starting point of a training, e.g. a normal-only model refined with the defects a user marked after
// reviewing its results, in a few epochs instead of a whole training. Includes LibTorch (for adtr_training).

#include <kensa/features/backbone_features.h>
#include <kensa/methods/adtr/adtr_config.h>
#include <kensa/methods/adtr/adtr_reconstructor.h>
#include <kensa/nn/tensor_dict.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kensa::adtr {

struct StartingPoint {
    std::filesystem::path model;
    std::string checksum;                       // the model's tensor checksum, for the record
    std::vector<std::string> learned_from;      // images the model trained on or set aside (its exclusions)
    nn::TensorDict transformer;                 // its "adtr." tensors, without the prefix
    FeatureStandardisation standardisation;     // its feature standardisation
};

// Loads the model and checks that it fits what this training asks for: an ADTR model of the same backbone
// (weights too), input size, first stage and transformer shape. Throws kensa::Error naming the file and
// the first thing that differs.
StartingPoint load_starting_point(const std::filesystem::path& model, const AdtrConfig& shape,
                                  engine::BackboneFeatures& backbone);

}  // namespace kensa::adtr
