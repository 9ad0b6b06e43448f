#pragma once
// The safetensors format (https://github.com/huggingface/safetensors): an 8-byte little-endian header
// length, a JSON header naming each tensor's dtype, shape and byte range, then the raw little-endian data.
// Plain tensors, never code, so weights can come from the Python ecosystem. No LibTorch here; see
// kensa/nn/tensor_dict.h for the conversion to torch::Tensor.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace kensa::io {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

std::string to_string(DType dtype);                         // "F32", ...
std::optional<DType> parse_dtype(const std::string& name);  // inverse of to_string
size_t element_size(DType dtype);

struct TensorRecord {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    std::vector<std::byte> data;  // little-endian, row-major

    int64_t numel() const;
};

struct TensorArchive {
    std::vector<TensorRecord> tensors;            // in file order
    std::map<std::string, std::string> metadata;  // the optional "__metadata__" string map

    const TensorRecord* find(const std::string& name) const;
};

// Parses a safetensors image. `source` names it in errors (a path, or "model bundle").
// Throws kensa::Error on a truncated file, a malformed header, or inconsistent offsets.
TensorArchive parse_safetensors(std::span<const std::byte> bytes, const std::string& source);
TensorArchive read_safetensors(const std::filesystem::path& path);

std::vector<std::byte> serialize_safetensors(const TensorArchive& archive);
// Atomic: a reader never sees a half-written file.
void write_safetensors(const std::filesystem::path& path, const TensorArchive& archive);

}  // namespace kensa::io
