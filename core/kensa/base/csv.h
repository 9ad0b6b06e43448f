#pragma once
// CSV as Kensa writes it (results logs, per-image tables): RFC 4180 quoting, one place.

#include <string>
#include <string_view>

namespace kensa {

// `s` as one CSV field: as it is, or in double quotes (inner quotes doubled) when it holds a comma, a quote
// or a line break.
inline std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\n\r") == std::string_view::npos)
        return std::string(s);
    std::string quoted = "\"";
    for (char c : s)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

}  // namespace kensa
