#include <kensa/base/atomic_file.h>

#include <kensa/base/error.h>
#include <kensa/base/file_name_limit.h>

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace kensa {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_suffix = ".partial";

void write_all(int fd, std::span<const std::byte> bytes, const fs::path& path) {
    const auto* p = reinterpret_cast<const char*>(bytes.data());
    size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw file_error(path, std::string("write failed: ") + std::strerror(errno));
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
}

}  // namespace

fs::path partial_path(const fs::path& path) {
    return path.parent_path() / name_within_limit(path.filename().string(), k_suffix);
}

namespace {

// Writes bytes to path's temporary name and flushes them to the disk; returns that name.
fs::path write_partial(const fs::path& path, std::span<const std::byte> bytes) {
    std::error_code ec;
    if (path.has_parent_path() && !fs::is_directory(path.parent_path(), ec)) {
        fs::create_directories(path.parent_path(), ec);
        if (ec)
            throw file_error(path, "cannot create its folder: " + ec.message());
    }
    auto partial = partial_path(path);
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw file_error(path, std::string("cannot create: ") + std::strerror(errno));
    try {
        write_all(fd, bytes, path);
        if (::fsync(fd) != 0)
            throw file_error(path, std::string("cannot flush: ") + std::strerror(errno));
    } catch (...) {
        ::close(fd);
        ::unlink(partial.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(partial.c_str());
        throw file_error(path, std::string("cannot flush: ") + std::strerror(err));
    }
    return partial;
}

void replace(const fs::path& partial, const fs::path& path) {
    std::error_code ec;
    fs::rename(partial, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw file_error(path, "cannot replace: " + ec.message());
    }
}

}  // namespace

void write_file_atomically(const fs::path& path, std::span<const std::byte> bytes) {
    replace(write_partial(path, bytes), path);
}

void write_files_atomically(std::span<const FileContent> files) {
    std::vector<fs::path> partials;
    try {
        for (const auto& f : files)
            partials.push_back(write_partial(f.path, f.bytes));
    } catch (...) {
        for (const auto& p : partials)
            ::unlink(p.c_str());
        throw;
    }
    for (size_t i = 0; i < files.size(); ++i)
        replace(partials[i], files[i].path);
}

}  // namespace kensa
