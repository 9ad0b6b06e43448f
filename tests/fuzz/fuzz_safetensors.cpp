// Backbone weights and model bundles are safetensors files: header length, JSON header, tensor table.
#include <kensa/base/error.h>
#include <kensa/io/safetensors.h>

#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        const auto archive = kensa::io::parse_safetensors(
            std::span(reinterpret_cast<const std::byte*>(data), size), "fuzz.safetensors");
        // What was accepted must be written back and read again to the same tensors.
        const auto again = kensa::io::parse_safetensors(kensa::io::serialize_safetensors(archive), "again");
        if (again.tensors.size() != archive.tensors.size())
            std::abort();
    } catch (const kensa::Error&) {
    }
    return 0;
}
