#include <kensa/live/hot_folder.h>

#include <kensa/base/error.h>
#include <kensa/base/file_bytes.h>
#include <kensa/data/image_folder.h>
#include <kensa/data/image_header.h>

#include <algorithm>
#include <cstring>
#include <set>

namespace kensa::live {

namespace fs = std::filesystem;

HotFolder::HotFolder(fs::path folder, HotFolderOptions options) : m_folder(std::move(folder)), m_options(options) {
    std::error_code ec;
    if (!fs::is_directory(m_folder, ec))
        throw file_error(m_folder, fs::exists(m_folder, ec) ? "not a folder" : "folder not found");
    if (!m_options.existing) {
        // What is there now was there before the line started (unless written since new_since): remembered as
        // handed out.
        const auto now = Clock::now();
        for (const auto& file : data::list_folder_entries(m_folder).files) {
            if (!data::is_image_file(file))
                continue;
            Entry e;
            e.size = fs::file_size(file, ec);
            e.mtime = fs::last_write_time(file, ec);
            if (!ec && e.mtime >= m_options.new_since)
                continue;  // written since the line started: a new part, seen by the first poll
            e.first_seen = e.unchanged_since = now;
            e.handed_out = true;
            m_entries[file] = e;
        }
    }
}

size_t HotFolder::pending() const {
    return static_cast<size_t>(
        std::count_if(m_entries.begin(), m_entries.end(), [](const auto& e) { return !e.second.handed_out; }));
}

std::vector<ArrivedImage> HotFolder::poll(Clock::time_point now) {
    const auto listing = data::list_folder_entries(m_folder);
    std::set<fs::path> present;
    std::vector<ArrivedImage> ready;
    for (const auto& file : listing.files) {
        if (!data::is_image_file(file))
            continue;
        present.insert(file);
        std::error_code size_error, time_error;
        const auto size = fs::file_size(file, size_error);
        const auto mtime = fs::last_write_time(file, time_error);
        if (size_error || time_error)
            continue;  // gone or replaced between listing and looking: seen again next time
        auto [it, is_new] = m_entries.try_emplace(file);
        Entry& entry = it->second;
        if (is_new || entry.size != size || entry.mtime != mtime) {
            // New, still growing, or replaced by a new image of the same name.
            if (is_new || entry.handed_out)
                entry.first_seen = now;
            entry.size = size;
            entry.mtime = mtime;
            entry.unchanged_since = now;
            entry.handed_out = false;
            continue;
        }
        if (entry.handed_out || size == 0 || now - entry.unchanged_since < m_options.settle)
            continue;
        ArrivedImage arrived{file, {}, true, {}, entry.first_seen};
        try {
            const auto bytes = read_regular_file(file);
            arrived.bytes.resize(bytes.size());
            std::memcpy(arrived.bytes.data(), bytes.data(), bytes.size());
        } catch (const Error& e) {
            arrived.error = e.what();
        }
        if (arrived.error.empty()) {
            if (arrived.bytes.size() != size)
                continue;  // changed while it was read: judged again
            arrived.complete = data::ends_complete(arrived.bytes);
            if (!arrived.complete && now - entry.unchanged_since < m_options.give_up)
                continue;  // the writer may only have paused
        }
        entry.handed_out = true;
        ready.push_back(std::move(arrived));
    }
    // Files that went away are forgotten: one that comes back is a new image.
    std::erase_if(m_entries, [&](const auto& e) { return !present.count(e.first); });
    std::stable_sort(ready.begin(), ready.end(),
                     [](const ArrivedImage& a, const ArrivedImage& b) { return a.first_seen < b.first_seen; });
    return ready;
}

}  // namespace kensa::live
