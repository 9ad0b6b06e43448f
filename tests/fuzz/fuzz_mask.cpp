// Masks are read with every channel and alpha kept (IMREAD_UNCHANGED): a different decoder path.
#include "fuzz_input_file.h"

#include <kensa/data/image_io.h>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto mask = kensa::data::read_mask(kensa::fuzz::write_input("mask.png", data, size));
    if (mask.ok() && mask->type() != CV_8UC1)
        std::abort();
    return 0;
}
