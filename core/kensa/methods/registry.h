#pragma once
// Every method Kensa has, by id. Adding a method: its folder under methods/, one line in registry.cpp
// and one add_subdirectory in methods/CMakeLists.txt.

#include <kensa/methods/method.h>

#include <string>
#include <string_view>
#include <vector>

namespace kensa::engine {

const std::vector<const Method*>& methods();  // in the order the CLI and the app offer them

// Throws kensa::Error naming the known ids for an unknown one.
const Method& method(std::string_view id);

std::vector<std::string> method_ids();

}  // namespace kensa::engine
