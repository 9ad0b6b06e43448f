#include <kensa/data/image_folder.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace kensa::data {

namespace fs = std::filesystem;

bool is_image_file(const fs::path& path) {
    static constexpr std::array<std::string_view, 6> k_extensions = {".png", ".jpg", ".jpeg",
                                                                     ".bmp", ".tif", ".tiff"};
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return std::find(k_extensions.begin(), k_extensions.end(), ext) != k_extensions.end();
}

namespace {
bool is_hidden(const fs::path& path) {
    const auto name = path.filename().string();
    return !name.empty() && name.front() == '.';
}
}  // namespace

Result<std::vector<ImageFile>> list_image_folder(const fs::path& folder, bool recursive) {
    return capture([&] {
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) {
            throw file_error(folder, fs::exists(folder, ec) ? "not a folder" : "folder not found");
        }
        std::vector<ImageFile> files;
        auto consider = [&](const fs::directory_entry& entry) {
            std::error_code e;
            if (!is_hidden(entry.path()) && entry.is_regular_file(e) && is_image_file(entry.path())) {
                files.push_back({entry.path(), entry.path().lexically_relative(folder)});
            }
        };
        if (recursive) {
            fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
            if (ec)
                throw file_error(folder, "cannot list: " + ec.message());
            for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec)
                    throw file_error(folder, "cannot list: " + ec.message());
                if (is_hidden(it->path())) {
                    if (it->is_directory(ec))
                        it.disable_recursion_pending();
                    continue;
                }
                consider(*it);
            }
            if (ec)
                throw file_error(folder, "cannot list: " + ec.message());
        } else {
            fs::directory_iterator it(folder, ec);
            if (ec)
                throw file_error(folder, "cannot list: " + ec.message());
            for (; it != fs::directory_iterator(); it.increment(ec)) {
                if (ec)
                    throw file_error(folder, "cannot list: " + ec.message());
                consider(*it);
            }
            if (ec)
                throw file_error(folder, "cannot list: " + ec.message());
        }
        std::sort(files.begin(), files.end(), [](const ImageFile& a, const ImageFile& b) {
            return a.relative_path.generic_string() < b.relative_path.generic_string();
        });
        return files;
    });
}

}  // namespace kensa::data
