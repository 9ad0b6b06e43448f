#pragma once
// Names Kensa derives from a user's file name (an anomaly map "<image>.tiff", an overlay, a mask
// "<image>_mask.png", a temporary "<name>.partial") can pass the 255 bytes Linux allows in one name
// (NAME_MAX) when the user's name is close to it.

#include <string>
#include <string_view>

namespace kensa {

// stem + suffix when that fits NAME_MAX bytes; else as much of stem as fits (cut at a UTF-8 character
// boundary), '~', 16 hex digits of a hash of the whole stem, then suffix. The hash is the same on every
// run and machine, so a rewrite lands on the same file and two long stems that share a prefix stay apart.
std::string name_within_limit(std::string_view stem, std::string_view suffix);

}  // namespace kensa
