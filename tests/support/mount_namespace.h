#pragma once
// A mount namespace of the test process's own, for drills that mount (a full disk's tmpfs, a read-only bind
// mount): nobody else sees those mounts, they vanish with the process, and the programs the test starts
// inherit them.

#include <sched.h>
#include <sys/mount.h>
#include <cerrno>
#include <cstring>
#include <string>

namespace kensa::test {

// Once per process: a mount namespace whose mounts do not propagate back to the system's. Returns false, with
// why_not, where the process may not (no CAP_SYS_ADMIN) or while it has several threads (the kernel refuses
// to unshare a shared fs context): call it first thing in a test program that starts threads later.
inline bool enter_private_mount_namespace(std::string& why_not) {
    static int state = 0;  // 0 not tried, 1 done, -1 failed
    static std::string reason;
    if (state == 0) {
        if (::unshare(CLONE_NEWNS) != 0) {
            reason = std::string("unshare(CLONE_NEWNS): ") + std::strerror(errno);
            state = -1;
        } else if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
            reason = std::string("making mounts private: ") + std::strerror(errno);
            state = -1;
        } else {
            state = 1;
        }
    }
    why_not = reason;
    return state == 1;
}

}  // namespace kensa::test
