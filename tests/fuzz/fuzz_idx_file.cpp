// IDX files (MNIST, Fashion-MNIST), plain or gzip: magic, type, dimension counts, values.
#include "fuzz_input_file.h"

#include <kensa/base/error.h>
#include <kensa/data/tiny/idx_file.h>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto path = kensa::fuzz::write_input("data.idx", data, size);
    try {
        const auto array = kensa::data::read_idx(path);
        size_t count = 1;
        for (uint32_t d : array.dims)
            count *= d;
        if (count != array.values.size())
            std::abort();
        // The same file as images with itself as labels exercises the shape checks.
        const auto images = kensa::data::read_idx_images(path, path);
        if (images.images.size() != images.labels.size())
            std::abort();
    } catch (const kensa::Error&) {
    }
    return 0;
}
