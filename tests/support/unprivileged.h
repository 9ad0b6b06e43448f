#pragma once
// Runs a check as a user whom file permissions bind. Root reads every file and folder whatever its mode,
// so a test of "permission denied" run as root would test nothing: as root, the check runs in a child
// process that has become "nobody" (uid/gid 65534); as anyone else, in a child unchanged.

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>
#include <functional>

namespace kensa::test {

inline constexpr int kCannotDropRoot = 120;

// The exit code of check() (0: passed; any other code the test's own meaning), run in a child process.
// kCannotDropRoot when root could not become nobody (a container without CAP_SETUID): the test then skips,
// saying why. An exception thrown by check() exits with 121.
inline int exit_code_unprivileged(const std::function<int()>& check) {
    const pid_t child = ::fork();
    if (child < 0)
        return -1;
    if (child == 0) {
        if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
            ::_exit(kCannotDropRoot);
        try {
            ::_exit(check());
        } catch (...) {
            ::_exit(121);
        }
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace kensa::test
