#pragma once
// A folder made read-only while a program uses it, as when a share is remounted read-only or an
// administrator takes away the write permission, for the drills of issue 21.
//
// As root, whom permissions do not bind, the folder becomes a read-only bind mount of itself, in the test
// process's own mount namespace (mount_namespace.h; call enter_private_mount_namespace first thing in a test
// program that starts threads later): writes there fail with EROFS. As anyone else, the write permission of
// the folder and every folder in it is taken away: creating and renaming files fails with EACCES. Either
// way files already open stay open, as they would.

#include "mount_namespace.h"

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace kensa::test {

class ReadOnlyFolder {
public:
    explicit ReadOnlyFolder(std::filesystem::path folder) : m_folder(std::move(folder)) {}
    ~ReadOnlyFolder() { make_writable(); }
    ReadOnlyFolder(const ReadOnlyFolder&) = delete;
    ReadOnlyFolder& operator=(const ReadOnlyFolder&) = delete;

    // Returns an empty string, or why the folder could not be made read-only (the test then skips).
    std::string make_read_only() {
        if (::geteuid() != 0) {
            m_folders = {m_folder};
            for (const auto& e : std::filesystem::recursive_directory_iterator(m_folder))
                if (e.is_directory())
                    m_folders.push_back(e.path());
            for (const auto& f : m_folders)
                if (::chmod(f.c_str(), 0555) != 0)
                    return "chmod " + f.string() + ": " + std::strerror(errno);
            m_errno = EACCES;
            return {};
        }
        std::string why_not;
        if (!enter_private_mount_namespace(why_not))
            return "root, and no mount namespace of its own: " + why_not;
        if (::mount(m_folder.c_str(), m_folder.c_str(), nullptr, MS_BIND, nullptr) != 0)
            return std::string("bind mount: ") + std::strerror(errno);
        m_mounted = true;
        if (::mount(nullptr, m_folder.c_str(), nullptr, MS_BIND | MS_REMOUNT | MS_RDONLY, nullptr) != 0)
            return std::string("remounting read-only: ") + std::strerror(errno);
        m_errno = EROFS;
        return {};
    }

    // As if the write permission came back.
    void make_writable() {
        if (m_mounted)
            ::umount2(m_folder.c_str(), MNT_DETACH);
        m_mounted = false;
        for (const auto& f : m_folders)
            ::chmod(f.c_str(), 0755);
        m_folders.clear();
    }

    // What a failed write says (strerror of EROFS or EACCES).
    std::string error_text() const { return std::strerror(m_errno); }
    std::string mechanism() const {
        return m_errno == EROFS ? "a read-only bind mount (EROFS)" : "write permission taken away (EACCES)";
    }

private:
    std::filesystem::path m_folder;
    bool m_mounted = false;
    std::vector<std::filesystem::path> m_folders;
    int m_errno = EACCES;
};

}  // namespace kensa::test
