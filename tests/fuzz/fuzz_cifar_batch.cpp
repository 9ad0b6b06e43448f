// CIFAR-10 and CIFAR-100 binary batches: fixed-size records of label bytes and pixels.
#include "fuzz_input_file.h"

#include <kensa/base/error.h>
#include <kensa/data/tiny/cifar_binary.h>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto path = kensa::fuzz::write_input("batch.bin", data, size);
    for (auto variant : {kensa::data::CifarVariant::Cifar10, kensa::data::CifarVariant::Cifar100}) {
        try {
            const auto batch = kensa::data::read_cifar_batch(path, variant);
            // What was accepted is whole: one label per image, each a 32 x 32 RGB image.
            if (batch.images.size() != batch.labels.size())
                std::abort();
            for (const auto& image : batch.images)
                if (image.type() != CV_8UC3 || image.rows != 32 || image.cols != 32)
                    std::abort();
        } catch (const kensa::Error&) {
        }
    }
    return 0;
}
