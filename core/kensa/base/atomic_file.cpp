#include <kensa/base/atomic_file.h>

#include <kensa/base/error.h>

#include <fcntl.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace kensa {

void write_file_atomically(const std::filesystem::path& path, std::span<const std::byte> bytes) {
    auto partial = path;
    partial += ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        throw file_error(partial, std::string("cannot create: ") + std::strerror(errno));
    const auto* p = reinterpret_cast<const char*>(bytes.data());
    size_t left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            ::unlink(partial.c_str());
            throw file_error(partial, std::string("write failed: ") + std::strerror(err));
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int err = errno;
        ::unlink(partial.c_str());
        throw file_error(partial, std::string("cannot flush: ") + std::strerror(err));
    }
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        std::filesystem::remove(partial);
        throw file_error(path, "cannot replace: " + ec.message());
    }
}

}  // namespace kensa
