#pragma once
// The arithmetic a network computes in, chosen by the user or automatically. LibTorch-free.

#include <kensa/base/enum_names.h>

#include <array>
#include <optional>
#include <string_view>

namespace kensa {

enum class Precision {
    Auto,      // BFloat16 where the CPU has native bf16 dot products (avx512_bf16 / AMX), else Float32
    Float32,   // the exact reference path
    BFloat16,  // products in bf16 with fp32 accumulation (what exactly stays fp32 is the network's choice)
};

// Stable names for files and command lines.
inline constexpr std::array<EnumName<Precision>, 3> kPrecisionNames{
    {{Precision::Auto, "auto"}, {Precision::Float32, "fp32"}, {Precision::BFloat16, "bf16"}}};

inline std::string_view to_string(Precision precision) {
    return name_of(kPrecisionNames, precision);
}
inline std::optional<Precision> parse_precision(std::string_view name) {
    return value_of(kPrecisionNames, name);
}

}  // namespace kensa
