// decode_image is what every image file goes through: any bytes give an image within the stated limit or
// a kensa::Error naming the label, never a crash, an abort or an unbounded allocation.
#include <kensa/data/image_io.h>

#include <cstdlib>
#include <span>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const auto image = kensa::data::decode_image(std::span<const unsigned char>(data, size), "fuzz.png");
    if (image.ok()) {
        if (image->type() != CV_32FC3 || image->empty())
            std::abort();
        if (int64_t(image->cols) * image->rows > kensa::data::kMaxImagePixels)
            std::abort();
    } else if (image.error().message().rfind("fuzz.png: ", 0) != 0) {
        std::abort();  // every error names its file
    }
    return 0;
}
