#pragma once
// What every kensa-cli command shares: exit codes, Ctrl-C handling, progress display, messages.

#include <kensa/base/progress.h>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace kensa::cli {

enum ExitCode : int { kOk = 0, kFailed = 1, kUsage = 2, kCancelled = 130 };

// Installs a SIGINT/SIGTERM handler that makes every progress callback return false (so core work
// stops at its next check and throws Cancelled); a second Ctrl-C kills the process outright.
void install_interrupt_handler();
bool interrupted();

// A progress callback that draws a bar with ETA on a terminal and prints plain lines otherwise
// (one per 10%), on stderr. Returns false once interrupted.
ProgressCallback terminal_progress();

void print_error(const std::string& message);    // "kensa-cli: error: ..." on stderr
void print_warning(const std::string& message);  // "kensa-cli: warning: ..." on stderr

// JSON on stdout, indented. Folder and file names need not be UTF-8 on Linux and JSON must be: each invalid
// byte becomes U+FFFD, as models record such names, instead of the writer throwing.
void print_json(const nlohmann::json& j);

}  // namespace kensa::cli
