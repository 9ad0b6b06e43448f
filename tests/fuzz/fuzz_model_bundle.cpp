// A .kensa model from a colleague or an old version: the bundle's metadata, description JSON and checksum.
#include "fuzz_input_file.h"

#include <kensa/base/error.h>
#include <kensa/model/model_bundle.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    try {
        const auto bundle = kensa::model::load_bundle(kensa::fuzz::write_input("model.kensa", data, size));
        // An accepted bundle saves again.
        kensa::model::save_bundle(kensa::fuzz::scratch_folder() / "again.kensa", bundle);
    } catch (const kensa::Error&) {
    }
    return 0;
}
