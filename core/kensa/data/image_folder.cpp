#include <kensa/data/image_folder.h>

#include <kensa/base/file_bytes.h>

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

FolderEntries list_folder_entries(const fs::path& folder) {
    FolderEntries out;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec)
        throw file_error(folder, "cannot list: " + ec.message());
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.empty() || name.front() == '.')
            continue;
        std::error_code e;
        if (it->is_directory(e)) {
            out.folders.push_back(it->path());
        } else if (it->is_regular_file(e)) {
            out.files.push_back(it->path());
        } else {
            out.others.push_back(it->path());
        }
    }
    if (ec)
        throw file_error(folder, "cannot list: " + ec.message());
    std::sort(out.files.begin(), out.files.end());
    std::sort(out.folders.begin(), out.folders.end());
    return out;
}

Result<ImageListing> scan_image_folder(const fs::path& folder, bool recursive) {
    return capture([&] {
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) {
            throw file_error(folder, fs::exists(folder, ec) ? "not a folder" : "folder not found");
        }
        ImageListing listing;
        auto consider = [&](const fs::directory_entry& entry) {
            std::error_code e;
            if (is_hidden(entry.path()) || !is_image_file(entry.path()) || entry.is_directory(e))
                return;
            if (entry.is_regular_file(e))
                listing.files.push_back({entry.path(), entry.path().lexically_relative(folder)});
            else
                listing.skipped.push_back({entry.path(), why_not_regular(entry.path())});
        };
        if (recursive) {
            fs::recursive_directory_iterator it(folder, ec);
            if (ec)
                throw file_error(folder, "cannot list: " + ec.message());
            for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) {
                    throw file_error(folder, "cannot list: " + ec.message());
                }
                if (is_hidden(it->path())) {
                    if (it->is_directory(ec))
                        it.disable_recursion_pending();
                    continue;
                }
                // A subfolder that cannot be opened is reported and left out, not a reason to stop.
                if (it->is_directory(ec) && !it->is_symlink(ec)) {
                    std::error_code open_error;
                    fs::directory_iterator probe(it->path(), open_error);
                    if (open_error) {
                        listing.skipped.push_back({it->path(), "cannot list: " + open_error.message()});
                        it.disable_recursion_pending();
                    }
                    continue;
                }
                consider(*it);
            }
        } else {
            fs::directory_iterator it(folder, ec);
            if (ec)
                throw file_error(folder, "cannot list: " + ec.message());
            for (; it != fs::directory_iterator(); it.increment(ec)) {
                if (ec)
                    throw file_error(folder, "cannot list: " + ec.message());
                consider(*it);
            }
        }
        std::sort(listing.files.begin(), listing.files.end(), [](const ImageFile& a, const ImageFile& b) {
            return a.relative_path.generic_string() < b.relative_path.generic_string();
        });
        std::sort(listing.skipped.begin(), listing.skipped.end(),
                  [](const SkippedEntry& a, const SkippedEntry& b) { return a.path < b.path; });
        return listing;
    });
}

Result<std::vector<ImageFile>> list_image_folder(const fs::path& folder, bool recursive) {
    return capture([&] { return scan_image_folder(folder, recursive).take().files; });
}

}  // namespace kensa::data
