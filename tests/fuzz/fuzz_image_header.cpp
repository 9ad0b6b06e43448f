// The header reader sees every image before its decoder: it must accept any bytes and, where it finds a
// size, agree with the format it sniffed.
#include <kensa/data/image_header.h>

#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::span<const unsigned char> bytes(data, size);
    const auto format = kensa::data::sniff_format(bytes);
    const auto declared = kensa::data::declared_size(bytes);
    if (declared && format.empty())
        std::abort();  // a size from bytes of no known format
    if (declared && (declared->width < 0 || declared->height < 0))
        std::abort();  // sides are clamped into int, never wrapped negative
    return 0;
}
