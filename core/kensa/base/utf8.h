#pragma once
// Text that must be valid UTF-8 (JSON records, reports) made from bytes that need not be: Linux file
// names may hold any byte but '/' and NUL.

#include <string>
#include <string_view>

namespace kensa {

// The bytes with every byte that does not begin a well-formed UTF-8 sequence replaced by U+FFFD; valid
// UTF-8 comes back unchanged. Deterministic, so a name recorded this way matches the same name later.
std::string valid_utf8(std::string_view bytes);

}  // namespace kensa
