#include <kensa/data/defect_selection.h>

#include <kensa/base/error.h>
#include <kensa/base/utf8.h>

#include <fstream>
#include <map>
#include <set>

namespace kensa::data {

std::string product_path(const ImageRecord& test_record) {
    return valid_utf8("test/" + test_record.relative_path.generic_string());
}

Result<std::vector<ImageRecord>> first_defects_per_type(const MvtecProduct& product, int per_type) {
    return capture([&] {
        if (per_type < 0)
            throw Error("the number of defect images per type must be 0 or more");
        std::vector<ImageRecord> out;
        if (per_type == 0)
            return out;
        if (product.defect_types.empty())
            throw file_error(product.root / "test", "no defect types (only good images) to train on");
        std::map<std::string, int> taken;
        std::map<std::string, int> available;
        for (const auto& r : product.test) {
            if (r.is_good() || !r.mask_path)
                continue;
            ++available[r.defect_type];
            if (taken[r.defect_type] < per_type) {
                ++taken[r.defect_type];
                out.push_back(r);
            }
        }
        for (const auto& type : product.defect_types) {
            if (available[type] < per_type)
                throw file_error(product.root / "test" / type,
                                 "defect type '" + type + "' has " + std::to_string(available[type]) +
                                     " image(s) with a mask; " + std::to_string(per_type) +
                                     " per type were asked for (lower --train-defects)");
        }
        return out;
    });
}

Result<std::vector<ImageRecord>> defects_from_list(const MvtecProduct& product,
                                                   const std::filesystem::path& list_file) {
    return capture([&] {
        std::ifstream in(list_file);
        if (!in)
            throw file_error(list_file, "cannot open the list of defect images");
        std::map<std::string, const ImageRecord*> by_path;
        for (const auto& r : product.test)
            by_path[r.relative_path.generic_string()] = &r;
        std::vector<ImageRecord> out;
        std::set<std::string> seen;
        std::string line;
        for (int number = 1; std::getline(in, line); ++number) {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
                line.pop_back();
            const auto first = line.find_first_not_of(" \t");
            if (first == std::string::npos || line[first] == '#')
                continue;
            std::string path = std::filesystem::path(line.substr(first)).lexically_normal().generic_string();
            if (path.rfind("test/", 0) == 0)
                path = path.substr(5);
            const auto where = list_file.string() + ":" + std::to_string(number);
            const auto it = by_path.find(path);
            if (it == by_path.end())
                throw Error(where + ": '" + line.substr(first) + "' is not an image of " +
                            (product.root / "test").string());
            const auto& record = *it->second;
            if (record.is_good())
                throw Error(where + ": '" + line.substr(first) + "' is a good image; list defect images");
            if (!record.mask_path)
                throw Error(where + ": " + record.image_path.string() + " has no mask in " +
                            (product.root / "ground_truth" / record.defect_type).string());
            if (!seen.insert(path).second)
                throw Error(where + ": '" + line.substr(first) + "' is listed twice");
            out.push_back(record);
        }
        if (out.empty())
            throw file_error(list_file, "lists no defect images");
        return out;
    });
}

}  // namespace kensa::data
