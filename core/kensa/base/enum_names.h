#pragma once
// One table per enum gives its stable names (files, command lines, settings) both ways, and the list of
// names a command line accepts, so no caller repeats them.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kensa {

template <typename E>
struct EnumName {
    E value;
    std::string_view name;
};

template <typename E, size_t N>
constexpr std::string_view name_of(const std::array<EnumName<E>, N>& table, E value) {
    for (const auto& entry : table)
        if (entry.value == value)
            return entry.name;
    return table.front().name;
}

template <typename E, size_t N>
constexpr std::optional<E> value_of(const std::array<EnumName<E>, N>& table, std::string_view name) {
    for (const auto& entry : table)
        if (entry.name == name)
            return entry.value;
    return std::nullopt;
}

template <typename E, size_t N>
std::vector<std::string> names_of(const std::array<EnumName<E>, N>& table) {
    std::vector<std::string> names;
    for (const auto& entry : table)
        names.emplace_back(entry.name);
    return names;
}

}  // namespace kensa
