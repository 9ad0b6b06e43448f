#include <kensa/base/file_name_limit.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>

namespace kensa {

namespace {

// FNV-1a: std::hash differs between standard libraries, and names written today must match tomorrow's.
uint64_t stable_hash(std::string_view text) {
    uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

bool is_utf8_continuation(unsigned char c) {
    return (c & 0xc0) == 0x80;
}

}  // namespace

std::string name_within_limit(std::string_view stem, std::string_view suffix) {
    if (stem.size() + suffix.size() <= NAME_MAX)
        return std::string(stem).append(suffix);
    char hash[18];
    std::snprintf(hash, sizeof hash, "~%016llx", static_cast<unsigned long long>(stable_hash(stem)));
    const size_t room = NAME_MAX - suffix.size() - (sizeof hash - 1);
    size_t cut = std::min(room, stem.size());
    while (cut > 0 && cut < stem.size() && is_utf8_continuation(static_cast<unsigned char>(stem[cut])))
        --cut;
    return std::string(stem.substr(0, cut)).append(hash).append(suffix);
}

}  // namespace kensa
