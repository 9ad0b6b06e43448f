#pragma once
// The photographs the sample product is made of, compiled into kensa_data (see resources/sample/README.md).

#include <span>
#include <string_view>

namespace kensa::data {

// The PNG bytes of an embedded photograph: "brick" (the product surface), "gravel" and "grass"
// (foreign material). Empty for an unknown name.
std::span<const unsigned char> embedded_sample_photo(std::string_view name);

}  // namespace kensa::data
