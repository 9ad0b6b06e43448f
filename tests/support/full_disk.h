#pragma once
// A folder on which files cannot grow, as on a full disk, for the disk-full drills.
//
// Where the test may mount (root with CAP_SYS_ADMIN, as in most CI containers), the folder is a small tmpfs,
// mounted in a mount namespace of the test process's own: nobody else sees it, it vanishes with the process,
// and the programs the test starts (kensa-cli) inherit it. fill() takes its free space with a filler file,
// so writes then fail with ENOSPC exactly as on a full disk.
//
// Elsewhere fill() lowers the process's file size limit (RLIMIT_FSIZE) with SIGXFSZ ignored: a write that
// grows a file past the limit fails with EFBIG, in this process and in the processes it starts. That binds
// every file, not only the folder's, so fill only around the operation under test. KENSA_TEST_FULL_DISK=rlimit
// picks this way even where mounting works (to test it). Every Linux has it; a test skips, saying why, only
// when setrlimit itself fails.

#include "mount_namespace.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace kensa::test {

class FullDisk {
public:
    // Creates folder (empty); a tmpfs there holds `capacity` bytes.
    explicit FullDisk(const std::filesystem::path& folder, std::uintmax_t capacity = 32u << 20) : m_folder(folder) {
        std::filesystem::create_directories(folder);
        const char* forced = std::getenv("KENSA_TEST_FULL_DISK");
        if (forced && std::string(forced) == "rlimit") {
            m_why_no_tmpfs = "KENSA_TEST_FULL_DISK=rlimit";
            return;
        }
        if (!enter_private_mount_namespace(m_why_no_tmpfs))
            return;  // several threads already (see prepare()), or no right to mount
        const std::string options = "size=" + std::to_string(capacity);
        if (::mount("tmpfs", folder.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0)
            m_tmpfs = true;
        else
            m_why_no_tmpfs = std::string("mount tmpfs: ") + std::strerror(errno);
    }
    ~FullDisk() {
        free_space();
        if (m_tmpfs)
            ::umount2(m_folder.c_str(), MNT_DETACH);
    }
    FullDisk(const FullDisk&) = delete;
    FullDisk& operator=(const FullDisk&) = delete;

    // How the disk is made full, for the test's log.
    std::string mechanism() const {
        return m_tmpfs ? "a tmpfs filled up (ENOSPC)"
                       : "RLIMIT_FSIZE with SIGXFSZ ignored (EFBIG), no tmpfs: " + m_why_no_tmpfs;
    }
    // True when the folder is a file system of its own (the tmpfs): a rename into it from elsewhere fails
    // with EXDEV, which tests of copying across file systems need.
    bool separate_file_system() const { return m_tmpfs; }
    // What a failed write says (strerror of ENOSPC or EFBIG).
    std::string error_text() const { return std::strerror(m_tmpfs ? ENOSPC : EFBIG); }

    // From now on at most about `still_fits` more bytes fit in the folder (with the file size limit: no file
    // grows past still_fits bytes, so kensa-cli's messages, redirected to a file, still arrive). Returns an
    // empty string, or why the disk could not be made full (the test then skips).
    std::string fill(std::uintmax_t still_fits = 0) {
        if (m_tmpfs) {
            const auto filler = m_folder / ".filler";
            const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd < 0)
                return std::string("cannot create the filler: ") + std::strerror(errno);
            const std::vector<char> block(64 * 1024, 'x');
            off_t written = 0;
            for (size_t size = block.size(); size > 0; size /= 2) {  // down to the last partial block
                for (ssize_t n; (n = ::write(fd, block.data(), size)) > 0;)
                    written += n;
            }
            // Give back still_fits bytes (tmpfs counts whole pages: a little more may fit).
            const int truncated = ::ftruncate(fd, std::max<off_t>(0, written - off_t(still_fits)));
            ::close(fd);
            return truncated == 0 ? std::string() : std::string("ftruncate: ") + std::strerror(errno);
        }
        if (m_limited)
            return {};
        if (::getrlimit(RLIMIT_FSIZE, &m_old_limit) != 0)
            return std::string("getrlimit: ") + std::strerror(errno);
        m_old_handler = ::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = m_old_limit;
        limited.rlim_cur = still_fits;
        if (::setrlimit(RLIMIT_FSIZE, &limited) != 0) {
            ::signal(SIGXFSZ, m_old_handler);
            return std::string("setrlimit(RLIMIT_FSIZE): ") + std::strerror(errno);
        }
        m_limited = true;
        return {};
    }

    // As if the user made room: writes succeed again.
    void free_space() {
        if (m_tmpfs) {
            std::error_code ignored;
            std::filesystem::remove(m_folder / ".filler", ignored);
        } else if (m_limited) {
            ::setrlimit(RLIMIT_FSIZE, &m_old_limit);
            ::signal(SIGXFSZ, m_old_handler);
            m_limited = false;
        }
    }

    // The folder's entries, the filler left out.
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::recursive_directory_iterator(m_folder))
            if (e.path().filename() != ".filler")
                names.push_back(std::filesystem::relative(e.path(), m_folder).string());
        std::sort(names.begin(), names.end());
        return names;
    }

    // Call first thing in a test program that starts threads later (a Qt test): the mount namespace can only
    // be entered while the process has one thread. Later FullDisks then get their tmpfs.
    static void prepare() {
        std::string ignored;
        enter_private_mount_namespace(ignored);
    }

private:
    std::filesystem::path m_folder;
    bool m_tmpfs = false;
    std::string m_why_no_tmpfs;
    bool m_limited = false;
    rlimit m_old_limit{};
    sighandler_t m_old_handler = SIG_DFL;
};

}  // namespace kensa::test
