#pragma once
// Choosing defect images of a product's test split to train on (ADTR+): by a rule or from a list.

#include <kensa/base/result.h>
#include <kensa/data/mvtec_product.h>

#include <filesystem>
#include <vector>

namespace kensa::data {

// The first `per_type` images of every defect type, by sorted file name (product.test is sorted).
// Fails when a type has fewer than per_type images with a mask, naming the type and how many it has.
Result<std::vector<ImageRecord>> first_defects_per_type(const MvtecProduct& product, int per_type);

// The images a text file lists, one per line, as paths relative to the product root
// ("test/crack/000.png") or to test/ ("crack/000.png"); blank lines and lines starting with '#' are
// skipped. Fails naming the file and line for a path that is not a test image, a good image or an image
// without a mask, and for a listed image given twice.
Result<std::vector<ImageRecord>> defects_from_list(const MvtecProduct& product,
                                                   const std::filesystem::path& list_file);

// "test/<relative path>": how training records a test image (relative to the product root), as valid
// UTF-8 (base/utf8.h): a name with other bytes is recorded, and matched, with them replaced.
std::string product_path(const ImageRecord& test_record);

}  // namespace kensa::data
