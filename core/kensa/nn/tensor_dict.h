#pragma once
// Bridges kensa::io safetensors archives and LibTorch: named tensors in and out of a torch::nn::Module.

#include <kensa/io/safetensors.h>

#include <torch/torch.h>

#include <map>
#include <string>

namespace kensa::nn {

using TensorDict = std::map<std::string, torch::Tensor>;

TensorDict to_tensor_dict(const io::TensorArchive& archive);
// Tensors are made contiguous CPU copies; names keep the dict's (sorted) order.
io::TensorArchive to_archive(const TensorDict& tensors, std::map<std::string, std::string> metadata = {});

// Every entry renamed to prefix + name (to keep several modules' tensors in one file).
TensorDict with_prefix(const TensorDict& tensors, const std::string& prefix);
// The entries whose names start with prefix, with the prefix removed.
TensorDict strip_prefix(const TensorDict& tensors, const std::string& prefix);

// All parameters and buffers of a module under their dotted names (as torch's state_dict()).
TensorDict module_state(const torch::nn::Module& module);

// Copies every parameter and buffer of `module` from `tensors`. Names, shapes and dtypes must match
// exactly; otherwise throws kensa::Error that lists what is missing, unexpected or mismatched, with
// `source` (usually the weights file) named so the user knows which file is wrong.
void load_module_state(torch::nn::Module& module, const TensorDict& tensors, const std::string& source);

// Reads a safetensors file into the module (checks as above).
void load_module_weights(torch::nn::Module& module, const std::filesystem::path& path);
void save_module_weights(const torch::nn::Module& module, const std::filesystem::path& path,
                         std::map<std::string, std::string> metadata = {});

}  // namespace kensa::nn
