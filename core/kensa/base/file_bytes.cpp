#include <kensa/base/file_bytes.h>

#include <kensa/base/error.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace kensa {

namespace fs = std::filesystem;

namespace {

// Not there at all, as opposed to there but out of reach (a folder on the path that may not be searched).
bool is_missing(const std::error_code& ec) {
    return ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory;
}

}  // namespace

std::string why_not_regular(const fs::path& path) {
    std::error_code ec;
    const auto link = fs::symlink_status(path, ec);
    if (ec && !is_missing(ec))
        return "cannot access: " + ec.message();
    if (fs::is_symlink(link)) {
        const auto target = fs::status(path, ec);
        if (ec.value() == ELOOP)
            return "a symbolic link loop";
        if (ec && !is_missing(ec))
            return "cannot access the link's target: " + ec.message();
        if (!fs::exists(target))
            return "a broken symbolic link (its target does not exist)";
    }
    const auto status = fs::status(path, ec);
    if (ec && !is_missing(ec))
        return "cannot access: " + ec.message();
    if (!fs::exists(status))
        return "file not found";
    if (fs::is_directory(status))
        return "is a folder, not a file";
    if (fs::is_fifo(status))
        return "a named pipe (FIFO), not a regular file";
    if (fs::is_character_file(status) || fs::is_block_file(status))
        return "a device, not a regular file";
    if (fs::is_socket(status))
        return "a socket, not a regular file";
    return "not a regular file";
}

std::vector<std::byte> read_regular_file(const fs::path& path, bool allow_empty) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw file_error(path, why_not_regular(path));
    // O_NONBLOCK: should the path be swapped for a FIFO after the check, open() still returns at once.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        throw file_error(path, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw file_error(path, why_not_regular(path));
    }
    if (st.st_size == 0 && !allow_empty) {
        ::close(fd);
        throw file_error(path, "file is empty (0 bytes)");
    }
    std::vector<std::byte> bytes(static_cast<size_t>(st.st_size));
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : 0;
            ::close(fd);
            throw file_error(path, err ? std::string("read failed: ") + std::strerror(err)
                                       : "read failed: the file became shorter while being read");
        }
        done += static_cast<size_t>(n);
    }
    ::close(fd);
    return bytes;
}

}  // namespace kensa
