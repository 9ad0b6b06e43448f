#pragma once
// A "hot folder": the folder a line's PC writes each new part's image into. HotFolder hands out every image
// that appears there once, and only when its write is complete, so a frame being written is never inspected
// half-written. OpenCV-free; polls (no inotify: it works the same on network shares, where change
// notifications are unreliable).
//
// Complete means: the file's size and modification time have not changed for `settle`, and its bytes end
// as its format ends (data::ends_complete: a JPEG's end marker, a PNG's IEND chunk). A file that stays
// unchanged but incomplete for `give_up` is handed out anyway, marked, so the user hears that it is damaged
// instead of it waiting forever. A file that is replaced (new size or time) is a new image.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kensa::live {

struct HotFolderOptions {
    std::chrono::milliseconds settle{300};
    std::chrono::milliseconds give_up{5000};
    bool existing = false;  // also hand out the images already in the folder when watching starts
    // Without `existing`: images already there that were written at or after this time still count as new
    // (parts the line wrote while the model was loading). Default: everything already there is old.
    std::filesystem::file_time_type new_since = std::filesystem::file_time_type::max();
};

struct ArrivedImage {
    std::filesystem::path path;
    std::vector<unsigned char> bytes;  // the file's contents as they were judged complete
    bool complete = true;              // false: handed out after give_up although its end is missing
    std::string error;                 // non-empty: the file could not be read (then bytes is empty)
    std::chrono::steady_clock::time_point first_seen;  // when the watcher first saw the file (latency)
};

class HotFolder {
public:
    using Clock = std::chrono::steady_clock;

    // Throws kensa::Error when the folder does not exist or cannot be listed.
    HotFolder(std::filesystem::path folder, HotFolderOptions options = {});

    // The images whose writes completed since the last call, in the order they were first seen (then by
    // name). Never blocks; call it every few hundred milliseconds. A folder that cannot be listed any more
    // (unmounted share) throws kensa::Error; the caller decides whether to retry.
    std::vector<ArrivedImage> poll(Clock::time_point now = Clock::now());

    const std::filesystem::path& folder() const { return m_folder; }
    size_t pending() const;  // images seen but not handed out yet (still being written)

private:
    struct Entry {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type mtime;
        Clock::time_point first_seen, unchanged_since;
        bool handed_out = false;
    };

    std::filesystem::path m_folder;
    HotFolderOptions m_options;
    std::map<std::filesystem::path, Entry> m_entries;
};

}  // namespace kensa::live
